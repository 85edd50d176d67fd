import DequeModule
import HeapModule
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
    /// draining hosts that can start a move or finish their drain): `isCandidate` marks them,
    /// and a visit (`beginVisit`, `nextCandidate`) takes them in the order their drains
    /// started. A heap of (drain order, host) rather than a list sorted at each visit: at the
    /// fleet-wide limit a visit ends at its first dispatch, and sorting every candidate to
    /// take one was a sixth of backbone-10k's simulation (2,000 draining hosts, 32 moves in
    /// flight, a visit per move end).
    private var isCandidate: [Bool]
    private var drainOrder: [Int]
    private var drainsStarted = 0
    /// Marked since the last visit began: they join the heap when the next one begins, so a
    /// host marked during a visit waits for the next (as it did in a list sorted per visit).
    private var pending: [HostID] = []
    /// (drain order when the entry joined) << 32 | host. A host's drain order can change
    /// while it is marked (its drain starts): it then gets a second entry, and the first is
    /// dropped when it surfaces (`nextCandidate`).
    private var heap = Heap<UInt64>()
    private var visitNumber = 0
    private var visitedIn: [Int]
    /// Between `beginVisit` and `endVisit`. No drain starts during a visit (drains start when
    /// the campaign begins and when a host returns, never from a dispatch): a list sorted when
    /// the visit began would have kept such a host at its old place.
    private var visitOpen = false

    init(hostCount: Int, limits: ConcurrencyLimits) {
        byHost = Array(repeating: Deque(), count: hostCount)
        slots = MigrationSlots(limits: limits, hostCount: hostCount)
        isCandidate = Array(repeating: false, count: hostCount)
        drainOrder = Array(repeating: Int.max, count: hostCount)
        visitedIn = Array(repeating: -1, count: hostCount)
    }

    /// `h` starts draining: it is dispatched after every host that started before it.
    mutating func drainStarted(_ h: HostID) {
        precondition(!visitOpen, "a drain started during a dispatch visit")
        drainOrder[h.int] = drainsStarted
        drainsStarted += 1
        // Already marked: an entry with the new order (the old one is dropped when it surfaces).
        if isCandidate[h.int] { pending.append(h) } else { mayDispatch(h) }
    }

    /// Whether `h` is marked for the next visit.
    func isMarked(_ h: HostID) -> Bool { isCandidate[h.int] }

    /// Something queued on `h`, or a move out of it ended: visit it on the next dispatch.
    mutating func mayDispatch(_ h: HostID) {
        guard !isCandidate[h.int] else { return }
        isCandidate[h.int] = true
        pending.append(h)
    }

    @inline(__always) private static func key(order: Int, host: Int) -> UInt64 {
        UInt64(Swift.min(order, Int(UInt32.max))) << 32 | UInt64(host)
    }

    /// A visit begins: the hosts marked since the last one join the heap, with their drain
    /// order as it is now.
    mutating func beginVisit() {
        visitOpen = true
        visitNumber += 1
        for h in pending { heap.insert(Self.key(order: drainOrder[h.int], host: h.int)) }
        pending.removeAll(keepingCapacity: true)
    }

    /// The next marked host of this visit, in drain order, unmarked (it is marked again if it
    /// still has something to do: `mayDispatch`); nil when none is left. Hosts not reached
    /// stay marked for the next visit. Entries of hosts visited already, unmarked, or
    /// holding a drain order that is no longer theirs are dropped.
    mutating func nextCandidate() -> HostID? {
        while let entry = heap.popMin() {
            let h = Int(entry & 0xFFFF_FFFF)
            guard isCandidate[h], visitedIn[h] != visitNumber else { continue }
            guard entry == Self.key(order: drainOrder[h], host: h) else { continue }
            visitedIn[h] = visitNumber
            isCandidate[h] = false
            return HostID(h)
        }
        return nil
    }

    /// The visit is over (it reached the end, or stopped at the fleet-wide limit).
    mutating func endVisit() { visitOpen = false }

    /// Take `i` out of `h`'s queue and of the waiting list (its host failed under it).
    mutating func withdraw(_ i: InstanceID, from h: HostID, wasWaiting: Bool) {
        if let k = byHost[h.int].firstIndex(of: i) { byHost[h.int].remove(at: k) }
        if wasWaiting { waiting.removeAll { $0 == i } }
    }
}
