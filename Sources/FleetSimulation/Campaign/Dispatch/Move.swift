import FleetModel
import SimKernel

/// A move in progress: the record every kind of move (live, reboot, manual, cold, restart)
/// keeps while it runs; `CampaignModel.moves` (a `MoveTable`) holds one per instance moving.
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
    /// Offline moves: the stage they are in, and each stage's duration.
    var stageDurations = StageDurations()
    var stage = MoveStage.stop
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

/// The stages of an offline move (reboot, manual, cold, restart), the instance down
/// throughout: stop the guest; the middle (reassign, rebuild, relaunch and reattach, or copy
/// the root disk), at whose end the instance changes host; start it on the target.
enum MoveStage { case stop, middle, start }

/// How long each stage of an offline move lasts (drawn when the move starts; a cold move's
/// middle is its root-disk copy, which ends when its bytes are through).
struct StageDurations {
    var stop = SimTime.zero
    var middle = SimTime.zero
    var start = SimTime.zero

    subscript(stage: MoveStage) -> SimTime {
        switch stage {
        case .stop: return stop
        case .middle: return middle
        case .start: return start
        }
    }
}
