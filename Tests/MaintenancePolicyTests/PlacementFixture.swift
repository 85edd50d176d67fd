import FleetModel
@testable import MaintenancePolicy

/// Small hand-built fleets: hosts with a family, fault domain and capacity; instances with a
/// host, demand and optional anti-affinity group.
struct FixtureHost {
    var family = "E4"
    var faultDomain = "FD1"
    var memoryGiB: Int64 = 100
    var ocpus: Double = 64
    var nicBytesPerSecond = 25e9 / 8
}

struct FixtureInstance {
    var host: Int
    var memoryGiB: Int64
    var ocpus: Double = 1
    var group: Int32? = nil
}

func makeFleet(_ hosts: [FixtureHost], _ instances: [FixtureInstance], groups: Int = 0) -> Fleet {
    let hostList = hosts.enumerated().map { k, h in
        Host(id: HostID(k), name: "h\(k)", shapeFamily: h.family, capacity: Resources(ocpus: h.ocpus, memoryBytes: h.memoryGiB << 30),
             nicBytesPerSecond: h.nicBytesPerSecond,
             location: Location(region: "r", availabilityDomain: "ad", faultDomain: h.faultDomain, rack: "rack\(k)"))
    }
    let list = instances.enumerated().map { k, i in
        Instance(id: InstanceID(k), name: "i\(k)", shape: "E4", demand: Resources(ocpus: i.ocpus, memoryBytes: i.memoryGiB << 30),
                 initialHost: HostID(i.host), antiAffinityGroup: i.group)
    }
    return Fleet(hosts: hostList, instances: list, antiAffinityGroups: (0..<groups).map { "g\($0)" })
}

/// Ask the index and the reference scan; they must agree.
func place(_ fleet: Fleet, _ occupancy: Occupancy, instance: Int, strategy: PlacementStrategy = .leastLoaded,
           spread: FaultDomainSpread = .none, deprioritized: [Bool] = []) -> Result<HostID, PlacementFailure> {
    let i = InstanceID(instance)
    let source = occupancy.hostOf[instance]!
    let index = PlacementIndex(fleet: fleet, strategy: strategy, spread: spread, occupancy: occupancy,
                               deprioritized: deprioritized)
    let fromIndex = index.choose(for: i, leaving: source, occupancy: occupancy)
    let reference = Placement(fleet: fleet, strategy: strategy, spread: spread)
        .choose(for: fleet[i], leaving: source, fleet: fleet, occupancy: occupancy, deprioritized: deprioritized)
    precondition(fromIndex == reference, "index \(fromIndex) != reference \(reference)")
    return fromIndex
}

/// xorshift64*: deterministic draws for property tests.
struct TestRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }
    mutating func next() -> UInt64 {
        state ^= state >> 12; state ^= state << 25; state ^= state >> 27
        return state &* 0x2545_F491_4F6C_DD1D
    }
    mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func chance(_ p: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < p }
}
