import FleetModel

/// What placement needs to know about a fleet's static shape, as dense integers: each host's
/// shape family and fault domain, the hosts of each family, the fault domains each family
/// spans. A fault domain is named by (region, availability domain, fault domain): OCI reuses
/// `FAULT-DOMAIN-1..3` in every availability domain.
public struct PlacementTopology: Sendable {
    public let familyNames: [String]
    public let familyOf: [Int32]
    public let faultDomainOf: [Int32]
    public let faultDomainCount: Int
    /// Hosts of each family, in id order.
    public let hostsByFamily: [[HostID]]
    /// Fault domains holding at least one host of each family, ascending.
    public let faultDomainsByFamily: [[Int32]]

    public init(fleet: Fleet) {
        var familyIndex: [String: Int32] = [:]
        var names: [String] = []
        var fdIndex: [String: Int32] = [:]
        var familyOf: [Int32] = []
        var fdOf: [Int32] = []
        familyOf.reserveCapacity(fleet.hosts.count)
        fdOf.reserveCapacity(fleet.hosts.count)
        for host in fleet.hosts {
            let f: Int32
            if let known = familyIndex[host.shapeFamily] {
                f = known
            } else {
                f = Int32(names.count)
                familyIndex[host.shapeFamily] = f
                names.append(host.shapeFamily)
            }
            familyOf.append(f)
            let loc = host.location
            let fdName = "\(loc.region)\u{1F}\(loc.availabilityDomain)\u{1F}\(loc.faultDomain)"
            let d: Int32
            if let known = fdIndex[fdName] {
                d = known
            } else {
                d = Int32(fdIndex.count)
                fdIndex[fdName] = d
            }
            fdOf.append(d)
        }
        var byFamily = Array(repeating: [HostID](), count: names.count)
        var fdSets = Array(repeating: Set<Int32>(), count: names.count)
        for host in fleet.hosts {
            let f = Int(familyOf[host.id.int])
            byFamily[f].append(host.id)
            fdSets[f].insert(fdOf[host.id.int])
        }
        familyNames = names
        self.familyOf = familyOf
        faultDomainOf = fdOf
        faultDomainCount = fdIndex.count
        hostsByFamily = byFamily
        faultDomainsByFamily = fdSets.map { $0.sorted() }
    }
}
