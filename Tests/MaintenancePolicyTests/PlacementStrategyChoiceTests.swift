import Testing
import FleetModel
@testable import MaintenancePolicy

/// Every strategy on one hand-built fleet (100 GiB hosts; the instance to place needs 10 GiB):
/// h1 2 x 30 GiB (free 40), h2 40 + 45 GiB (free 15), h3 4 x 5 GiB (free 80),
/// h4 1 x 50 GiB (free 50), h5 1 x 30 GiB (free 70), h6 another family, empty.
@Suite struct PlacementStrategyChoiceTests {
    let fleet = makeFleet(
        Array(repeating: FixtureHost(), count: 6) + [FixtureHost(family: "DenseIO")],
        [FixtureInstance(host: 0, memoryGiB: 10),
         FixtureInstance(host: 1, memoryGiB: 30), FixtureInstance(host: 1, memoryGiB: 30),
         FixtureInstance(host: 2, memoryGiB: 40), FixtureInstance(host: 2, memoryGiB: 45),
         FixtureInstance(host: 3, memoryGiB: 5), FixtureInstance(host: 3, memoryGiB: 5),
         FixtureInstance(host: 3, memoryGiB: 5), FixtureInstance(host: 3, memoryGiB: 5),
         FixtureInstance(host: 4, memoryGiB: 50),
         FixtureInstance(host: 5, memoryGiB: 30)])

    func choose(_ s: PlacementStrategy) throws -> HostID {
        try place(fleet, try Occupancy(fleet: fleet), instance: 0, strategy: s).get()
    }

    @Test func leastLoadedTakesMostFreeMemory() throws { #expect(try choose(.leastLoaded) == HostID(3)) }
    @Test func bestFitTakesTightestFit() throws { #expect(try choose(.bestFit) == HostID(2)) }
    @Test func spreadTakesFewestInstancesThenMostFreeMemory() throws { #expect(try choose(.spread) == HostID(5)) }
    @Test func fewestInstancesTakesFewestThenLowestId() throws { #expect(try choose(.fewestInstances) == HostID(4)) }
    @Test func firstFitTakesLowestId() throws { #expect(try choose(.firstFit) == HostID(1)) }

    @Test func leastLoadedBreaksMemoryTiesByFreeOcpusThenId() throws {
        let f = makeFleet([FixtureHost(), FixtureHost(), FixtureHost(), FixtureHost()],
                          [FixtureInstance(host: 0, memoryGiB: 10),
                           FixtureInstance(host: 1, memoryGiB: 20, ocpus: 8),
                           FixtureInstance(host: 2, memoryGiB: 20, ocpus: 4),
                           FixtureInstance(host: 3, memoryGiB: 20, ocpus: 4)])
        #expect(try place(f, try Occupancy(fleet: f), instance: 0).get() == HostID(2))
    }

    @Test func fewestInstancesStillHonoursCapacity() throws {
        // LXD would pick h1 (no instances) and fail; fleetsim skips it: it has no room.
        let f = makeFleet([FixtureHost(), FixtureHost(memoryGiB: 5), FixtureHost()],
                          [FixtureInstance(host: 0, memoryGiB: 10), FixtureInstance(host: 2, memoryGiB: 10)])
        #expect(try place(f, try Occupancy(fleet: f), instance: 0, strategy: .fewestInstances).get() == HostID(2))
    }

    @Test func cpuBoundHostIsSkipped() throws {
        // h1 has the most free memory but no OCPUs left.
        let f = makeFleet([FixtureHost(), FixtureHost(ocpus: 8), FixtureHost()],
                          [FixtureInstance(host: 0, memoryGiB: 10, ocpus: 2), FixtureInstance(host: 1, memoryGiB: 1, ocpus: 7),
                           FixtureInstance(host: 2, memoryGiB: 50)])
        for s in PlacementStrategy.allCases {
            #expect(try place(f, try Occupancy(fleet: f), instance: 0, strategy: s).get() == HostID(2))
        }
    }

    @Test func strategiesKeepTheirScenarioNames() {
        #expect(PlacementStrategy.allCases.map(\.rawValue)
                == ["least_loaded", "best_fit", "spread", "fewest_instances", "first_fit"])
    }
}
