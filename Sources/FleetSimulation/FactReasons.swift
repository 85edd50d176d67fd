import MigrationEngine

/// Why an attempt ended as it did (`Fact.attemptEnded`). Typed, so an observer can count by
/// reason without parsing text; `text` is the wording of instances.csv and the timeline.
public enum AttemptEndReason: Sendable, Equatable {
    /// The engine's own account of a live attempt (pre-copy, post-copy, an abort rule, ...).
    case engine(OutcomeReason)
    /// An injected migration fault (docs/failure-reference.md).
    case injectedAbort(MigrationAbortCause)
    /// OCI: custom and Marketplace images may not live-migrate; the gate's draw failed.
    case liveNotPossibleForImage
    /// An injected fault: the target could not set the migration up.
    case targetSetupError
    case sourceHostFailed
    case targetHostFailed
    case targetHostFailedDuringBoot
    case rebootMigrationFailed
    /// Completed phased moves.
    case rebooted(staysStopped: Bool)
    case relaunchedFromBootVolume
    case coldMoved
    case restartedAfterHostFailure
    /// The end of a stop in place: its host returned, or the run ended first.
    case restartedWhenHostReturned
    case stillStoppedAtEnd

    public var text: String {
        switch self {
        case .engine(let reason): return reason.text
        case .injectedAbort(let cause): return cause.rawValue
        case .liveNotPossibleForImage: return "live migration not possible for this image"
        case .targetSetupError: return "target setup error (device attach timeout)"
        case .sourceHostFailed: return "source host failed"
        case .targetHostFailed: return "target host failed"
        case .targetHostFailedDuringBoot: return "target host failed during boot"
        case .rebootMigrationFailed: return "reboot migration failed"
        case .rebooted(let staysStopped):
            return staysStopped ? "reboot-migrated; stays stopped (availability configuration)" : "rebooted on target"
        case .relaunchedFromBootVolume: return "relaunched from its boot volume"
        case .coldMoved: return "stopped, moved and started on target"
        case .restartedAfterHostFailure: return "restarted from its boot volume after a host failure"
        case .restartedWhenHostReturned: return "restarted when its host returned"
        case .stillStoppedAtEnd: return "still stopped at the end of the run"
        }
    }
}

/// Why an instance ended the run where it did (`Fact.instanceResolved`); `text` is
/// instances.csv's `final_reason`.
public indirect enum ResolutionReason: Sendable, Equatable {
    /// Moved by its campaign move (live, reboot, manual, cold).
    case migrated(MoveAction)
    case returnedHome
    case returnAbandoned(failedAttempts: Int)
    case noTargetSkipped
    case noTargetStopped
    case planExhausted
    case stoppedByPolicy
    case manualDeadlinePassed
    /// A stop in place whose host came back: the stop's reason, then the restart.
    case restartedWhenHostReturned(after: ResolutionReason)
    // Settled at the end of the run:
    case returnInProgressAtHorizon
    case moveInProgressAtHorizon
    case downAwaitingRepairAtHorizon
    case waitingForCapacityAtHorizon
    case awaitingNoticeAtHorizon
    case queuedAtHorizon
    case lostInPostcopy
    case restartedAfterHostFailure
    case hostNotDrained
    case hostNotInCampaign

    public var text: String {
        switch self {
        case .migrated(let action): return "\(action.rawValue) migration"
        case .returnedHome: return "returned to its host after maintenance"
        case .returnAbandoned(let n): return "moved; return abandoned after \(n) failed attempt\(n == 1 ? "" : "s")"
        case .noTargetSkipped: return "no target with capacity"
        case .noTargetStopped: return "no target with capacity: stopped in place"
        case .planExhausted: return "every action of its plan failed"
        case .stoppedByPolicy: return "stopped in place by policy"
        case .manualDeadlinePassed: return "customer did not act before the manual-migration deadline"
        case .restartedWhenHostReturned(let before): return before.text + "; restarted when its host returned"
        case .returnInProgressAtHorizon: return "return in progress at horizon"
        case .moveInProgressAtHorizon: return "move in progress at horizon"
        case .downAwaitingRepairAtHorizon: return "down after a host failure, awaiting repair at horizon"
        case .waitingForCapacityAtHorizon: return "waiting for capacity at horizon"
        case .awaitingNoticeAtHorizon: return "awaiting the customer or due date at horizon"
        case .queuedAtHorizon: return "queued at horizon"
        case .lostInPostcopy: return "lost in post-copy; restarted from its boot volume"
        case .restartedAfterHostFailure: return "host failure; restarted"
        case .hostNotDrained: return "host not drained before horizon"
        case .hostNotInCampaign: return "host not in campaign"
        }
    }
}

/// How a live attempt switched over (`Fact.switchover`).
public enum SwitchoverMode: String, Sendable, Equatable {
    /// The guest stops and the last dirty pages are copied (QEMU's completion stage).
    case stopAndCopy = "stop_and_copy"
    /// The guest stops for post-copy's blackout, then runs on the target while pages follow.
    case postcopy
}
