import FleetModel

/// Target selection for one move, by a straightforward scan of every host of the source's
/// shape family: the reference `PlacementIndex` is tested against, and good enough for small
/// fleets. A pure function of the fleet and its occupancy: ties go to the lowest host id, so
/// the same state always gives the same answer.
///
/// A target accepts instances, is not the source, shares the source's shape family, has room
/// for the demand (`Occupancy.canHost`, counting reservations), and holds no other member of
/// the instance's anti-affinity group (residents or reservations). With fault-domain spread,
/// a target in a fault domain holding no other member of the group is preferred (`soft`) or
/// required (`hard`). Hosts flagged in `deprioritized` (due for maintenance later in the same
/// campaign, where an instance would have to move again) are chosen only when no other host
/// fits. Among the rest, the strategy's `PlacementKey` decides.
public struct Placement: Sendable {
    public let strategy: PlacementStrategy
    public let spread: FaultDomainSpread
    public let topology: PlacementTopology
    /// Members of each anti-affinity group.
    private let members: [[InstanceID]]

    public init(fleet: Fleet, strategy: PlacementStrategy, spread: FaultDomainSpread = .none) {
        self.strategy = strategy
        self.spread = spread
        topology = PlacementTopology(fleet: fleet)
        var members = Array(repeating: [InstanceID](), count: fleet.antiAffinityGroups.count)
        for instance in fleet.instances {
            if let g = instance.antiAffinityGroup { members[Int(g)].append(instance.id) }
        }
        self.members = members
    }

    /// The best target for `instance` other than `source`, or why there is none.
    public func choose(for instance: Instance, leaving source: HostID, fleet: Fleet, occupancy: Occupancy,
                       deprioritized: [Bool] = []) -> Result<HostID, PlacementFailure> {
        let family = Int(topology.familyOf[source.int])
        var hostsWithGroup = Set<Int32>()
        var faultDomainsWithGroup = Set<Int32>()
        if let g = instance.antiAffinityGroup {
            for m in members[Int(g)] where m != instance.id {
                for h in [occupancy.hostOf[m.int], occupancy.reservedOn[m.int]].compactMap({ $0 }) {
                    hostsWithGroup.insert(h.index)
                    faultDomainsWithGroup.insert(topology.faultDomainOf[h.int])
                }
            }
        }
        var best: HostID?
        var bestRank: (tier: Int, dirty: Int, key: PlacementKey)?
        var candidates = 0, withRoom = 0, antiAffinityFree = 0
        for h in topology.hostsByFamily[family] where h != source && occupancy.accepting[h.int] {
            candidates += 1
            guard occupancy.canHost(instance.demand, on: h) else { continue }
            withRoom += 1
            guard !hostsWithGroup.contains(h.index) else { continue }
            antiAffinityFree += 1
            let dirty = spread != .none && faultDomainsWithGroup.contains(topology.faultDomainOf[h.int]) ? 1 : 0
            if dirty == 1 && spread == .hard { continue }
            let free = fleet[h].capacity - occupancy.committed[h.int]
            let key = PlacementKey.make(strategy, host: h, freeMemoryBytes: free.memoryBytes, freeOcpus: free.ocpus,
                                        residents: occupancy.residentCount[h.int])
            let tier = !deprioritized.isEmpty && deprioritized[h.int] ? 1 : 0
            let rank = (tier: tier, dirty: dirty, key: key)
            if let r = bestRank, (r.tier, r.dirty, r.key) <= (rank.tier, rank.dirty, rank.key) { continue }
            best = h
            bestRank = rank
        }
        if let best { return .success(best) }
        if candidates == 0 { return .failure(.noCompatibleHost) }
        if withRoom == 0 { return .failure(.noCapacity) }
        if antiAffinityFree == 0 { return .failure(.antiAffinity) }
        return .failure(.faultDomainSpread)
    }

    /// The best target for `instance` other than `source`, or nil when nothing fits.
    public func target(for instance: Instance, leaving source: HostID, fleet: Fleet,
                       occupancy: Occupancy, deprioritized: [Bool] = []) -> HostID? {
        try? choose(for: instance, leaving: source, fleet: fleet, occupancy: occupancy,
                    deprioritized: deprioritized).get()
    }
}
