import Foundation
import FleetModel
import MaintenancePolicy
import MigrationEngine
import SimKernel
import Stochastics
import Testing
@testable import FleetSimulation

/// The consequences of failures during maintenance, each on a small hand-built fleet: host A
/// is drained, B and C are targets, D holds a bystander. NICs of 100 MB/s make an 8 GiB live
/// migration last about 86 s, so a failure at 10 s lands in its first pass.
@Suite struct FailureConsequenceTests {
    static let nic = 100e6

    func config(failures: FailureConfig, postcopyAfter: Int? = nil, dirtyBytesPerSecond: Double = 0,
                liveAttempts: Int = 1) -> SimulationConfig {
        let hosts = ["A", "B", "C", "D"].map {
            HostSpec(name: $0, shapeFamily: "E4", ocpus: 64, memoryBytes: 256 << 30, nicBytesPerSecond: Self.nic, rack: "r")
        }
        let guest = GuestDirtying(dirtyBytesPerSecond: dirtyBytesPerSecond)
        let vms = [InstanceSpec(name: "x", shape: "E4", ocpus: 1, memoryBytes: 8 << 30, host: "A", guest: guest),
                   InstanceSpec(name: "y", shape: "E4", ocpus: 1, memoryBytes: 8 << 30, host: "D")]
        var campaign = CampaignConfig(hosts: .names(["A"]), maintenanceDuration: .constant(600))
        campaign.move = .live
        campaign.liveAttempts = liveAttempts
        campaign.placement = .firstFit   // B first, then C
        campaign.liveMigration = LiveMigrationConfig(preset: .libvirt, maxBandwidthBytesPerSecond: .some(nil),
                                                     postcopyAfterPasses: postcopyAfter)
        return SimulationConfig(name: "failures", seed: 1, horizon: .days(2), fleet: FleetSpec(hosts: hosts, instances: vms),
                                campaign: campaign, rebootMigration: fixedReboot, failures: failures)
    }

    func hostFailure(_ host: String, at t: SimTime, repair: SimTime = .hours(1)) -> FailureConfig {
        FailureConfig(hosts: HostFailures(scheduled: [ScheduledHostFailure(host: host, at: t, repairAfter: repair)]))
    }

    func ended(_ out: RunOutput) -> [(action: MoveAction, outcome: AttemptOutcome, reason: String, time: SimTime)] {
        out.facts.compactMap {
            if case let .attemptEnded(_, _, action, outcome, reason, _, _, _, t) = $0 { return (action, outcome, reason.text, t) }
            return nil
        }
    }

    func stops(_ out: RunOutput, _ instance: Int) -> [(DowntimeCause, SimTime)] {
        out.facts.compactMap {
            if case let .instanceStopped(i, cause, t) = $0, i.int == instance { return (cause, t) }
            return nil
        }
    }

    func finalState(_ out: RunOutput, _ instance: Int) -> FinalState? {
        for case let .instanceResolved(i, state, _, _, _) in out.facts where i.int == instance { return state }
        return nil
    }

    @Test func sourceFailureDuringPrecopyCrashesTheGuest() throws {
        let out = try runCampaign(config(failures: hostFailure("A", at: .seconds(10))))
        #expect(out.violations.isEmpty, "\(out.violations)")
        let e = ended(out)
        #expect(e.first?.outcome == .aborted && e.first?.reason == "source failure" && e.first?.time == .seconds(10))
        #expect(stops(out, 0).first.map { $0.0 == .crash && $0.1 == .seconds(10) } == true)
        // Remote storage: restarted from its boot volume on another host, not migrated.
        #expect(e.contains { $0.action == .restart && $0.outcome == .completed })
        #expect(finalState(out, 0) == .crashed)
    }

    @Test func targetFailureDuringPrecopyAbortsAndTheRetryGoesElsewhere() throws {
        let out = try runCampaign(config(failures: hostFailure("B", at: .seconds(10)), liveAttempts: 2))
        #expect(out.violations.isEmpty, "\(out.violations)")
        let e = ended(out)
        #expect(e.first?.outcome == .aborted && e.first?.reason == "target failure")
        #expect(stops(out, 0).allSatisfy { $0.0 == .blackout }, "the guest kept running on the source")
        var targets: [String] = []
        for case let .moved(i, _, to, _) in out.facts where i.int == 0 { targets.append(to.int == 2 ? "C" : "\(to)") }
        #expect(targets == ["C"])
        #expect(finalState(out, 0) == .moved)
    }

    /// Find when the guest runs on the target in post-copy, then fail a host at that moment.
    func postcopyMidpoint() throws -> SimTime {
        let out = try runCampaign(config(failures: .none, postcopyAfter: 1, dirtyBytesPerSecond: 50e6))
        var resumed: SimTime?
        for case let .instanceResumed(i, t) in out.facts where i.int == 0 { resumed = t; break }
        let end = try #require(ended(out).first { $0.action == .live }).time
        let start = try #require(resumed)
        try #require(start < end, "the migration finished in post-copy")
        return SimTime(nanoseconds: (start.nanoseconds + end.nanoseconds) / 2)
    }

    @Test(arguments: ["A", "B"])
    func eitherHostFailingDuringPostcopyLosesTheGuest(host: String) throws {
        let t = try postcopyMidpoint()
        let out = try runCampaign(config(failures: hostFailure(host, at: t), postcopyAfter: 1, dirtyBytesPerSecond: 50e6))
        #expect(out.violations.isEmpty, "\(out.violations)")
        #expect(ended(out).first?.outcome == .lost)
        #expect(finalState(out, 0) == .lost)
        #expect(stops(out, 0).contains { $0.0 == .crash && $0.1 == t })
    }

