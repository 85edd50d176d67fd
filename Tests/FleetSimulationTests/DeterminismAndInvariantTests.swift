import FleetModel
import SimKernel
import Stochastics
import Testing
@testable import FleetSimulation

/// A generated fleet with random reboot durations.
func generatedConfig(hosts: Int, instances: Int, seed: UInt64, maxHosts: Int = 2, outbound: Int = 2,
                     onNoTarget: NoTargetAction = .wait) throws -> SimulationConfig {
    let group = HostGroupSpec(name: "h", count: hosts, shapeFamily: "E4", ocpus: 64, memoryBytes: 512 << 30,
                              nicBytesPerSecond: 1e9, faultDomains: ["FD-1", "FD-2", "FD-3"], hostsPerRack: 2)
    let vms = InstanceGroupSpec(name: "vm", count: instances, shape: "E4",
                                ocpus: try .empirical(values: [1, 2, 4, 8]),
                                memoryBytes: try .lognormal(median: 16 * 1_073_741_824, p99: 128 * 1_073_741_824))
    let reboot = RebootMigrationConfig(stopSeconds: try .lognormal(median: 15, p99: 60),
                                       reassignSeconds: .uniform(min: 5, max: 60),
                                       bootSeconds: .exponential(mean: 45))
    return SimulationConfig(name: "gen", seed: seed, horizon: .days(30),
                            fleet: FleetSpec(hostGroups: [group], instanceGroups: [vms]),
                            campaign: CampaignConfig(hosts: .faultDomain("FD-1"), maxHostsInMaintenance: maxHosts,
                                                     maxOutboundPerHost: outbound, maintenanceDuration: .exponential(mean: 3600),
                                                     onNoTarget: onNoTarget),
                            rebootMigration: reboot)
}

/// A text rendering of a fact stream, to compare runs exactly.
func transcript(_ facts: [Fact]) -> [String] { facts.map { "\($0)" } }

@Suite struct DeterminismTests {
    @Test func sameSeedSameFacts() throws {
        let c = try generatedConfig(hosts: 12, instances: 120, seed: 9)
        let a = try runCampaign(c)
        let b = try runCampaign(c)
        #expect(transcript(a.facts) == transcript(b.facts))
    }

    @Test func replicationsDiffer() throws {
        let c = try generatedConfig(hosts: 12, instances: 120, seed: 9)
        let a = try runCampaign(c, replication: 0)
        let b = try runCampaign(c, replication: 1)
        #expect(transcript(a.facts) != transcript(b.facts))
        #expect(a.result.seed != b.result.seed)
    }

