/// What happens to a migration from outside its own loop: a host or the link failing, an
/// operator cancel or force-complete, and the outcome so far when the run ends first.
extension PrecopyController {
    /// A host failed at `t`. During post-copy the running guest is lost (its memory is split
    /// between the hosts); otherwise the attempt aborts.
    public mutating func hostFailed(_ side: HostSide, atSeconds t: Double) {
        advance(toSeconds: t)
        switch phase {
        case .finished: return
        case .postcopyBlackout, .postcopyActive: finish(.lost, .hostFailureDuringPostcopy)
        // SimGrid: the VM runs on the destination once stage 3 arrived, whatever the source does.
        case .acknowledging: finish(.completed, stopReason)
        default: emit(.abort(side == .source ? .sourceFailure : .targetFailure))
            finish(.aborted, .aborted(side == .source ? .sourceFailure : .targetFailure))
        }
    }

    /// The migration link was cut at `t`. Pre-copy aborts (the guest keeps running on the
    /// source); post-copy pauses until `linkRestored` (QEMU postcopy-paused, recoverable).
    public mutating func linkFailed(atSeconds t: Double) {
        advance(toSeconds: t)
        switch phase {
        case .finished: return
        case .postcopyBlackout, .postcopyActive:
            if !postcopyPaused { postcopyPaused = true; emit(.postcopyPaused) }
        case .acknowledging: finish(.completed, stopReason)
        default: emit(.abort(.linkFailure)); finish(.aborted, .aborted(.linkFailure))
        }
    }

    public mutating func linkRestored(atSeconds t: Double) {
        advance(toSeconds: t)
        if postcopyPaused { postcopyPaused = false; emit(.postcopyResumed) }
    }

    /// Operator cancel (`migrate_cancel`); ignored once post-copy has started.
    public mutating func cancel(atSeconds t: Double) {
        advance(toSeconds: t)
        switch phase {
        case .setup, .precopy: emit(.abort(.cancelled)); finish(.aborted, .aborted(.cancelled))
        default: return
        }
    }

    /// Force-complete now (Nova `live-migration-force-complete`): post-copy when enabled, else
    /// pause the guest and copy the rest.
    public mutating func forceComplete(atSeconds t: Double) {
        advance(toSeconds: t)
        guard phase == .precopy else { return }
        applyTimeoutAction(parameters.postcopy != nil ? .switchToPostcopy : .pauseAndComplete)
    }

    /// The outcome so far, as `running`, for a horizon that ends the run first.
    public func runningOutcome() -> MigrationOutcome {
        MigrationOutcome(state: .running, reason: .horizon, totalTimeSeconds: nowSeconds - startSeconds,
                         downtimeSeconds: downtimeSeconds, bytesSent: bytesSent, passes: passes,
                         dirtySyncCount: dirtySyncCount, finalThrottlePercent: throttlePercent,
                         postcopy: postcopyReport)
    }
}
