import FleetModel
import SimKernel
import Stochastics
@testable import FleetSimulation

/// Collects every fact, for tests that look at the stream itself.
final class FactLog: FactObserver {
    var facts: [Fact] = []
    func observe(_ fact: Fact) { facts.append(fact) }
}

/// Hosts given by hand: (name, memory GiB, in campaign order or not).
func hostSpecs(_ specs: [(String, Int64)], fd: String = "FD-1") -> [HostSpec] {
    specs.map { HostSpec(name: $0.0, shapeFamily: "E4", ocpus: 64, memoryBytes: $0.1 << 30, nicBytesPerSecond: 1e9,
                         faultDomain: fd, rack: "rack-" + $0.0) }
}

func instanceSpecs(_ specs: [(String, Int64, String)]) -> [InstanceSpec] {
    specs.map { InstanceSpec(name: $0.0, shape: "E4", ocpus: 1, memoryBytes: $0.1 << 30, host: $0.2) }
}

/// Reboot phases of 10 s, 20 s and 30 s: 60 s of downtime per move, exactly.
let fixedReboot = RebootMigrationConfig(stopSeconds: .constant(10), reassignSeconds: .constant(20), bootSeconds: .constant(30))

func config(hosts: [HostSpec], instances: [InstanceSpec], campaign: CampaignConfig,
            reboot: RebootMigrationConfig = fixedReboot, horizon: SimTime = .days(10), seed: UInt64 = 1) -> SimulationConfig {
    SimulationConfig(name: "test", seed: seed, horizon: horizon,
                     fleet: FleetSpec(hosts: hosts, instances: instances), campaign: campaign, rebootMigration: reboot)
}

struct RunOutput {
    let result: RunResult
    let facts: [Fact]
    let violations: [String]
}

func runCampaign(_ config: SimulationConfig, replication: Int = 0) throws -> RunOutput {
    let fleet = try FleetBuilder.build(config.fleet, seed: config.seed)
    let log = FactLog()
    let checker = InvariantChecker(fleet: fleet)
    let result = try CampaignRunner.run(config: config, fleet: fleet, replication: replication, observers: [log, checker])
    checker.finish()
    return RunOutput(result: result, facts: log.facts, violations: checker.violations)
}

extension RunOutput {
    func finalStates() -> [String: FinalState] {
        var out: [String: FinalState] = [:]
        for case let .instanceResolved(i, state, _, _, _) in facts { out["\(i.index)"] = state }
        return out
    }

    var downtimes: [SimTime] {
        facts.compactMap { if case let .attemptEnded(_, _, _, _, _, d, _, _, _) = $0 { return d } else { return nil } }
    }

    func time(ofDrainEnd host: Int) -> SimTime? {
        for case let .hostDrained(h, t) in facts where h.int == host { return t }
        return nil
    }
}
