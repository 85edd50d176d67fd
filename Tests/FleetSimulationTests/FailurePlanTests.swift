import Testing
import FleetModel
import MaintenancePolicy
import SimKernel
import Stochastics
@testable import FleetSimulation

/// A configuration with something of every kind of hardware failure.
private func everything() -> FailureConfig {
    var c = mtbfConfig(meanDays: 10, repair: 7_200)
    c.racks.power = RandomRackFaults(ratePerRackPerSecond: 1 / (20 * day), outageSeconds: .constant(3_600))
    c.racks.tor = RandomRackFaults(ratePerRackPerSecond: 1 / (20 * day), outageSeconds: .exponential(mean: 1_800))
    c.links.random[.nic] = RandomLinkFaults(ratePerLinkPerSecond: 1 / (15 * day), durationSeconds: .constant(600),
                                            remainingFraction: .uniform(min: 0, max: 0.5))
    c.links.random[.rack] = RandomLinkFaults(ratePerLinkPerSecond: 1 / (15 * day), durationSeconds: .constant(600))
    return c
}

@Suite struct FailurePlanDeterminismTests {
    @Test func theSameSeedGivesTheSamePlan() throws {
        let net = try failureFleet(hosts: 16)
        let a = try plan(everything(), net, seed: 11)
        let b = try plan(everything(), net, seed: 11)
        #expect(!a.events.isEmpty)
        #expect(a.events == b.events)
        #expect(a.hostOutages == b.hostOutages)
    }

    @Test func anotherReplicationGivesAnotherPlan() throws {
        let net = try failureFleet(hosts: 16)
        let seed0 = CampaignRunner.replicationSeed(scenarioSeed: 1, replication: 0)
        let seed1 = CampaignRunner.replicationSeed(scenarioSeed: 1, replication: 1)
        let a = try plan(everything(), net, seed: seed0)
        let b = try plan(everything(), net, seed: seed1)
        #expect(a.events != b.events)
    }

    @Test func eventsAreInTimeOrderAndBeforeTheHorizon() throws {
        let net = try failureFleet(hosts: 16)
        let horizon = SimTime.days(30)
        let p = try plan(everything(), net, horizon: horizon)
        let times = p.events.map(\.time)
        #expect(times == times.sorted())
        #expect(times.allSatisfy { $0 < horizon })
    }

    /// Common random numbers: the plan is a function of (config, fleet, names, seed, horizon)
    /// only. The network's capacities (which change every flow's rate, hence everything a
    /// policy does) do not move a single failure.
    @Test func capacitiesAndPoliciesDoNotMoveFailures() throws {
        let (fleet, _) = try failureFleet(hosts: 16)
        let slow = topology(fleet, oversubscription: 8)
        let fast = topology(fleet, oversubscription: 1)
        let a = try FailurePlan.make(config: everything(), fleet: fleet, topology: slow, replicationSeed: 3, horizon: .days(30))
        let b = try FailurePlan.make(config: everything(), fleet: fleet, topology: fast, replicationSeed: 3, horizon: .days(30))
        #expect(a.events == b.events)
    }

    @Test func aLongerHorizonKeepsTheEarlierEvents() throws {
        let net = try failureFleet(hosts: 16)
        let short = try plan(everything(), net, horizon: .days(10))
        let long = try plan(everything(), net, horizon: .days(30))
        let prefix = long.events.filter { $0.time < .days(10) }
        // Repairs past the short horizon are dropped, so compare failures only.
        let failures: (FailureEvent) -> Bool = { if case .hostFailed = $0 { return true } else { return false } }
        #expect(short.events.filter(failures) == prefix.filter(failures))
    }

    @Test func addingAHostChangesNoOtherHostsFailures() throws {
        var config = mtbfConfig(meanDays: 5)
        config.racks.power = RandomRackFaults(ratePerRackPerSecond: 1 / (10 * day), outageSeconds: .constant(3_600))
        let small = try namedFleet(["a", "b", "c"])
        let large = try namedFleet(["zz", "a", "b", "new", "c"])
        let before = failureTimes(try plan(config, small), small.0)
        let after = failureTimes(try plan(config, large), large.0)
        #expect(!before.isEmpty)
        for name in ["a", "b", "c"] {
            #expect(before[name] == after[name], "host \(name)")
        }
    }
}

