import FleetModel
import SimKernel
import Stochastics
import Testing
@testable import FleetSimulation

@Suite struct CampaignTests {
    /// A(2 instances) and B(2) drained one at a time, outbound 1, 60 s per move, 100 s of
    /// maintenance; C is not in the campaign and takes everything (B is deprioritised as a
    /// target while it is still due). A: moves 0-60, 60-120, down 120-220. B: 220-340, back
    /// at 440. Closed form: makespan 440 s, drain makespan 340 s, 4 x 60 s of downtime.
    @Test func sequentialDrainMatchesHandCalculation() throws {
        let c = config(hosts: hostSpecs([("A", 64), ("B", 64), ("C", 256)]),
                       instances: instanceSpecs([("a1", 8, "A"), ("a2", 8, "A"), ("b1", 8, "B"), ("b2", 8, "B")]),
                       campaign: CampaignConfig(hosts: .names(["A", "B"]), maxHostsInMaintenance: 1, maxOutboundPerHost: 1,
                                                maintenanceDuration: .constant(100)))
        let out = try runCampaign(c)
        #expect(out.violations.isEmpty, "\(out.violations)")
        #expect(out.result.campaignEnd == .seconds(440))
        #expect(out.time(ofDrainEnd: 0) == .seconds(120))
        #expect(out.time(ofDrainEnd: 1) == .seconds(340))
        #expect(out.downtimes == Array(repeating: .seconds(60), count: 4))
        var targets: [String] = []
        for case let .moved(_, _, to, _) in out.facts { targets.append("\(to.index)") }
        #expect(targets == ["2", "2", "2", "2"], "every instance goes to C, the host not due for maintenance")
    }

    /// Outbound 2 and two hosts at once halve the drain time.
    @Test func concurrencyLimitsShapeTheMakespan() throws {
        let c = config(hosts: hostSpecs([("A", 64), ("B", 64), ("C", 256)]),
                       instances: instanceSpecs([("a1", 8, "A"), ("a2", 8, "A"), ("b1", 8, "B"), ("b2", 8, "B")]),
                       campaign: CampaignConfig(hosts: .names(["A", "B"]), maxHostsInMaintenance: 2, maxOutboundPerHost: 2,
                                                maintenanceDuration: .constant(100)))
        let out = try runCampaign(c)
        #expect(out.violations.isEmpty)
        #expect(out.result.campaignEnd == .seconds(160))
    }

    /// No room anywhere: with `wait` the instance waits until a host returns; B is empty,
    /// drains at once and is back at 100 s, when A's instance moves onto it.
    @Test func waitForCapacityUntilAHostReturns() throws {
        let c = config(hosts: hostSpecs([("A", 64), ("B", 64), ("C", 64)]),
                       instances: instanceSpecs([("x", 40, "A"), ("c", 40, "C")]),
                       campaign: CampaignConfig(hosts: .names(["B", "A"]), maxHostsInMaintenance: 2, maxOutboundPerHost: 1,
                                                maintenanceDuration: .constant(100), onNoTarget: .wait))
        let out = try runCampaign(c)
        #expect(out.violations.isEmpty, "\(out.violations)")
        var waited = false
        for case let .waitingForCapacity(_, t) in out.facts { waited = true; #expect(t == .zero) }
        #expect(waited)
        var moveStart: SimTime?
        for case let .attemptStarted(_, _, _, _, target, t) in out.facts { moveStart = t; #expect(target.int == 1) }
        #expect(moveStart == .seconds(100))
        #expect(out.finalStates()["0"] == .moved)
        #expect(out.finalStates()["1"] == .untouched)
    }

    /// With `skip` the instance stays and the host's drain completes without it.
    @Test func skipLeavesTheInstanceAndFinishesTheDrain() throws {
        let c = config(hosts: hostSpecs([("A", 64), ("C", 64)]),
                       instances: instanceSpecs([("x", 40, "A"), ("c", 40, "C")]),
                       campaign: CampaignConfig(hosts: .names(["A"]), maintenanceDuration: .constant(100), onNoTarget: .skip))
        let out = try runCampaign(c)
        #expect(out.violations.isEmpty)
        #expect(out.finalStates()["0"] == .skipped)
        #expect(out.time(ofDrainEnd: 0) == .zero)
        #expect(out.result.campaignEnd == .seconds(100))
    }

    /// A deadlock (everyone waits for capacity that never frees) ends at the horizon with
    /// the instance unresolved, not lost.
    @Test func horizonLeavesWaitingInstancesUnresolved() throws {
        let c = config(hosts: hostSpecs([("A", 64), ("B", 64)]),
                       instances: instanceSpecs([("a", 40, "A"), ("b", 40, "B")]),
                       campaign: CampaignConfig(hosts: .names(["A", "B"]), maintenanceDuration: .constant(100)),
                       horizon: .hours(1))
        let out = try runCampaign(c)
        #expect(out.violations.isEmpty, "\(out.violations)")
        #expect(out.result.campaignEnd == nil)
        #expect(out.result.endTime == .hours(1))
        #expect(out.finalStates()["0"] == .unresolved)
        #expect(out.finalStates()["1"] == .unresolved)
    }

    /// An instance moved onto a host that is drained later moves again, and still ends in
    /// exactly one final state.
    @Test func instanceMovedTwiceHasOneFinalState() throws {
        let c = config(hosts: hostSpecs([("A", 64), ("B", 64)]),
                       instances: instanceSpecs([("a", 8, "A")]),
                       campaign: CampaignConfig(hosts: .names(["A", "B"]), maintenanceDuration: .constant(10)))
        let out = try runCampaign(c)
        #expect(out.violations.isEmpty, "\(out.violations)")
        #expect(out.downtimes.count == 2)
        var resolutions = 0
        for case .instanceResolved in out.facts { resolutions += 1 }
        #expect(resolutions == 1)
    }

    @Test func unknownCampaignHostIsAnInputError() throws {
        let c = config(hosts: hostSpecs([("A", 64)]), instances: [],
                       campaign: CampaignConfig(hosts: .names(["A", "Z"])))
        let fleet = try FleetBuilder.build(c.fleet, seed: 1)
        #expect(throws: FleetBuildError.self) { _ = try CampaignRunner.campaignHosts(c, fleet: fleet) }
        let dup = config(hosts: hostSpecs([("A", 64)]), instances: [], campaign: CampaignConfig(hosts: .names(["A", "A"])))
        #expect(throws: FleetBuildError(keyPath: "campaign.hosts[1]", message: "host 'A' is listed twice")) {
            _ = try CampaignRunner.campaignHosts(dup, fleet: fleet)
        }
    }

    @Test func faultDomainSelectionTakesItsHostsInOrder() throws {
        let hosts = hostSpecs([("A", 64), ("B", 64)], fd: "FD-1") + hostSpecs([("C", 64)], fd: "FD-2")
        let c = config(hosts: hosts, instances: [], campaign: CampaignConfig(hosts: .faultDomain("FD-1")))
        let fleet = try FleetBuilder.build(c.fleet, seed: 1)
        #expect(try CampaignRunner.campaignHosts(c, fleet: fleet).map(\.int) == [0, 1])
        let bad = config(hosts: hosts, instances: [], campaign: CampaignConfig(hosts: .faultDomain("FD-9")))
        #expect(throws: FleetBuildError.self) { _ = try CampaignRunner.campaignHosts(bad, fleet: fleet) }
    }
}
