/// The last look-ahead of the `qemu` loop and the inputs it was computed from. A reference so
/// the controller's `nextDecisionSeconds` getter can fill it; copies of a controller share it,
/// which is harmless: a result is only reused when every input is equal.
///
/// The inputs are kept field by field and compared in place (the thread's state, the run's
/// limit, the bitmap's pending pages, the rate and the rules: the same comparison as a
/// synthesized `==` over them), rather than built into a key value per look-up: the key held a
/// whole `QemuThreadLoop` and was copied several times per call.
final class LookaheadMemo: @unchecked Sendable {
    private var filled = false
    private var start = QemuThreadLoop(startSeconds: 0, windowSeconds: 0, capBytesPerSecond: nil)
    private var until: Double = 0
    private var pendingAtCommit: Double = 0
    private var rate: Double = 0
    private var rules = QemuThreadLoop.Rules(downtimeLimitSeconds: 0, availSwitchoverBytesPerSecond: nil,
                                             version: .v8_2, pageBytes: 0)
    private var value = QemuThreadLoop(startSeconds: 0, windowSeconds: 0, capBytesPerSecond: nil)

    func result(start s: QemuThreadLoop, until u: Double, pendingAtCommit p: Double, rate r: Double,
                rules ru: QemuThreadLoop.Rules) -> QemuThreadLoop? {
        guard filled, u == until, p == pendingAtCommit, r == rate, ru == rules, s == start else { return nil }
        return value
    }

    func store(start s: QemuThreadLoop, until u: Double, pendingAtCommit p: Double, rate r: Double,
               rules ru: QemuThreadLoop.Rules, result v: QemuThreadLoop) {
        filled = true
        start = s
        until = u
        pendingAtCommit = p
        rate = r
        rules = ru
        value = v
    }
}
