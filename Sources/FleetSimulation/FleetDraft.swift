import FleetModel

/// The fleet `FleetBuilder.build` is putting together: hosts and instances so far (their
/// IDs are their positions), the names taken, what is committed on each host, and the
/// anti-affinity groups with the hosts that already hold one of their members (a new member
/// must avoid those).
struct FleetDraft {
    private(set) var hosts: [Host] = []
    /// The host group each host came from; "" for a host listed on its own.
    private(set) var hostGroupOf: [String] = []
    /// Resources placed on each host so far.
    var committed: [Resources] = []
    private(set) var instances: [Instance] = []
    private var hostNames = Set<String>()
    private var instanceNames = Set<String>()
    /// Anti-affinity group names, in order of first use (an instance's group is its index).
    private var groupNames: [String] = []
    private var groupIndex: [String: Int32] = [:]
    private var groupHosts: [Int32: Set<Int>] = [:]

    var fleet: Fleet { Fleet(hosts: hosts, instances: instances, antiAffinityGroups: groupNames) }

    /// Room for the whole fleet up front: grown by doubling, 160,000 instances left a buffer
    /// for 262,144 (48 MB where 29 MB are used) alive for the whole run.
    mutating func reserve(hosts hostCount: Int, instances instanceCount: Int) {
        hosts.reserveCapacity(hostCount)
        hostGroupOf.reserveCapacity(hostCount)
        committed.reserveCapacity(hostCount)
        instances.reserveCapacity(instanceCount)
    }

    mutating func addHost(name: String, family: String, ocpus: Double, memory: Int64, nic: Double,
                          location: Location, group: String, keyPath: String) throws(FleetBuildError) {
        guard hostNames.insert(name).inserted else {
            throw FleetBuildError(keyPath: keyPath, message: "duplicate host name '\(name)'")
        }
        hosts.append(Host(id: HostID(hosts.count), name: name, shapeFamily: family,
                          capacity: Resources(ocpus: ocpus, memoryBytes: memory),
                          nicBytesPerSecond: nic, location: location))
        hostGroupOf.append(group)
        committed.append(.zero)
    }

    /// Takes an instance name; a name already taken is an error at `keyPath`.
    mutating func claimInstanceName(_ name: String, keyPath: String) throws(FleetBuildError) {
        guard instanceNames.insert(name).inserted else {
            throw FleetBuildError(keyPath: keyPath, message: "duplicate instance name '\(name)'")
        }
    }

    func fits(_ demand: Resources, on host: Int) -> Bool {
        (committed[host] + demand).fits(in: hosts[host].capacity)
    }

    mutating func commit(_ demand: Resources, on host: Int) {
        committed[host] += demand
    }

    /// The index of the anti-affinity group called `name`, created on first use; nil for
    /// no group.
    mutating func antiAffinityGroup(named name: String?) -> Int32? {
        guard let name else { return nil }
        if let g = groupIndex[name] { return g }
        let g = Int32(groupNames.count)
        groupNames.append(name)
        groupIndex[name] = g
        return g
    }

    func hostsHoldingMembers(of group: Int32) -> Set<Int> {
        groupHosts[group] ?? []
    }

    /// Appends an instance already placed on `host` (its resources committed by the caller)
    /// and records the host for its anti-affinity group.
    mutating func addInstance(name: String, shape: String, demand: Resources, host: Int,
                              attributes: InstanceAttributes, guest: GuestDirtying, antiAffinityGroup: Int32?) {
        if let antiAffinityGroup { groupHosts[antiAffinityGroup, default: []].insert(host) }
        instances.append(Instance(id: InstanceID(instances.count), name: name, shape: shape,
                                  demand: demand, initialHost: HostID(host), attributes: attributes,
                                  guest: guest, antiAffinityGroup: antiAffinityGroup))
    }
}