    /// Adding instances at the end of a group does not change the earlier ones' draws.
    @Test func addingAnInstanceKeepsOthersDraws() throws {
        let small = try FleetBuilder.build(try generatedConfig(hosts: 12, instances: 50, seed: 3).fleet, seed: 3)
        let large = try FleetBuilder.build(try generatedConfig(hosts: 12, instances: 51, seed: 3).fleet, seed: 3)
        for i in 0..<50 { #expect(small.instances[i].demand == large.instances[i].demand) }
    }

    @Test func generatedNamesAndLayout() throws {
        let fleet = try FleetBuilder.build(try generatedConfig(hosts: 12, instances: 10, seed: 3).fleet, seed: 3)
        #expect(fleet.hosts.map(\.name).prefix(3) == ["h-0000", "h-0001", "h-0002"])
        // Two hosts per rack, racks dealt round-robin over three fault domains.
        #expect(fleet.hosts.map(\.location.faultDomain).prefix(6) == ["FD-1", "FD-1", "FD-2", "FD-2", "FD-3", "FD-3"])
        #expect(fleet.instances.map(\.name).first == "vm-0000")
        for instance in fleet.instances {
            #expect([1.0, 2, 4, 8].contains(instance.demand.ocpus))
            #expect(instance.demand.memoryBytes % 1_048_576 == 0)
        }
    }

    @Test func overfullGroupIsAnInputError() throws {
        let c = try generatedConfig(hosts: 1, instances: 200, seed: 3)
        #expect(throws: FleetBuildError.self) { _ = try FleetBuilder.build(c.fleet, seed: 3) }
    }
}

@Suite struct InvariantPropertyTests {
    /// Random fleets, sizes, limits and policies: the invariant checker never fires, every
    /// instance ends in exactly one state, and downtime is exactly accounted.
    @Test func invariantsHoldOnRandomFleets() throws {
        let rng = RandomStream(seed: 2024)
        for case_ in 0..<40 {
            let hosts = 3 + rng.uniformInt(below: 15)
            let instances = rng.uniformInt(below: hosts * 14)
            let c = try generatedConfig(hosts: hosts, instances: instances, seed: UInt64(case_),
                                        maxHosts: 1 + rng.uniformInt(below: 3), outbound: 1 + rng.uniformInt(below: 3),
                                        onNoTarget: rng.bernoulli(0.5) ? .wait : .skip)
            guard let fleet = try? FleetBuilder.build(c.fleet, seed: c.seed) else { continue }
            let checker = InvariantChecker(fleet: fleet)
            let log = FactLog()
            _ = try CampaignRunner.run(config: c, fleet: fleet, replication: 0, observers: [checker, log])
            checker.finish()
            #expect(checker.violations.isEmpty, "case \(case_): \(checker.violations.prefix(3))")
            var resolved = 0
            for case .instanceResolved in log.facts { resolved += 1 }
            #expect(resolved == fleet.instances.count)
        }
    }

    /// The checker is not a rubber stamp: a forged stream that breaks each rule is caught.
    @Test func checkerCatchesViolations() throws {
        let c = config(hosts: hostSpecs([("A", 64), ("B", 16)]),
                       instances: instanceSpecs([("a", 8, "A"), ("b", 12, "B")]),
                       campaign: CampaignConfig(hosts: .names(["A"])))
        let fleet = try FleetBuilder.build(c.fleet, seed: 1)
        let a = InstanceID(0), b = InstanceID(1), hA = HostID(0), hB = HostID(1)

        let overCapacity = InvariantChecker(fleet: fleet)
        overCapacity.observe(.reserved(instance: a, target: hB, time: .zero))
        #expect(overCapacity.firstViolation?.contains("above capacity") == true)

        let wrongSource = InvariantChecker(fleet: fleet)
        wrongSource.observe(.moved(instance: b, from: hA, to: hB, time: .zero))
        #expect(wrongSource.firstViolation != nil)

        let badDowntime = InvariantChecker(fleet: fleet)
        badDowntime.observe(.instanceStopped(instance: a, cause: .reboot, time: .seconds(1)))
        badDowntime.observe(.instanceResumed(instance: a, time: .seconds(3)))
        badDowntime.observe(.attemptEnded(instance: a, attempt: 1, action: .reboot, outcome: .completed, reason: .rebooted(staysStopped: false),
                                          downtime: .seconds(5), downtimeParts: DowntimeBreakdown(stop: .seconds(5)),
                                          bytes: 0, time: .seconds(3)))
        #expect(badDowntime.firstViolation != nil)

        let twoCauses = InvariantChecker(fleet: fleet)
        twoCauses.observe(.instanceStopped(instance: a, cause: .reboot, time: .seconds(1)))
        twoCauses.observe(.instanceStopped(instance: a, cause: .crash, time: .seconds(2)))
        #expect(twoCauses.firstViolation?.contains("two causes") == true)

        let unresolved = InvariantChecker(fleet: fleet)
        unresolved.observe(.instanceResolved(instance: a, state: .moved, reason: .migrated(.reboot), inCampaign: true, time: .zero))
        unresolved.finish()
        #expect(unresolved.firstViolation?.contains("final states") == true)

        let backwards = InvariantChecker(fleet: fleet)
        backwards.observe(.hostDrainStarted(host: hA, time: .seconds(5)))
        backwards.observe(.hostDrainStarted(host: hB, time: .seconds(4)))
        #expect(backwards.firstViolation?.contains("backwards") == true)
    }
}
