import Testing
import FleetModel
@testable import MaintenancePolicy

@Suite struct AntiAffinityTests {
    // The instance to place (group 0) sits on h0; h1 is the emptiest host but holds a member.
    let fleet = makeFleet(Array(repeating: FixtureHost(), count: 4),
                          [FixtureInstance(host: 0, memoryGiB: 10, group: 0),
                           FixtureInstance(host: 1, memoryGiB: 5, group: 0),
                           FixtureInstance(host: 2, memoryGiB: 30),
                           FixtureInstance(host: 3, memoryGiB: 50, group: 1)], groups: 2)

    @Test func neverJoinsAMemberOfItsGroup() throws {
        let occ = try Occupancy(fleet: fleet)
        #expect(try place(fleet, occ, instance: 0).get() == HostID(2))
        for s in PlacementStrategy.allCases {
            #expect(try place(fleet, occ, instance: 0, strategy: s).get() != HostID(1))
        }
    }

    @Test func otherGroupsDoNotBlock() throws {
        var occ = try Occupancy(fleet: fleet)
        occ.setAccepting(HostID(2), false)
        #expect(try place(fleet, occ, instance: 0).get() == HostID(3))  // h3 holds group 1 only
    }

    @Test func aReservationCountsAsAMember() throws {
        // Member i2 (ungrouped) is irrelevant; move group-0 member i1 towards h2: in flight, it
        // counts on h2 too, so h2 is barred until the reservation is cancelled.
        var occ = try Occupancy(fleet: fleet)
        var index = PlacementIndex(fleet: fleet, strategy: .leastLoaded, occupancy: occ)
        try occ.reserve(InstanceID(1), demand: fleet[InstanceID(1)].demand, on: HostID(2))
        index.didReserve(InstanceID(1), on: HostID(2), occupancy: occ)
        #expect(index.target(for: InstanceID(0), leaving: HostID(0), occupancy: occ) == HostID(3))
        #expect(try place(fleet, occ, instance: 0).get() == HostID(3))
        try occ.cancelReservation(InstanceID(1), demand: fleet[InstanceID(1)].demand)
        index.didCancelReservation(InstanceID(1), on: HostID(2), occupancy: occ)
        #expect(index.isConsistent(with: occ))
        #expect(index.target(for: InstanceID(0), leaving: HostID(0), occupancy: occ) == HostID(2))
    }

    @Test func committedMoveFreesTheSource() throws {
        var occ = try Occupancy(fleet: fleet)
        var index = PlacementIndex(fleet: fleet, strategy: .leastLoaded, occupancy: occ)
        let i1 = InstanceID(1), demand = fleet[i1].demand
        try occ.reserve(i1, demand: demand, on: HostID(3))
        index.didReserve(i1, on: HostID(3), occupancy: occ)
        try occ.commitMove(i1, demand: demand, from: HostID(1))
        index.didCommitMove(i1, from: HostID(1), to: HostID(3), occupancy: occ)
        #expect(index.isConsistent(with: occ))
        #expect(index.antiAffinity.members(of: 0, on: HostID(1)) == 0)
        #expect(index.antiAffinity.members(of: 0, on: HostID(3)) == 1)
        #expect(index.target(for: InstanceID(0), leaving: HostID(0), occupancy: occ) == HostID(1))
    }
}

/// Fault domains: FD1 holds h0 (source) and h5; FD2 holds h1 (emptiest) and h4 (a member of
/// the group); FD3 holds h2; h3 is in FD2 too. The instance to place is in group 0.
@Suite struct FaultDomainSpreadTests {
    func fleet(h2FreeGiB: Int64 = 50, h5FreeGiB: Int64 = 0) -> Fleet {
        makeFleet([FixtureHost(faultDomain: "FD1"), FixtureHost(faultDomain: "FD2"), FixtureHost(faultDomain: "FD3"),
                   FixtureHost(faultDomain: "FD2"), FixtureHost(faultDomain: "FD2"), FixtureHost(faultDomain: "FD1")],
                  [FixtureInstance(host: 0, memoryGiB: 10, group: 0),
                   FixtureInstance(host: 1, memoryGiB: 10),
                   FixtureInstance(host: 2, memoryGiB: 100 - h2FreeGiB),
                   FixtureInstance(host: 3, memoryGiB: 95),
                   FixtureInstance(host: 4, memoryGiB: 10, group: 0),
                   FixtureInstance(host: 5, memoryGiB: 100 - h5FreeGiB)], groups: 1)
    }

    @Test func withoutSpreadFaultDomainsAreIgnored() throws {
        let f = fleet()
        #expect(try place(f, try Occupancy(fleet: f), instance: 0, spread: .none).get() == HostID(1))
    }

    @Test func softAndHardPreferACleanFaultDomain() throws {
        let f = fleet()
        #expect(try place(f, try Occupancy(fleet: f), instance: 0, spread: .soft).get() == HostID(2))
        #expect(try place(f, try Occupancy(fleet: f), instance: 0, spread: .hard).get() == HostID(2))
    }

    @Test func theInstanceItselfDoesNotDirtyItsOwnFaultDomain() throws {
        let f = fleet(h2FreeGiB: 5, h5FreeGiB: 60)
        #expect(try place(f, try Occupancy(fleet: f), instance: 0, spread: .hard).get() == HostID(5))
    }

    @Test func softFallsBackHardFails() throws {
        let f = fleet(h2FreeGiB: 5)
        #expect(try place(f, try Occupancy(fleet: f), instance: 0, spread: .soft).get() == HostID(1))
        #expect(place(f, try Occupancy(fleet: f), instance: 0, spread: .hard) == .failure(.faultDomainSpread))
    }

