import FleetModel
import SimKernel

/// How an instance is moved.
public enum MoveAction: String, Sendable, CaseIterable {
    case live = "live"
    case reboot = "reboot"
    case manual = "manual"
}

/// The end state of an attempt.
public enum AttemptOutcome: String, Sendable {
    case completed
    case aborted
    case lost
}

/// Where an instance ends the run.
public enum FinalState: String, Sendable, CaseIterable {
    /// Moved off its host by the campaign.
    case moved
    /// Left on its host: no target had room and the campaign skips such instances.
    case skipped
    /// Still waiting (for a target, or mid-move) when the horizon ended the run.
    case unresolved
    /// Its host was not in the campaign.
    case untouched
}

/// The typed stream of what happens in a run. The model emits facts; metrics, the invariant
/// checker and the report writers subscribe (the pattern of SimGrid's s4u signals). Adding a
/// metric never touches the model.
public enum Fact: Sendable {
    case campaignStarted(time: SimTime)
    case hostDrainStarted(host: HostID, time: SimTime)
    case hostDrained(host: HostID, time: SimTime)
    case hostReturned(host: HostID, time: SimTime)
    /// The instance joined its host's drain queue.
    case moveQueued(instance: InstanceID, time: SimTime)
    /// No host had room; the instance waits.
    case waitingForCapacity(instance: InstanceID, time: SimTime)
    /// Resources reserved on `target` for the instance's move.
    case reserved(instance: InstanceID, target: HostID, time: SimTime)
    case attemptStarted(instance: InstanceID, attempt: Int, action: MoveAction, source: HostID, target: HostID, time: SimTime)
    /// The instance stopped running (start of a downtime).
    case instanceStopped(instance: InstanceID, time: SimTime)
    /// The instance now lives on `to`; `from` is released.
    case moved(instance: InstanceID, from: HostID, to: HostID, time: SimTime)
    /// The instance runs again (end of a downtime).
    case instanceResumed(instance: InstanceID, time: SimTime)
    case attemptEnded(instance: InstanceID, attempt: Int, action: MoveAction, outcome: AttemptOutcome,
                      reason: String, downtime: SimTime, time: SimTime)
    case instanceResolved(instance: InstanceID, state: FinalState, reason: String, time: SimTime)
    case campaignEnded(time: SimTime)
}

/// A subscriber to the fact stream.
public protocol FactObserver: AnyObject {
    func observe(_ fact: Fact)
}
