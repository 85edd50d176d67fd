import FleetModel

/// Target selection for one move. A pure function of the fleet and its occupancy: ties go
/// to the lowest host id, so the same state always gives the same answer.
public struct Placement: Sendable {
    public let strategy: PlacementStrategy
    /// Host ids grouped by shape family, so a search scans only compatible hosts.
    private let hostsByFamily: [String: [HostID]]

    public init(fleet: Fleet, strategy: PlacementStrategy) {
        self.strategy = strategy
        var byFamily: [String: [HostID]] = [:]
        for host in fleet.hosts { byFamily[host.shapeFamily, default: []].append(host.id) }
        hostsByFamily = byFamily
    }

    /// The best target for `instance` other than `source`, or nil when no host that accepts
    /// instances has room. Hosts flagged in `deprioritized` (e.g. due for maintenance later in
    /// the same campaign, where an instance would have to move again) are chosen only when no
    /// other host fits; hosts flagged in `blocked` (e.g. at their inbound migration limit) are
    /// not chosen.
    public func target(for instance: Instance, leaving source: HostID, fleet: Fleet,
                       occupancy: Occupancy, deprioritized: [Bool] = [], blocked: [Bool] = []) -> HostID? {
        let family = fleet[source].shapeFamily
        guard let candidates = hostsByFamily[family] else { return nil }
        var best: HostID?
        var bestKey = (0, 0.0, 0.0)
        for h in candidates where h != source && (blocked.isEmpty || !blocked[h.int])
            && occupancy.canHost(instance.demand, on: h) {
            let capacity = fleet[h].capacity
            let committed = occupancy.committed[h.int]
            let freeMemory = Double(capacity.memoryBytes - committed.memoryBytes)
            let freeOcpus = capacity.ocpus - committed.ocpus
            let tier = deprioritized.isEmpty || !deprioritized[h.int] ? 1 : 0
            // Larger key wins.
            let key: (Int, Double, Double)
            switch strategy {
            case .leastLoaded: key = (tier, freeMemory, freeOcpus)
            case .bestFit: key = (tier, -freeMemory, -freeOcpus)
            case .fewestInstances: key = (tier, -Double(occupancy.residentCount[h.int]), freeMemory)
            case .firstFit: key = (tier, -Double(h.index), 0)
            }
            if best == nil || key > bestKey {
                best = h
                bestKey = key
            }
        }
        return best
    }
}