    @Test func everyFaultDomainDirty() throws {
        // A second member in FD3 (on h2) and a third in FD1 (on h5): no clean fault domain left.
        var f = fleet(h5FreeGiB: 60)
        var instances = f.instances
        instances[2].antiAffinityGroup = 0
        instances[5].antiAffinityGroup = 0
        f = Fleet(hosts: f.hosts, instances: instances, antiAffinityGroups: f.antiAffinityGroups)
        let occ = try Occupancy(fleet: f)
        #expect(try place(f, occ, instance: 0, spread: .soft).get() == HostID(1))
        #expect(place(f, occ, instance: 0, spread: .hard) == .failure(.faultDomainSpread))
    }
}

@Suite struct DeprioritizedTests {
    // Hosts 1..4 carry 50, 85, 20, 20 GiB.
    let fleet = makeFleet(Array(repeating: FixtureHost(), count: 5),
                          [FixtureInstance(host: 0, memoryGiB: 10), FixtureInstance(host: 1, memoryGiB: 50),
                           FixtureInstance(host: 2, memoryGiB: 85), FixtureInstance(host: 3, memoryGiB: 20),
                           FixtureInstance(host: 4, memoryGiB: 20)])

    @Test func usedOnlyWhenNothingElseFits() throws {
        let occ = try Occupancy(fleet: fleet)
        #expect(try place(fleet, occ, instance: 0, deprioritized: [false, false, false, true, false]).get() == HostID(4))
        #expect(try place(fleet, occ, instance: 0, deprioritized: [false, true, true, true, true]).get() == HostID(3))
        // Best fit among the preferred hosts: h2 (15 GiB free), although h1 fits too.
        #expect(try place(fleet, occ, instance: 0, strategy: .bestFit,
                          deprioritized: [false, true, false, false, false]).get() == HostID(2))
    }

    @Test func indexFollowsFlagChanges() throws {
        let occ = try Occupancy(fleet: fleet)
        var index = PlacementIndex(fleet: fleet, strategy: .leastLoaded, occupancy: occ)
        let i = InstanceID(0), s = HostID(0)
        #expect(index.target(for: i, leaving: s, occupancy: occ) == HostID(3))
        index.setDeprioritized(HostID(3), true)
        #expect(index.target(for: i, leaving: s, occupancy: occ) == HostID(4))
        index.setDeprioritized(HostID(4), true)
        #expect(index.target(for: i, leaving: s, occupancy: occ) == HostID(1))
        index.setDeprioritized(HostID(1), true)
        index.setDeprioritized(HostID(2), true)
        #expect(index.target(for: i, leaving: s, occupancy: occ) == HostID(3))
        index.setDeprioritized(HostID(3), false)
        #expect(index.isConsistent(with: occ))
        #expect(index.indexedCount(family: 0) == (preferred: 2, deprioritized: 3))
    }
}

@Suite struct PlacementFailureTests {
    @Test func noCompatibleHost() throws {
        let f = makeFleet([FixtureHost(), FixtureHost(family: "DenseIO"), FixtureHost()],
                          [FixtureInstance(host: 0, memoryGiB: 10)])
        var occ = try Occupancy(fleet: f)
        occ.setAccepting(HostID(2), false)
        #expect(place(f, occ, instance: 0) == .failure(.noCompatibleHost))
        let lonely = makeFleet([FixtureHost(), FixtureHost(family: "DenseIO")], [FixtureInstance(host: 0, memoryGiB: 10)])
        #expect(place(lonely, try Occupancy(fleet: lonely), instance: 0) == .failure(.noCompatibleHost))
    }

    @Test func noCapacity() throws {
        let f = makeFleet([FixtureHost(), FixtureHost(), FixtureHost(), FixtureHost(family: "other")],
                          [FixtureInstance(host: 0, memoryGiB: 10), FixtureInstance(host: 1, memoryGiB: 95),
                           FixtureInstance(host: 2, memoryGiB: 95)])
        for s in PlacementStrategy.allCases {
            #expect(place(f, try Occupancy(fleet: f), instance: 0, strategy: s) == .failure(.noCapacity))
        }
        #expect(Placement(fleet: f, strategy: .leastLoaded)
            .target(for: f.instances[0], leaving: HostID(0), fleet: f, occupancy: try Occupancy(fleet: f)) == nil)
    }

    @Test func antiAffinityWhenEveryHostWithRoomHoldsAMember() throws {
        // h1 has room but holds a member; h2 has no member but no room.
        let f = makeFleet([FixtureHost(), FixtureHost(), FixtureHost()],
                          [FixtureInstance(host: 0, memoryGiB: 10, group: 0), FixtureInstance(host: 1, memoryGiB: 10, group: 0),
                           FixtureInstance(host: 2, memoryGiB: 95)], groups: 1)
        for spread in FaultDomainSpread.allCases {
            #expect(place(f, try Occupancy(fleet: f), instance: 0, spread: spread) == .failure(.antiAffinity))
        }
    }

    @Test func faultDomainSpreadOnlyWhenHard() throws {
        let f = makeFleet([FixtureHost(faultDomain: "A"), FixtureHost(faultDomain: "B"), FixtureHost(faultDomain: "B")],
                          [FixtureInstance(host: 0, memoryGiB: 10, group: 0), FixtureInstance(host: 2, memoryGiB: 10, group: 0)],
                          groups: 1)
        let occ = try Occupancy(fleet: f)
        #expect(place(f, occ, instance: 0, spread: .hard) == .failure(.faultDomainSpread))
        #expect(try place(f, occ, instance: 0, spread: .soft).get() == HostID(1))
    }
}
