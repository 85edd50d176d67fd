import Testing
@testable import FleetModel

func testFleet(hosts: Int, memoryGiB: Int64 = 64, ocpus: Double = 16,
               instances: [(host: Int, ocpus: Double, memoryGiB: Int64)]) -> Fleet {
    let loc = Location(region: "r", availabilityDomain: "ad", faultDomain: "fd", rack: "rack")
    let hs = (0..<hosts).map {
        Host(id: HostID($0), name: "h\($0)", shapeFamily: "E4", capacity: Resources(ocpus: ocpus, memoryBytes: memoryGiB << 30),
             nicBytesPerSecond: 1e9, location: loc)
    }
    let ins = instances.enumerated().map { k, spec in
        Instance(id: InstanceID(k), name: "i\(k)", shape: "E4",
                 demand: Resources(ocpus: spec.ocpus, memoryBytes: spec.memoryGiB << 30), initialHost: HostID(spec.host))
    }
    return Fleet(hosts: hs, instances: ins)
}

@Suite struct OccupancyTests {
    @Test func initialPlacementOverCapacityIsRejected() {
        let fleet = testFleet(hosts: 1, instances: [(0, 8, 40), (0, 8, 40)])
        #expect(throws: Occupancy.Violation.self) { _ = try Occupancy(fleet: fleet) }
    }

    @Test func moveReservesTargetThenReleasesSource() throws {
        let fleet = testFleet(hosts: 2, instances: [(0, 4, 16)])
        var occ = try Occupancy(fleet: fleet)
        try occ.reserve(InstanceID(0), demand: fleet.instances[0].demand, on: HostID(1))
        // In flight: counted on both hosts.
        #expect(occ.committed[0].memoryBytes == 16 << 30)
        #expect(occ.committed[1].memoryBytes == 16 << 30)
        try occ.commitMove(InstanceID(0), demand: fleet.instances[0].demand, from: HostID(0))
        #expect(occ.committed[0] == .zero)
        #expect(occ.hostOf[0] == HostID(1))
        #expect(occ.residentCount == [0, 1])
    }

    @Test func reservationBeyondCapacityThrows() throws {
        let fleet = testFleet(hosts: 2, instances: [(0, 4, 40), (1, 4, 40)])
        var occ = try Occupancy(fleet: fleet)
        #expect(throws: Occupancy.Violation.self) {
            try occ.reserve(InstanceID(0), demand: fleet.instances[0].demand, on: HostID(1))
        }
        #expect(!occ.canHost(fleet.instances[0].demand, on: HostID(1)))
    }

    @Test func hostNotAcceptingCannotHost() throws {
        let fleet = testFleet(hosts: 2, instances: [(0, 1, 1)])
        var occ = try Occupancy(fleet: fleet)
        occ.setAccepting(HostID(1), false)
        #expect(!occ.canHost(fleet.instances[0].demand, on: HostID(1)))
    }

    @Test func commitFromWrongHostIsAViolation() throws {
        let fleet = testFleet(hosts: 3, instances: [(0, 1, 1)])
        var occ = try Occupancy(fleet: fleet)
        try occ.reserve(InstanceID(0), demand: fleet.instances[0].demand, on: HostID(1))
        #expect(throws: Occupancy.Violation.notOnHost(instance: InstanceID(0), expected: HostID(2), actual: HostID(0))) {
            try occ.commitMove(InstanceID(0), demand: fleet.instances[0].demand, from: HostID(2))
        }
    }
}
