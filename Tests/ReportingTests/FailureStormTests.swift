import FleetModel
import FleetSimulation
import Foundation
import MaintenancePolicy
import Reporting
import Scenario
import SimKernel
import Stochastics
import Testing

final class FactLog: FactObserver {
    var facts: [Fact] = []
    func observe(_ fact: Fact) { facts.append(fact) }
}

/// The failure-storm scenario (rack power loss during a fault-domain drain, 2 % per-attempt
/// aborts, an uplink degraded to 10 % for an hour, random host failures).
@Suite struct FailureStormTests {
    /// The scenario at a third of its size, so a hundred runs stay quick.
    static func storm() throws -> SimulationConfig {
        var (config, _) = try PolicyScenarioTests.load("failure-storm")
        for k in config.fleet.hostGroups.indices { config.fleet.hostGroups[k].count /= 3 }
        for k in config.fleet.instanceGroups.indices { config.fleet.instanceGroups[k].count /= 3 }
        config.failures.racks.scheduled[0].rack = "e4-rack-00"
        config.failures.links.scheduled[0].link = .rackUplink("e4-rack-01")
        return config
    }

    static func run(_ config: SimulationConfig) throws -> (facts: [Fact], violations: [String], metrics: ReplicationMetrics) {
        let fleet = try FleetBuilder.build(config.fleet, seed: config.seed)
        let log = FactLog()
        let checker = InvariantChecker(fleet: fleet)
        let recorder = RunRecorder(fleet: fleet)
        let result = try CampaignRunner.run(config: config, fleet: fleet, replication: 0, observers: [log, checker, recorder])
        checker.finish()
        return (log.facts, checker.violations, ReplicationMetrics(result: result, recorder: recorder))
    }

    @Test func invariantsHoldOverAHundredSeeds() throws {
        var config = try Self.storm()
        var failures = 0, unplanned = 0.0, planned = 0.0
        for seed in 1...100 {
            config.seed = UInt64(seed)
            let (_, violations, m) = try Self.run(config)
            #expect(violations.isEmpty, "seed \(seed): \(violations.prefix(3))")
            failures += m.hostFailures
            unplanned += m.unplannedDowntimeSeconds
            planned += m.plannedDowntimeSeconds
            // Every table adds up to its stated population: the campaign's instances, and the
            // bystanders (crashes of instances outside the campaign are not campaign outcomes).
            #expect(m.finalStateCounts.reduce(0) { $0 + $1.count } == m.instancesInCampaign)
            #expect(m.bystanderStateCounts.reduce(0) { $0 + $1.count } == m.instances - m.instancesInCampaign)
            #expect(m.count(.untouched) == 0)
        }
        // The storm really happened: hosts failed, and both kinds of downtime were booked.
        #expect(failures >= 100)
        #expect(unplanned > 0 && planned > 0)
    }

    @Test func sameSeedSameFailures() throws {
        let config = try Self.storm()
        let a = try Self.run(config), b = try Self.run(config)
        #expect(a.facts.map { "\($0)" } == b.facts.map { "\($0)" })
    }

    /// Policy A and policy B with the same seed see the same failures: the failure plan does
    /// not depend on what the policy does (common random numbers).
    @Test func twoPoliciesSeeTheSameFailures() throws {
        let a = try Self.storm()
        var b = a
        b.policy = .preset(.generic)
        let runA = try Self.run(a), runB = try Self.run(b)
        func failures(_ facts: [Fact]) -> [String] {
            facts.compactMap {
                switch $0 {
                case let .hostFailed(h, cause, t): return "\(h) \(cause) \(t)"
                case let .linkCapacityChanged(l, f, t): return "\(l) \(f) \(t)"
                default: return nil
                }
            }
        }
        func end(_ facts: [Fact]) -> SimTime {
            for case let .campaignEnded(t) in facts { return t }
            return .max
        }
        // Failures after a campaign ends are not simulated: compare up to the earlier end.
        let cut = min(end(runA.facts), end(runB.facts))
        let fa = failures(runA.facts.filter { if case let .hostFailed(_, _, t) = $0 { return t < cut }; return true })
        let fb = failures(runB.facts.filter { if case let .hostFailed(_, _, t) = $0 { return t < cut }; return true })
        #expect(!fa.isEmpty)
        #expect(fa.filter { !$0.contains("link") } == fb.filter { !$0.contains("link") })
        // And the policies did differ.
        #expect(runA.metrics.planReasons.map(\.reason) != runB.metrics.planReasons.map(\.reason))
    }
}