@Suite struct FailurePlanHostTests {
    @Test func randomFailuresRepeatUntilTheHorizon() throws {
        let net = try failureFleet(hosts: 4)
        let p = try plan(mtbfConfig(meanDays: 1, repair: 3_600), net, horizon: .days(30))
        for host in net.0.hosts {
            let events = p.events(of: host.id)
            #expect(events.count > 10)
            // Failed, repaired, failed, ...: strictly alternating, in time order.
            for (k, event) in events.enumerated() {
                switch event {
                case .hostFailed: #expect(k % 2 == 0)
                case .hostRepaired: #expect(k % 2 == 1)
                default: Issue.record("unexpected \(event)")
                }
            }
        }
    }

    @Test func meanTimeToFirstFailureMatchesTheMTBF() throws {
        let net = try failureFleet(hosts: 4_000, hostsPerRack: 40)
        let p = try plan(mtbfConfig(meanDays: 100), net, horizon: .days(3_000))
        var first: [HostID: SimTime] = [:]
        for case let .hostFailed(h, _, t) in p.events where first[h] == nil { first[h] = t }
        #expect(first.count == 4_000)
        let mean = first.values.map(\.seconds).reduce(0, +) / Double(first.count) / day
        // Standard error of the mean: 100 d / sqrt(4000) = 1.6 d; allow 4 of them.
        #expect(abs(mean - 100) < 6.4, "mean time to first failure \(mean) d")
    }

    @Test func scheduledFailuresResolveHostNames() throws {
        let net = try failureFleet(hosts: 8)
        let name = net.0.hosts[5].name
        var c = FailureConfig()
        c.hosts.scheduled = [ScheduledHostFailure(host: name, at: .hours(2), repairAfter: .hours(1))]
        let p = try plan(c, net)
        let cause = FailureCause(kind: .host, origin: "failures.hosts.scheduled[0]")
        #expect(p.events == [.hostFailed(host: HostID(5), cause: cause, at: .hours(2)),
                             .hostRepaired(host: HostID(5), at: .hours(3))])
        #expect(p.isDown(HostID(5), at: .hours(2)))
        #expect(!p.isDown(HostID(5), at: .hours(3)))
    }

    @Test func aScheduledFailureWithoutRepairDrawsOne() throws {
        let net = try failureFleet(hosts: 8)
        var c = FailureConfig()
        c.hosts.repairSeconds = .uniform(min: 600, max: 1_200)
        c.hosts.scheduled = [ScheduledHostFailure(host: net.0.hosts[0].name, at: .hours(1))]
        let outage = try #require(try plan(c, net).hostOutages.first)
        let repaired = try #require(outage.end)
        #expect(repaired >= .hours(1) + .seconds(600) && repaired <= .hours(1) + .seconds(1_200))
    }

    @Test func aRepairAfterTheHorizonLeavesTheHostDown() throws {
        let net = try failureFleet(hosts: 2)
        var c = FailureConfig()
        c.hosts.scheduled = [ScheduledHostFailure(host: net.0.hosts[0].name, at: .days(1), repairAfter: .days(100))]
        let p = try plan(c, net, horizon: .days(10))
        #expect(p.events.count == 1)
        #expect(p.hostOutages.first?.end == nil)
        #expect(p.isDown(HostID(0), at: .days(9)))
    }

    @Test func anUnknownHostIsAnErrorAtItsKeyPath() throws {
        let net = try failureFleet(hosts: 8)
        var c = FailureConfig()
        c.hosts.scheduled = [ScheduledHostFailure(host: net.0.hosts[0].name, at: .hours(1)),
                             ScheduledHostFailure(host: "e4-0O03", at: .hours(1))]
        let e = try #require(buildError { _ = try plan(c, net) })
        #expect(e.keyPath == "failures.hosts.scheduled[1].host")
        #expect(e.message.contains("no host named 'e4-0O03'"))
        #expect(e.message.contains("did you mean 'e4-0003'?"))
    }

    @Test func aTooShortMTBFIsAnErrorNotAHang() throws {
        let net = try failureFleet(hosts: 1)
        let c = FailureConfig(hosts: HostFailures(timeToFailureSeconds: .constant(1), repairSeconds: .constant(1)))
        let e = try #require(buildError { _ = try plan(c, net, horizon: .days(30)) })
        #expect(e.keyPath == "failures.hosts")
    }
}

