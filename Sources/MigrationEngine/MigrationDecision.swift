/// Why an attempt was aborted.
public enum AbortReason: String, Sendable, Equatable {
    case completionTimeout = "completion timeout"
    case progressTimeout = "progress timeout"
    case xenLimits = "xen limits"
    case cancelled
    case sourceFailure = "source failure"
    case targetFailure = "target failure"
    case linkFailure = "link failure"
}

/// A decision of the controller. The simulator (or a real hypervisor adapter) acts on these.
public enum MigrationDecision: Sendable, Equatable {
    /// Setup done: start sending pass 0.
    case startSending
    /// Dirty-bitmap sync at the end of pass `pass`; `dirtyBytes` found dirty.
    case sync(pass: Int, dirtyBytes: Double)
    /// Start the next pre-copy pass of `bytes` (memory bytes to resend).
    case keepSending(pass: Int, bytes: Double)
    case raiseThrottle(percent: Int)
    case changeDowntimeLimit(seconds: Double)
    /// Stop the guest and copy the final dirty set.
    case switchOver(finalDirtyBytes: Double)
    case startPostcopy(remainingBytes: Double)
    /// Pause the guest and finish the copy offline.
    case pauseAndComplete
    case abort(AbortReason)
    /// Post-copy network cut: the guest is paused on the target until the link returns.
    case postcopyPaused
    case postcopyResumed
    /// The attempt is over; see `outcome`.
    case finished
}
