import FleetModel
import FleetSimulation
import Foundation
import Reporting
import Scenario

/// A scenario that has been read, validated and built into a fleet: everything that can be
/// wrong with the input has been found before anything runs or is written.
struct PreparedScenario {
    let loaded: LoadedScenario
    let config: SimulationConfig
    let fleet: Fleet
    let campaignHostCount: Int
    let replications: Int

    /// `Reports/<this>`: the scenario file's base name without extension.
    var defaultReportName: String {
        let base = (loaded.path as NSString).lastPathComponent
        return (base as NSString).deletingPathExtension
    }

    static func load(path: String, seedOverride: UInt64?, replicationsOverride: Int?,
                     scale: Double? = nil) throws(CommandFailure) -> PreparedScenario {
        let loaded: LoadedScenario
        switch ScenarioLoader.load(path: path) {
        case .success(let l): loaded = l
        case .failure(let failure): throw .badInput(failure.rendered)
        }
        var config = loaded.config
        if let seedOverride { config.seed = seedOverride }
        if let scale { config = scaled(config, by: scale) }
        do {
            let fleet = try FleetBuilder.build(config.fleet, seed: config.seed, generator: config.generator)
            let hosts = try CampaignRunner.campaignHosts(config, fleet: fleet)
            try CampaignRunner.validateFailures(config, fleet: fleet)
            return PreparedScenario(loaded: loaded, config: config, fleet: fleet, campaignHostCount: hosts.count,
                                    replications: replicationsOverride ?? loaded.replications)
        } catch {
            throw .badInput(loaded.diagnostic(for: error).rendered)
        }
    }

    /// The scenario with every generated group's count, and the number of hosts in
    /// maintenance at once, multiplied by `factor` (at least 1 each): a quick look at a large
    /// scenario, or a test of it at a small size. Explicit hosts and instances are kept.
    static func scaled(_ config: SimulationConfig, by factor: Double) -> SimulationConfig {
        var c = config
        func scale(_ n: Int) -> Int { max(1, Int((Double(n) * factor).rounded())) }
        for k in c.fleet.hostGroups.indices { c.fleet.hostGroups[k].count = scale(c.fleet.hostGroups[k].count) }
        for k in c.fleet.instanceGroups.indices { c.fleet.instanceGroups[k].count = scale(c.fleet.instanceGroups[k].count) }
        c.campaign.maxHostsInMaintenance = scale(c.campaign.maxHostsInMaintenance)
        return c
    }

    struct Violation {
        let replication: Int
        let message: String
    }

    struct Outcome {
        let report: CampaignReport
        let recorders: [(replication: Int, recorder: RunRecorder)]
        let firstViolation: Violation?
    }

    func runAll(checkInvariants: Bool, progress: Bool) throws(CommandFailure) -> Outcome {
        var bar = ProgressBar(total: replications, label: "replications", enabled: progress && standardErrorIsTerminal)
        var metrics: [ReplicationMetrics] = []
        var recorders: [(Int, RunRecorder)] = []
        for r in 0..<replications {
            let recorder = RunRecorder(fleet: fleet)
            let checker = checkInvariants ? InvariantChecker(fleet: fleet) : nil
            let observers: [FactObserver] = [recorder] + (checker.map { [$0] } ?? [])
            let result: RunResult
            do {
                result = try CampaignRunner.run(config: config, fleet: fleet, replication: r, observers: observers)
            } catch {
                throw .runFailed("replication \(r) failed: \(error)")
            }
            if let checker {
                checker.finish()
                if let v = checker.firstViolation {
                    return Outcome(report: CampaignReport(identity: identity, replications: metrics), recorders: recorders,
                                   firstViolation: Violation(replication: r, message: v))
                }
            }
            metrics.append(ReplicationMetrics(result: result, recorder: recorder))
            recorders.append((r, recorder))
            bar.update(r + 1)
        }
        return Outcome(report: CampaignReport(identity: identity, replications: metrics), recorders: recorders,
                       firstViolation: nil)
    }

    var identity: RunIdentity {
        RunIdentity(scenarioName: config.name, scenarioFile: loaded.path, seed: config.seed, replications: replications,
                    horizonSeconds: config.horizon.seconds, generator: config.generator.rawValue,
                    hosts: fleet.hosts.count, instances: fleet.instances.count, campaignHosts: campaignHostCount,
                    toolVersion: fleetsimVersion)
    }
}
