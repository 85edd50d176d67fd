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
    /// Hosts that may have something to do when capacity frees up (a superset of the
    /// draining hosts that can start a move or finish their drain), and the order their
    /// drains started in (`dispatchDrainingHosts` visits them in it).
    private var candidates: [HostID] = []
    private var isCandidate: [Bool]
    private var drainOrder: [Int]
    private var drainsStarted = 0

    init(hostCount: Int, limits: ConcurrencyLimits) {
        byHost = Array(repeating: Deque(), count: hostCount)
        slots = MigrationSlots(limits: limits, hostCount: hostCount)
        isCandidate = Array(repeating: false, count: hostCount)
        drainOrder = Array(repeating: Int.max, count: hostCount)
    }

    /// `h` starts draining: it is dispatched after every host that started before it.
    mutating func drainStarted(_ h: HostID) {
        drainOrder[h.int] = drainsStarted
        drainsStarted += 1
        mayDispatch(h)
    }

    /// Something queued on `h`, or a move out of it ended: visit it on the next dispatch.
    mutating func mayDispatch(_ h: HostID) {
        guard !isCandidate[h.int] else { return }
        isCandidate[h.int] = true
        candidates.append(h)
    }

    /// The candidates in the order their drains started, taken out of the list but still
    /// marked: the visit unmarks each host when it comes to it (`visiting`), and hands back
    /// the ones it does not reach (`putBack`). A host marked again before its turn is then
    /// listed once, as when it is visited.
    mutating func takeCandidates() -> [HostID] {
        var taken = candidates
        candidates.removeAll(keepingCapacity: true)
        let order = drainOrder
        taken.sort { order[$0.int] < order[$1.int] }
        return taken
    }

    /// The visit has come to `h`: it is no longer a candidate unless marked again.
    mutating func visiting(_ h: HostID) { isCandidate[h.int] = false }

    /// Candidates taken but not visited (still marked), back in the list in their order.
    mutating func putBack(_ hosts: ArraySlice<HostID>) {
        candidates.append(contentsOf: hosts)
    }

    /// Take `i` out of `h`'s queue and of the waiting list (its host failed under it).
    mutating func withdraw(_ i: InstanceID, from h: HostID, wasWaiting: Bool) {
        if let k = byHost[h.int].firstIndex(of: i) { byHost[h.int].remove(at: k) }
        if wasWaiting { waiting.removeAll { $0 == i } }
    }
}