@Suite struct FailurePlanRackTests {
    @Test func aRackPowerLossFailsExactlyThatRacksHosts() throws {
        let net = try failureFleet(hosts: 12, hostsPerRack: 4)
        let (fleet, topo) = net
        let rack = topo.rackNames[1]
        var c = FailureConfig()
        c.racks.scheduled = [ScheduledRackFault(rack: rack, kind: .power, at: .hours(3), duration: .hours(1))]
        let p = try plan(c, net)
        let cause = FailureCause(kind: .rackPower, origin: "failures.racks.scheduled[0]")
        let failed = Set(p.events.compactMap { event -> HostID? in
            if case let .hostFailed(h, c, t) = event, c == cause, t == .hours(3) { return h }
            return nil
        })
        let inRack = Set(fleet.hosts.filter { $0.location.rack == rack }.map(\.id))
        #expect(inRack.count == 4)
        #expect(failed == inRack)
        #expect(p.events.first == .rackPowerLost(rack: 1, cause: cause, at: .hours(3)))
        let repaired = p.events.compactMap { event -> HostID? in
            if case let .hostRepaired(h, t) = event, t == .hours(4) { return h }
            return nil
        }
        #expect(Set(repaired) == inRack)
        #expect(p.events.contains(.rackPowerRestored(rack: 1, at: .hours(4))))
        // Power loss touches no link.
        #expect(!p.events.contains { if case .linkDegraded = $0 { return true } else { return false } })
    }

