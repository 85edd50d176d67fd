import Testing
import FleetModel
@testable import MaintenancePolicy

private func fleet(_ load: [Int64]) -> Fleet {
    // Host k carries one instance of load[k] GiB (0 = empty); instance "new" sits on host 0.
    let loc = Location(region: "r", availabilityDomain: "ad", faultDomain: "fd", rack: "rack")
    let hosts = load.indices.map {
        Host(id: HostID($0), name: "h\($0)", shapeFamily: $0 == load.count - 1 ? "other" : "E4",
             capacity: Resources(ocpus: 64, memoryBytes: 100 << 30), nicBytesPerSecond: 1e9, location: loc)
    }
    var instances = [Instance(id: InstanceID(0), name: "new", shape: "E4",
                              demand: Resources(ocpus: 1, memoryBytes: 10 << 30), initialHost: HostID(0))]
    for (k, gib) in load.enumerated() where gib > 0 {
        instances.append(Instance(id: InstanceID(instances.count), name: "x\(k)", shape: "E4",
                                  demand: Resources(ocpus: 1, memoryBytes: gib << 30), initialHost: HostID(k)))
    }
    return Fleet(hosts: hosts, instances: instances)
}

@Suite struct PlacementTests {
    // Hosts 1..4 carry 50, 85, 20, 20 GiB; host 5 is another shape family with nothing on it.
    let f = fleet([0, 50, 85, 20, 20, 0])

    func choose(_ s: PlacementStrategy, deprioritized: [Bool] = []) throws -> HostID? {
        let occ = try Occupancy(fleet: f)
        return Placement(fleet: f, strategy: s).target(for: f.instances[0], leaving: HostID(0), fleet: f,
                                                       occupancy: occ, deprioritized: deprioritized)
    }

    @Test func leastLoadedPicksMostFreeMemoryLowestIdOnTies() throws {
        #expect(try choose(.leastLoaded) == HostID(3))
    }

    @Test func bestFitPicksTightestHostThatFits() throws {
        #expect(try choose(.bestFit) == HostID(2))  // 85 + 10 <= 100
    }

    @Test func firstFitPicksFirstCompatibleHost() throws {
        #expect(try choose(.firstFit) == HostID(1))
    }

    @Test func neverPicksSourceOrOtherFamily() throws {
        for s in PlacementStrategy.allCases {
            let h = try choose(s)
            #expect(h != HostID(0) && h != HostID(5))
        }
    }

    @Test func deprioritizedHostsOnlyWhenNothingElseFits() throws {
        var d = Array(repeating: false, count: 6)
        d[3] = true
        #expect(try choose(.leastLoaded, deprioritized: d) == HostID(4))
        d = [false, true, true, true, true, false]
        #expect(try choose(.leastLoaded, deprioritized: d) == HostID(3))
    }

    @Test func noRoomGivesNil() throws {
        let full = fleet([0, 95, 95, 0])   // host 3 is another family
        let occ = try Occupancy(fleet: full)
        let h = Placement(fleet: full, strategy: .leastLoaded).target(for: full.instances[0], leaving: HostID(0),
                                                                      fleet: full, occupancy: occ)
        #expect(h == nil)
    }
}
