import FleetModel
import FleetSimulation
import SimKernel

/// One attempt to move an instance, as the report shows it.
public struct AttemptRecord: Sendable, Codable {
    public let instance: InstanceID
    public let attempt: Int
    public let action: MoveAction
    public let source: HostID
    public let target: HostID
    public let queuedAt: SimTime
    public let startedAt: SimTime
    public var endedAt: SimTime?
    public var downtime: SimTime = .zero
    /// Bytes the live migration put on the wire (0 for reboot migration).
    public var bytes: Double = 0
    public var outcome: AttemptOutcome?
    public var reason: String = ""
    /// `downtime` by part (nil while the attempt runs).
    public var downtimeParts: DowntimeBreakdown?
    /// The notice this reboot or manual migration (or a stop at a manual-migration deadline)
    /// followed, if the policy sent one.
    public var notice: NoticeRecord?

    public var queueingDelay: SimTime { startedAt - queuedAt }
    /// From start to end of the attempt (nil while it runs).
    public var duration: SimTime? { endedAt.map { $0 - startedAt } }
}

/// A customer notice of a reboot or manual migration.
public struct NoticeRecord: Sendable, Equatable, Codable {
    public let action: MoveAction
    public let sentAt: SimTime
    public let dueAt: SimTime
    public let extended: Bool
}

/// Per-host drain timeline.
public struct HostRecord: Sendable, Codable {
    public var drainStart: SimTime?
    public var drainEnd: SimTime?
    public var returned: SimTime?
    public var instancesMoved = 0
    /// The campaign wave the host was drained in (1-based).
    public var wave = 0
}
