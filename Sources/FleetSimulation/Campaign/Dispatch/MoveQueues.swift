import DequeModule
import FleetModel
import MaintenancePolicy

/// Move dispatch's state: each draining host's queue of instances to move, the instances
/// waiting for capacity (oldest first), and the concurrency slots. Written only by the files
/// of `Campaign/Dispatch/` (CampaignOwnershipTests); other subsystems go through the methods
/// below.
struct MoveQueues {
    var byHost: [Deque<InstanceID>]
    var waiting: [InstanceID] = []
    var slots: MigrationSlots

    init(hostCount: Int, limits: ConcurrencyLimits) {
        byHost = Array(repeating: Deque(), count: hostCount)
        slots = MigrationSlots(limits: limits, hostCount: hostCount)
    }

    /// Take `i` out of `h`'s queue and of the waiting list (its host failed under it).
    mutating func withdraw(_ i: InstanceID, from h: HostID, wasWaiting: Bool) {
        if let k = byHost[h.int].firstIndex(of: i) { byHost[h.int].remove(at: k) }
        if wasWaiting { waiting.removeAll { $0 == i } }
    }
}
