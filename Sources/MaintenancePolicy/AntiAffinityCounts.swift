import FleetModel

/// How many members of each anti-affinity group each host, and each fault domain, holds.
///
/// An instance counts on its host and, while it is in flight, also on its reserved target:
/// the same rule as `Occupancy`'s capacity, so a group never shares a host even mid-move.
/// Per group, the hosts (and fault domains) holding members are kept in a small unsorted
/// array: a group has a handful of members, so a linear look-up beats hashing and nothing is
/// allocated per placement. Cost per query is linear in the group's size.
public struct AntiAffinityCounts: Sendable {
    struct Slot: Sendable, Equatable {
        var id: Int32
        var count: Int32
    }

    private var hosts: [[Slot]]
    private var faultDomains: [[Slot]]

    public init(groupCount: Int) {
        hosts = Array(repeating: [], count: groupCount)
        faultDomains = Array(repeating: [], count: groupCount)
    }

    private static func add(_ slots: inout [Slot], _ id: Int32) {
        for k in slots.indices where slots[k].id == id {
            slots[k].count += 1
            return
        }
        slots.append(Slot(id: id, count: 1))
    }

    private static func remove(_ slots: inout [Slot], _ id: Int32) {
        for k in slots.indices where slots[k].id == id {
            precondition(slots[k].count > 0)
            slots[k].count -= 1
            if slots[k].count == 0 { slots.swapAt(k, slots.count - 1); slots.removeLast() }
            return
        }
        preconditionFailure("anti-affinity bookkeeping: group member not recorded there")
    }

    private static func count(_ slots: [Slot], _ id: Int32) -> Int {
        for s in slots where s.id == id { return Int(s.count) }
        return 0
    }

    /// A member of `group` arrives on (or reserves) `host`, in `faultDomain`.
    public mutating func add(group: Int32, host: HostID, faultDomain: Int32) {
        Self.add(&hosts[Int(group)], host.index)
        Self.add(&faultDomains[Int(group)], faultDomain)
    }

    /// A member of `group` leaves (or gives up its reservation on) `host`, in `faultDomain`.
    public mutating func remove(group: Int32, host: HostID, faultDomain: Int32) {
        Self.remove(&hosts[Int(group)], host.index)
        Self.remove(&faultDomains[Int(group)], faultDomain)
    }

    /// Members of `group` on `host` (residents plus reservations).
    public func members(of group: Int32, on host: HostID) -> Int { Self.count(hosts[Int(group)], host.index) }

    /// Members of `group` in `faultDomain` (residents plus reservations).
    public func members(of group: Int32, inFaultDomain faultDomain: Int32) -> Int {
        Self.count(faultDomains[Int(group)], faultDomain)
    }

    /// Fault domains holding members of `group`, with their member counts.
    func faultDomainCounts(of group: Int32) -> [Slot] { faultDomains[Int(group)] }
}