    @Test func linkCutDuringPrecopyAbortsAfterTheStallTimeout() throws {
        let cut = FailureConfig(links: LinkFaults(scheduled: [
            ScheduledLinkFault(link: .hostNIC("A"), at: .seconds(10), duration: .minutes(10), remainingFraction: 0),
        ]))
        let out = try runCampaign(config(failures: cut))
        #expect(out.violations.isEmpty, "\(out.violations)")
        let first = try #require(ended(out).first)
        #expect(first.outcome == .aborted && first.reason == "link failure")
        #expect(first.time == .seconds(10) + MigrationFaults().linkStallTimeout)
    }

    @Test func linkCutDuringPostcopyPausesTheGuestUntilTheLinkReturns() throws {
        let t = try postcopyMidpoint()
        let cut = FailureConfig(links: LinkFaults(scheduled: [
            ScheduledLinkFault(link: .hostNIC("A"), at: t, duration: .seconds(60), remainingFraction: 0),
        ]))
        let out = try runCampaign(config(failures: cut, postcopyAfter: 1, dirtyBytesPerSecond: 50e6))
        #expect(out.violations.isEmpty, "\(out.violations)")
        let pause = stops(out, 0).first { $0.0 == .postcopyPause }
        #expect(pause?.1 == t)
        var resumedAfterPause = false
        for case let .instanceResumed(i, r) in out.facts where i.int == 0 && r == t + .seconds(60) { resumedAfterPause = true }
        #expect(resumedAfterPause)
        #expect(ended(out).first?.outcome == .completed)
        #expect(finalState(out, 0) == .moved)
    }

    @Test func aFailedHostsBystandersAreUnplannedOutages() throws {
        let out = try runCampaign(config(failures: hostFailure("D", at: .seconds(5))))
        #expect(out.violations.isEmpty, "\(out.violations)")
        #expect(stops(out, 1).map(\.0) == [.crash])
        #expect(finalState(out, 1) == .crashed)
        #expect(finalState(out, 0) == .moved)
    }

    @Test func localStorageWaitsForTheRepair() throws {
        var c = config(failures: hostFailure("D", at: .seconds(5), repair: .hours(2)))
        c.fleet.instances[1].attributes.storage = .local
        let out = try runCampaign(c)
        #expect(out.violations.isEmpty, "\(out.violations)")
        var resumed: SimTime?
        for case let .instanceResumed(i, t) in out.facts where i.int == 1 { resumed = t }
        #expect(resumed == .seconds(5) + .hours(2))
        #expect(finalState(out, 1) == .crashed)
    }
}

/// Random fleets under random failures: whatever fails when, the books stay balanced.
@Suite struct FailurePropertyTests {
    @Test func invariantsHoldUnderRandomFailures() throws {
        let rng = RandomStream(seed: 77)
        var failuresSeen = 0
        for k in 0..<100 {
            var c = try generatedConfig(hosts: 6 + rng.uniformInt(below: 10), instances: 20 + rng.uniformInt(below: 80),
                                        seed: UInt64(k), maxHosts: 1 + rng.uniformInt(below: 3),
                                        outbound: 1 + rng.uniformInt(below: 2))
            c.campaign.move = rng.bernoulli(0.7) ? .live : .reboot
            c.campaign.liveAttempts = 1 + rng.uniformInt(below: 2)
            c.campaign.liveMigration = LiveMigrationConfig(preset: rng.bernoulli(0.5) ? .nova : .libvirt,
                                                           maxBandwidthBytesPerSecond: .some(nil),
                                                           postcopyAfterPasses: rng.bernoulli(0.4) ? 1 : nil)
            c.fleet.instanceGroups[0].guest = GuestSpec(dirtyBytesPerSecond: .exponential(mean: 100e6))
            if rng.bernoulli(0.3) { c.fleet.instanceGroups[0].attributes.storage = .local }
            c.network = NetworkLayout(oversubscription: 4)
            c.horizon = .days(20)
            var f = FailureConfig()
            f.hosts = HostFailures(timeToFailureSeconds: .exponential(mean: 86_400 * (1 + rng.uniform() * 5)),
                                   repairSeconds: .exponential(mean: 3_600))
            f.links = LinkFaults(random: [.nic: RandomLinkFaults(ratePerLinkPerSecond: 1 / 43_200,
                                                                 durationSeconds: .exponential(mean: 300),
                                                                 remainingFraction: .uniform(min: 0, max: 0.5))])
            f.migrations = MigrationFaults(abortPerAttempt: 0.05, abortPerGiB: 0.002, setupErrorProbability: 0.05)
            c.failures = f
            let fleet: Fleet
            do { fleet = try FleetBuilder.build(c.fleet, seed: c.seed) } catch { continue }
            let checker = InvariantChecker(fleet: fleet)
            let log = FactLog()
            _ = try CampaignRunner.run(config: c, fleet: fleet, replication: 0, observers: [checker, log])
            checker.finish()
            #expect(checker.violations.isEmpty, "case \(k): \(checker.violations.prefix(3))")
            for case .hostFailed in log.facts { failuresSeen += 1 }
        }
        #expect(failuresSeen > 50)
    }
}
