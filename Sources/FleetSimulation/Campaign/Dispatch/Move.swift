import FleetModel
import SimKernel

/// A move in progress: the record every kind of move (live, reboot, manual, cold, restart)
/// keeps while it runs; `CampaignModel.moves` holds one per instance (nil: no move).
struct Move {
    let action: MoveAction
    let source: HostID
    let target: HostID
    let attempt: Int
    let isReturn: Bool
    var stoppedAt: SimTime?
    var downtime: SimTime = .zero
    /// `downtime` by part, charged up to `downtimeChargedUntil` (nil: from `stoppedAt`).
    var downtimeParts = DowntimeBreakdown()
    var downtimeChargedUntil: SimTime?
    /// Phased moves: durations of stop, middle (reassign, relaunch, copy) and start.
    var phaseDurations: [SimTime] = []
    var phase = 0
    /// A reboot migration that fails: the instance comes back up on its source.
    var fails = false
    var staysStopped = false
    /// A cold move whose root disk must be copied once the instance has stopped.
    var needsCopy = false
    var transfer: Transfer?
    /// Bytes a cold move copied (live migrations report the engine's own count).
    var copiedBytes: Double = 0
    /// Migrations hold concurrency slots; a restart after a host failure does not.
    var usesSlots = true
}
