/// The last look-ahead of the `qemu` loop and the inputs it was computed from. A reference so
/// the controller's `nextDecisionSeconds` getter can fill it; copies of a controller share it,
/// which is harmless: a result is only reused when every input is equal.
final class LookaheadMemo: @unchecked Sendable {
    struct Key: Equatable {
        var start: QemuThreadLoop
        var until: Double
        var pendingAtCommit: Double
        var rate: Double
        var rules: QemuThreadLoop.Rules
    }
    private var key: Key? = nil
    private var value: QemuThreadLoop? = nil

    func result(for k: Key) -> QemuThreadLoop? { key == k ? value : nil }

    func store(_ k: Key, _ v: QemuThreadLoop) {
        key = k
        value = v
    }
}
