import MigrationEngine

extension LiveMigration {
    /// Advance to `t` (relative ns); when the injected abort point (`abortAtBytes`) falls
    /// before `t`, abort the attempt there instead.
    ///
    /// The point lies inside the first pass, which every attempt sends before it can switch
    /// over, so the abort strikes with exactly its configured probability per attempt (docs/
    /// failure-reference.md). It is found by bisection on the controller's clock between the
    /// last decision point and `t`: the last nanosecond at which the attempt was still in
    /// pre-copy with fewer bytes sent than the point. Snapshots are plain copies of the
    /// controller (a value type); only attempts drawn to abort pay for them.
    func advanceAbortingAtInjectedPoint(toNanoseconds t: Int64) {
        guard let abortAt = abortAtBytes else { advanceController(toNanoseconds: t); return }
        let before = controller
        advanceController(toNanoseconds: t)
        let withinFirstPass = abortWithinFirstPass
        guard Self.struck(controller, abortAt, withinFirstPass) else {
            // A per-GiB point the attempt switched over before reaching never strikes.
            if !(phase == .setup || phase == .precopy) { abortAtBytes = nil }
            return
        }
        var safe = EngineTime.nanoseconds(roundingUp: before.nowSeconds - before.startSeconds)
        var hit = t
        while hit - safe > 1 {
            let mid = safe + (hit - safe) / 2
            var probe = before
            probe.advance(toNanoseconds: mid)
            if Self.struck(probe, abortAt, withinFirstPass) { hit = mid } else { safe = mid }
        }
        var aborted = before
        aborted.advance(toNanoseconds: safe)
        controller = aborted
        overrideReason = abortReason
        abortAtBytes = nil
        apply { $0.cancel(atSeconds: EngineTime.seconds(nanoseconds: safe)) }
    }

    /// The abort point has been passed in pre-copy; or, for a point inside the first pass,
    /// the attempt has left pre-copy (it would switch over first, which the point precedes).
    static func struck(_ c: PrecopyController, _ abortAt: Double, _ withinFirstPass: Bool) -> Bool {
        let inPrecopy = c.phase == .setup || c.phase == .precopy
        return inPrecopy ? c.bytesSent >= abortAt : withinFirstPass
    }
}
