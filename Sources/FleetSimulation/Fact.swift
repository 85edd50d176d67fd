import FleetModel
import MaintenancePolicy
import MigrationEngine
import SimKernel

/// How an instance is moved.
public enum MoveAction: String, Sendable, CaseIterable, Codable {
    case live
    case reboot
    case manual
    /// Stop, copy the root disk if it is local, start on the target (LXD `migrate`).
    case cold
    /// Stop in place: the instance does not move (LXD `stop`).
    case stop
    /// Restart after a host failure (from its boot volume, on another host).
    case restart
}

/// What a second of downtime is spent on. Every stop of an instance has exactly one cause.
public enum DowntimeCause: String, Sendable, CaseIterable {
    /// A live migration's switchover (stop-and-copy, or post-copy blackout).
    case blackout
    case reboot
    case manual
    /// A cold move (stop, copy, start) or a stop in place.
    case cold
    case stop
    /// The host failed under the instance (unplanned).
    case crash
    /// Post-copy paused by a network cut: the guest is frozen (unplanned).
    case postcopyPause = "postcopy_pause"

    /// Maintenance downtime, as opposed to an unplanned outage.
    public var isPlanned: Bool { self != .crash && self != .postcopyPause }
}

/// The end state of an attempt.
public enum AttemptOutcome: String, Sendable, Codable {
    case completed
    case aborted
    case lost
}

/// Where an instance ends the run.
public enum FinalState: String, Sendable, CaseIterable, Codable {
    /// Moved off its campaign host (or moved away and back, when instances return).
    case moved
    /// Left on its host: no target had room and the campaign skips such instances, or every
    /// action of its plan failed.
    case skipped
    /// Stopped (in place, or by the platform when the customer never acted) and not running
    /// at the end of the run.
    case stopped
    /// Stopped in place during its host's maintenance and started again when the host returned.
    case restarted
    /// Lost in post-copy (a host failed while its memory was split between two hosts), and
    /// restarted from its boot volume.
    case lost
    /// Hit by a host failure outside any move (an unplanned outage), restarted elsewhere or
    /// in place after the repair, and not otherwise moved by the campaign.
    case crashed
    /// Still waiting, mid-move, or on a host not yet drained when the horizon ended the run.
    case unresolved
    /// Its host was not in the campaign.
    case untouched
}

/// Why an instance got its plan: the policy's reason, or the campaign's own move when the
/// scenario has no policy.
public enum PlanOrigin: Sendable, CustomStringConvertible {
    case policy(PlanReason)
    case campaignMove(MoveKind)

    /// The text of instances.csv's `plan_reason`.
    public var description: String {
        switch self {
        case .policy(let reason): return reason.description
        case .campaignMove(let move): return "campaign move: \(move.rawValue)"
        }
    }
}

/// What starts a notified move: the customer, or the platform after the due date or deadline.
public enum NoticeTrigger: Sendable, Equatable, CustomStringConvertible {
    /// A reboot migration, started as the policy drew it (customer, or platform after the due
    /// date, or a DenseIO rebuild on it).
    case reboot(RebootTrigger)
    /// The customer migrates the instance before the manual-migration deadline.
    case customerMigrates
    /// The manual-migration deadline passes without the customer acting.
    case manualDeadline

    /// The text of instances.csv's `notice_trigger`.
    public var description: String {
        switch self {
        case .reboot(let t): return t.rawValue
        case .customerMigrates: return "customer"
        case .manualDeadline: return "deadline"
        }
    }
}

/// One link's totals at the end of a run.
public struct LinkTotal: Sendable, Codable {
    public let link: LinkID
    public let name: String
    public let kind: NetworkTopology.LinkKind
    public let capacityBytesPerSecond: Double
    public let bytesCarried: Double
    public let peakFlows: Int
}