    @Test func aHostAlreadyDownIsNotFailedTwice() throws {
        let net = try failureFleet(hosts: 4, hostsPerRack: 4)
        let name = net.0.hosts[0].name
        var c = FailureConfig()
        c.hosts.scheduled = [ScheduledHostFailure(host: name, at: .hours(1), repairAfter: .hours(5))]
        c.racks.scheduled = [ScheduledRackFault(rack: net.1.rackNames[0], kind: .power, at: .hours(2), duration: .hours(1))]
        let p = try plan(c, net)
        let own = FailureCause(kind: .host, origin: "failures.hosts.scheduled[0]")
        #expect(p.events(of: HostID(0)) == [.hostFailed(host: HostID(0), cause: own, at: .hours(1)),
                                             .hostRepaired(host: HostID(0), at: .hours(6))])
        #expect(p.events(of: HostID(1)).count == 2)
    }

    @Test func aToRFailureCutsTheRacksLinksAndFailsNoHost() throws {
        let net = try failureFleet(hosts: 8, hostsPerRack: 4)
        let (fleet, topo) = net
        var c = FailureConfig()
        c.racks.scheduled = [ScheduledRackFault(rack: topo.rackNames[0], kind: .tor, at: .hours(1), duration: .minutes(30))]
        let p = try plan(c, net)
        let cut = Set(p.events.compactMap { event -> LinkID? in
            if case let .linkDegraded(l, f, _, t) = event, f == 0, t == .hours(1) { return l }
            return nil
        })
        let hosts = fleet.hosts.filter { topo.rackOfHost[$0.id.int] == 0 }.map(\.id.int)
        let expected = Set([topo.rackUp[0], topo.rackDown[0]] + hosts.flatMap { [topo.nicOut[$0], topo.nicIn[$0]] })
        #expect(cut == expected)
        #expect(!p.events.contains { if case .hostFailed = $0 { return true } else { return false } })
        let restored = p.events.filter { if case .linkRestored(_, .hours(1) + .minutes(30)) = $0 { return true } else { return false } }
        #expect(restored.count == expected.count)
    }

    @Test func randomRackPowerLossesShareOneCausePerOutage() throws {
        let net = try failureFleet(hosts: 16, hostsPerRack: 4)
        var c = FailureConfig()
        c.racks.power = RandomRackFaults(ratePerRackPerSecond: 1 / (2 * day), outageSeconds: .constant(3_600))
        let p = try plan(c, net)
        var hostsByCause: [FailureCause: Set<HostID>] = [:]
        for case let .hostFailed(h, cause, _) in p.events { hostsByCause[cause, default: []].insert(h) }
        #expect(!hostsByCause.isEmpty)
        for (cause, hosts) in hostsByCause {
            #expect(cause.kind == .rackPower && !cause.isScheduled)
            #expect(Set(hosts.map { net.1.rackOfHost[$0.int] }).count == 1, "\(cause)")
        }
    }

    @Test func rackNamesAreCheckedAndDisambiguatedByFaultDomain() throws {
        let specs = [("a", "FD-1"), ("b", "FD-2")].map {
            HostSpec(name: $0.0, shapeFamily: "E4", ocpus: 8, memoryBytes: 64 << 30, nicBytesPerSecond: 1e9,
                     faultDomain: $0.1, rack: "rack-1")
        }
        let fleet = try FleetBuilder.build(FleetSpec(hosts: specs), seed: 1)
        let net = (fleet, topology(fleet))
        var c = FailureConfig()
        c.racks.scheduled = [ScheduledRackFault(rack: "rack-1", kind: .power, at: .hours(1), duration: .hours(1))]
        let ambiguous = try #require(buildError { _ = try plan(c, net) })
        #expect(ambiguous.keyPath == "failures.racks.scheduled[0].rack")
        #expect(ambiguous.message.contains("'FD-2/rack-1'"))
        c.racks.scheduled[0].rack = "FD-2/rack-1"
        let p = try plan(c, net)
        #expect(p.events(of: HostID(1)).count == 2)
        #expect(p.events(of: HostID(0)).isEmpty)
        c.racks.scheduled[0].rack = "rack-2"
        #expect(buildError { _ = try plan(c, net) }?.message.contains("did you mean 'rack-1'?") == true)
    }
}

@Suite struct FailurePlanLinkTests {
    @Test func scheduledLinkFaultsResolveToLinkIDs() throws {
        let net = try failureFleet(hosts: 8, hostsPerRack: 4, spine: 1e10)
        let (fleet, topo) = net
        var c = FailureConfig()
        c.links.scheduled = [
            ScheduledLinkFault(link: .hostNIC(fleet.hosts[2].name), at: .hours(1), duration: .hours(1), remainingFraction: 0.1),
            ScheduledLinkFault(link: .rackUplink(topo.rackNames[1]), at: .hours(2), duration: .hours(1), remainingFraction: 0),
            ScheduledLinkFault(link: .spine, at: .hours(3), duration: .hours(1), remainingFraction: 0.5),
            ScheduledLinkFault(link: .client, at: .hours(4), duration: .hours(1), remainingFraction: 0),
        ]
        let p = try plan(c, net)
        func degraded(at t: SimTime) -> [LinkID: Double] {
            var out: [LinkID: Double] = [:]
            for case let .linkDegraded(l, f, _, at) in p.events where at == t { out[l] = f }
            return out
        }
        #expect(degraded(at: .hours(1)) == [topo.nicOut[2]: 0.1, topo.nicIn[2]: 0.1])
        #expect(degraded(at: .hours(2)) == [topo.rackUp[1]: 0, topo.rackDown[1]: 0])
        #expect(degraded(at: .hours(3)) == [topo.spine!: 0.5])
        #expect(degraded(at: .hours(4)) == [topo.client: 0])
        #expect(p.events.count == 12)
    }

