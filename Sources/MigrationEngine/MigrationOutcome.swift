/// The terminal state of an attempt.
public enum OutcomeState: String, Sendable, Equatable {
    case completed, aborted, lost
    /// The run's horizon ended it first.
    case running
}

/// How a completed attempt completed, or why it did not.
public enum OutcomeReason: Sendable, Equatable {
    case precopy
    case postcopy
    case pausedAndCopied
    /// Xen's limits forced the final stop-and-copy.
    case xenLimitStop
    case aborted(AbortReason)
    case hostFailureDuringPostcopy
    case horizon
    /// `MigrationRun`'s step bound ended it first (state `running`).
    case workLimit

    public var text: String {
        switch self {
        case .precopy: return "pre-copy"
        case .postcopy: return "post-copy"
        case .pausedAndCopied: return "paused-and-copied"
        case .xenLimitStop: return "xen limits: stop-and-copy"
        case .aborted(let r): return r.rawValue
        case .hostFailureDuringPostcopy: return "host failure during post-copy"
        case .horizon: return "horizon reached"
        case .workLimit: return "work limit reached"
        }
    }
}

/// The post-copy part of an attempt.
public struct PostcopyReport: Sendable, Equatable {
    public var startSeconds: Double
    /// Guest stopped: device state + discard bitmap.
    public var blackoutSeconds: Double
    /// Guest running on the target while pages still arrive.
    public var degradedSeconds: Double
    public var bytesPushed: Double
    /// Expected page faults served from the source and the time guests spent waiting on them.
    public var expectedFaults: Double
    public var faultStallSeconds: Double
}

/// Everything an attempt produced.
public struct MigrationOutcome: Sendable, Equatable {
    public var state: OutcomeState
    public var reason: OutcomeReason
    public var totalTimeSeconds: Double
    public var downtimeSeconds: Double
    public var bytesSent: Double
    public var passes: [PassRecord]
    /// QEMU dirty-sync-count (setup sync included).
    public var dirtySyncCount: Int
    public var finalThrottlePercent: Int
    public var postcopy: PostcopyReport?
}