/// The typed stream of what happens in a run. The model emits facts; metrics, the invariant
/// checker and the report writers subscribe (the pattern of SimGrid's s4u signals). Adding a
/// metric never touches the model.
public enum Fact: Sendable {
    case campaignStarted(time: SimTime)
    /// Wave `wave` (1-based; hosts of one wave drain together, the next waits for all of them
    /// to be back) starts with its first drain.
    case waveStarted(wave: Int, time: SimTime)
    case hostDrainStarted(host: HostID, time: SimTime)
    case hostDrained(host: HostID, time: SimTime)
    case hostReturned(host: HostID, time: SimTime)
    /// The policy's plan for the instance: its chain of actions, why, and (OCI) which
    /// live-migration criteria it fails.
    case planned(instance: InstanceID, actions: [PlannedAction], reason: PlanOrigin,
                 incompatibilities: [EligibilityCriterion], time: SimTime)
    /// A customer was notified of a reboot or manual migration that will start at `startsAt`
    /// (the customer's own time, or the platform's after the due date). `extended`: the due
    /// date was extended (OCI reboot migration; a manual-migration deadline never is).
    case noticeSent(instance: InstanceID, action: MoveAction, dueAt: SimTime, extended: Bool, startsAt: SimTime,
                    trigger: NoticeTrigger, time: SimTime)
    /// Local NVMe data deleted (a DenseIO proactive reboot without a backup).
    case dataLost(instance: InstanceID, time: SimTime)
    /// Identifiers that changed in a manual migration (public IP, MAC addresses, ...).
    case identifiersChanged(instance: InstanceID, identifiers: [ChangedIdentifier], time: SimTime)
    /// The instance joined a queue to move (its host's drain, or a return home).
    case moveQueued(instance: InstanceID, time: SimTime)
    /// No host had room; the instance waits.
    case waitingForCapacity(instance: InstanceID, time: SimTime)
    /// Resources reserved on `target` for the instance's move.
    case reserved(instance: InstanceID, target: HostID, time: SimTime)
    /// A reservation given up (the move failed).
    case reservationCancelled(instance: InstanceID, target: HostID, time: SimTime)
    case attemptStarted(instance: InstanceID, attempt: Int, action: MoveAction, source: HostID, target: HostID, time: SimTime)
    /// The instance stopped running (start of a downtime) for `cause`.
    case instanceStopped(instance: InstanceID, cause: DowntimeCause, time: SimTime)
    /// The instance now lives on `to`; `from` is released.
    case moved(instance: InstanceID, from: HostID, to: HostID, time: SimTime)
    /// The instance runs again (end of a downtime).
    case instanceResumed(instance: InstanceID, time: SimTime)
    /// The engine switched a live attempt over: the guest stops for the final stop-and-copy
    /// (also when the management pauses it to complete), or for post-copy's blackout.
    case switchover(instance: InstanceID, attempt: Int, mode: SwitchoverMode, time: SimTime)
    /// The engine's record of a live attempt, published when it ends (before `attemptEnded`):
    /// each pre-copy pass (`PassRecord`: start relative to `start`, duration, bytes, dirty
    /// bytes at its sync, throttle, downtime limit), QEMU's dirty-sync-count and the final
    /// auto-converge throttle.
    case livePasses(instance: InstanceID, attempt: Int, start: SimTime, passes: [PassRecord], dirtySyncCount: Int,
                    finalThrottlePercent: Int, time: SimTime)
    /// A live migration's network flow ended: what the network carried for it (on every link
    /// of `path`, once per crossing) and what the engine sent within that allocation.
    case flowEnded(instance: InstanceID, path: [LinkID], networkBytes: Double, engineBytes: Double, time: SimTime)
    /// `downtimeParts` splits `downtime` (they sum to it exactly).
    case attemptEnded(instance: InstanceID, attempt: Int, action: MoveAction, outcome: AttemptOutcome,
                      reason: AttemptEndReason, downtime: SimTime, downtimeParts: DowntimeBreakdown, bytes: Double, time: SimTime)
    /// Bytes carried so far by each sampled link (rack up/downlinks, spine, client).
    case linkSample(time: SimTime, bytesCarried: [(LinkID, Double)])
    /// Where the instance ended the run. `inCampaign`: it started on a campaign host (so a
    /// crash before its host's drain still counts against the campaign's population), or the
    /// campaign planned a move for it, or it sat on a campaign host the horizon caught
    /// undrained; any other instance is a bystander (`untouched`, or `crashed` by a failure).
    case instanceResolved(instance: InstanceID, state: FinalState, reason: ResolutionReason, inCampaign: Bool, time: SimTime)
    case campaignEnded(time: SimTime)
    /// A host failed (every instance on it stops) or came back from repair.
    case hostFailed(host: HostID, cause: FailureCause, time: SimTime)
    case hostRepaired(host: HostID, time: SimTime)
    /// A link's capacity changed (a cut is 0; a restore is 1).
    case linkCapacityChanged(link: LinkID, fraction: Double, time: SimTime)
    /// Every link's totals, once, after the last event.
    case networkTotals(links: [LinkTotal], time: SimTime)
}

/// A subscriber to the fact stream.
public protocol FactObserver: AnyObject {
    func observe(_ fact: Fact)
}