    @Test func overlappingFaultsGiveTheLowestRemainingFraction() throws {
        let net = try failureFleet(hosts: 2)
        let name = net.0.hosts[0].name
        var c = FailureConfig()
        c.links.scheduled = [
            ScheduledLinkFault(link: .hostNIC(name), at: .hours(1), duration: .hours(2), remainingFraction: 0.1),
            ScheduledLinkFault(link: .hostNIC(name), at: .hours(2), duration: .minutes(30), remainingFraction: 0),
        ]
        let p = try plan(c, net)
        let out = net.1.nicOut[0]
        let first = FailureCause(kind: .link, origin: "failures.links.scheduled[0]")
        let second = FailureCause(kind: .link, origin: "failures.links.scheduled[1]")
        let onOut = p.events.filter {
            switch $0 {
            case .linkDegraded(let l, _, _, _), .linkRestored(let l, _): return l == out
            default: return false
            }
        }
        #expect(onOut == [
            .linkDegraded(link: out, remainingFraction: 0.1, cause: first, at: .hours(1)),
            .linkDegraded(link: out, remainingFraction: 0, cause: second, at: .hours(2)),
            .linkDegraded(link: out, remainingFraction: 0.1, cause: first, at: .hours(2) + .minutes(30)),
            .linkRestored(link: out, at: .hours(3)),
        ])
    }

    @Test func unknownLinksAreErrorsAtTheirKeyPaths() throws {
        let net = try failureFleet(hosts: 2)
        var c = FailureConfig()
        c.links.scheduled = [ScheduledLinkFault(link: .spine, at: .hours(1), duration: .hours(1), remainingFraction: 0)]
        let noSpine = try #require(buildError { _ = try plan(c, net) })
        #expect(noSpine.keyPath == "failures.links.scheduled[0].link")
        #expect(noSpine.message.contains("spine"))
        c.links.scheduled[0].link = .rackUplink("nope")
        #expect(buildError { _ = try plan(c, net) }?.keyPath == "failures.links.scheduled[0].link.rack")
        c.links.scheduled[0].link = .hostNIC("nope")
        #expect(buildError { _ = try plan(c, net) }?.keyPath == "failures.links.scheduled[0].link.host")
    }

    @Test func randomLinkFaultsDrawTheirRemainingFraction() throws {
        let net = try failureFleet(hosts: 8)
        var c = FailureConfig()
        c.links.random[.nic] = RandomLinkFaults(ratePerLinkPerSecond: 1 / day, durationSeconds: .constant(60),
                                                remainingFraction: .uniform(min: 0.2, max: 0.4))
        let p = try plan(c, net, horizon: .days(20))
        let fractions = p.events.compactMap { event -> Double? in
            if case let .linkDegraded(_, f, cause, _) = event {
                #expect(cause.kind == .link && !cause.isScheduled)
                return f
            }
            return nil
        }
        #expect(fractions.count > 50)
        #expect(fractions.allSatisfy { $0 >= 0.2 && $0 < 0.4 })
    }
}

@Suite struct FailureConfigTests {
    @Test func theDefaultInjectsNothing() throws {
        #expect(FailureConfig.none.isNone)
        #expect(FailureConfig().migrations.linkStallTimeout == .seconds(30))
        #expect(FailureConfig().migrations.setupErrorDelaySeconds == .constant(300))
        let p = try plan(.none, try failureFleet(hosts: 8))
        #expect(p.events.isEmpty)
        #expect(!mtbfConfig(meanDays: 1).isNone)
    }

    @Test func overridesReplaceThePolicysKnobs() {
        let oci = MaintenancePolicyConfig.preset(.oci)
        #expect(FailureConfig().applyingOverrides(to: oci) == oci)
        var c = FailureConfig()
        c.migrations.rebootFailureProbability = 0.25
        c.customers.neverRespondFraction = 0.5
        let p = c.applyingOverrides(to: oci)
        #expect(p.reboot.failureProbability == 0.25)
        #expect(p.manual.neverActFraction == 0.5)
        #expect(p.live == oci.live)
    }
}
