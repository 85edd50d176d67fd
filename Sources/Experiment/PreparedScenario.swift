import FleetModel
import FleetSimulation
import Foundation
import Reporting
import Scenario

/// A scenario that has been read, validated and built into a fleet: everything that can be
/// wrong with the input has been found before anything runs or is written.
public struct PreparedScenario: @unchecked Sendable {
    public let loaded: LoadedScenario
    public let config: SimulationConfig
    public let fleet: Fleet
    public let campaignHostCount: Int
    public let replications: Int
    /// Command-line settings that changed what runs, recorded in the reports.
    public var overrides: [(key: String, value: String)] = []

    /// `Reports/<this>`: the scenario file's base name without extension.
    public var defaultReportName: String {
        loaded.path == "<stdin>" ? "stdin" : FilePath.stem(of: loaded.path)
    }

    public static func load(path: String, seedOverride: UInt64?, replicationsOverride: Int?,
                            scale: Double? = nil, settings: [ScenarioOverride] = [],
                            budget: MemoryBudget = MemoryBudget(limitBytes: MemoryBudget.defaultLimitBytes),
                            allowOutsidePaths: Bool = false,
                            jobs: Int = ProcessInfo.processInfo.activeProcessorCount) throws(CommandFailure) -> PreparedScenario {
        let loaded: LoadedScenario
        let options = ScenarioReadOptions(allowOutsidePaths: allowOutsidePaths, maxMemoryBytes: budget.limitBytes)
        switch ScenarioLoader.load(path: path, overrides: settings, options: options) {
        case .success(let l): loaded = l
        case .failure(let failure): throw .badInput(failure.rendered)
        }
        var config = loaded.config
        if let seedOverride { config.seed = seedOverride }
        // Estimate before building anything: counts may be 10^10 or scaled by 10^300.
        let size = MemoryBudget.fleetSize(config, scale: scale)
        let replications = replicationsOverride ?? loaded.replications
        let needed = MemoryBudget.estimate(hosts: size.hosts, instances: size.instances,
                                           replications: Double(replications), jobs: Double(max(1, jobs)))
        try budget.check(needed, for: "\(FleetCountText.count(size.hosts)) hosts, \(FleetCountText.count(size.instances)) instances and \(replications) replication(s)",
                         file: loaded.path)
        if let scale { config = scaled(config, by: scale) }
        let fleet: Fleet
        do {
            fleet = try FleetBuilder.build(config.fleet, seed: config.seed, generator: config.generator)
        } catch {
            throw .badInput(ScenarioLoader.relocated(loaded.diagnostic(for: error), overrides: settings).rendered)
        }
        if let problem = CampaignSelectionCheck.problem(config, fleet: fleet, loaded: loaded) { throw .badInput(problem.rendered) }
        do {
            let hosts = try CampaignRunner.campaignHosts(config, fleet: fleet)
            try CampaignRunner.validateFailures(config, fleet: fleet)
            var prepared = PreparedScenario(loaded: loaded, config: config, fleet: fleet, campaignHostCount: hosts.count,
                                            replications: replicationsOverride ?? loaded.replications)
            // Each `--set` under its own key (`set campaign.max_hosts_in_maintenance`); a
            // repeated key keeps the last value, the one that was used.
            for o in settings {
                prepared.overrides.removeAll { $0.key == "set " + o.key }
                prepared.overrides.append(("set " + o.key, o.value))
            }
            if let seedOverride { prepared.overrides.append(("seed", String(seedOverride))) }
            if let replicationsOverride { prepared.overrides.append(("replications", String(replicationsOverride))) }
            if let scale { prepared.overrides.append(("scale", NumberText.json(scale))) }
            return prepared
        } catch {
            throw .badInput(ScenarioLoader.relocated(loaded.diagnostic(for: error), overrides: settings).rendered)
        }
    }

    /// The scenario with every generated group's count, and the number of hosts in
    /// maintenance at once, multiplied by `factor` (at least 1 each): a quick look at a large
    /// scenario, or a test of it at a small size. Explicit hosts and instances are kept.
    public static func scaled(_ config: SimulationConfig, by factor: Double) -> SimulationConfig {
        var c = config
        // Clamped before the conversion (a factor of 1e300 trapped); the memory estimate has
        // refused such sizes already, the clamp only keeps this function total.
        func scale(_ n: Int) -> Int { max(1, Int(min((Double(n) * factor).rounded(), 1e15))) }
        for k in c.fleet.hostGroups.indices { c.fleet.hostGroups[k].count = scale(c.fleet.hostGroups[k].count) }
        for k in c.fleet.instanceGroups.indices { c.fleet.instanceGroups[k].count = scale(c.fleet.instanceGroups[k].count) }
        c.campaign.maxHostsInMaintenance = scale(c.campaign.maxHostsInMaintenance)
        return c
    }

    public struct Violation {
        public let replication: Int
        public let message: String
    }

    public struct Outcome {
        public let report: CampaignReport
        public let recorders: [(replication: Int, recorder: RunRecorder)]
        public let firstViolation: Violation?
        /// What the campaign runner returned for each replication in `recorders`, same order
        /// (a run shard writes them next to the recorders' snapshots).
        public var results: [RunResult] = []
    }

    /// Run every replication, `jobs` at a time (each replication has its own streams, model
    /// and observers; results are gathered by replication index, so the reports are the same
    /// byte for byte whatever `jobs` is). `only` runs those replications alone (a run shard's
    /// slice), in the order given.
    public func runAll(checkInvariants: Bool, progress: Bool,
                       jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                       only: [Int]? = nil) throws(CommandFailure) -> Outcome {
        let config = self.config
        let fleet = self.fleet
        let slots = only ?? Array(0..<replications)
        let box = ReplicationResults(count: slots.count, progress: ProgressBar(total: slots.count, label: "replications",
                                                                               enabled: progress && standardErrorIsTerminal))
        let workers = max(1, min(jobs, slots.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let slot = box.next() {
                let r = slots[slot]
                do {
                    // The replication's own fleet when the scenario resamples it (`resample`).
                    let fleet = try config.resample.fleet(for: r, base: fleet, config: config)
                    let recorder = RunRecorder(fleet: fleet)
                    let checker = checkInvariants ? InvariantChecker(fleet: fleet) : nil
                    let observers: [FactObserver] = [recorder] + (checker.map { [$0] } ?? [])
                    let result = try CampaignRunner.run(config: config, fleet: fleet, replication: r, observers: observers)
                    checker?.finish()
                    box.store(slot, metrics: ReplicationMetrics(result: result, recorder: recorder), recorder: recorder,
                              result: result, violation: checker?.firstViolation)
                } catch {
                    box.fail(slot, "replication \(r) failed: \(error)")
                }
            }
        }
        if let (_, message) = box.error { throw .runFailed(message) }
        // The first violation in replication order; the report keeps the replications before it.
        let kept = (0..<slots.count).first(where: { box.violations[$0] != nil }) ?? slots.count
        var outcome = Outcome(report: CampaignReport(identity: identity, replications: (0..<kept).map { box.metrics[$0]! }),
                              recorders: (0..<kept).map { (slots[$0], box.recorders[$0]!) },
                              firstViolation: kept < slots.count
                                ? Violation(replication: slots[kept], message: box.violations[kept]!) : nil)
        outcome.results = (0..<kept).map { box.results[$0]! }
        return outcome
    }

    public var identity: RunIdentity {
        RunIdentity(scenarioName: config.name, scenarioFile: loaded.path, seed: config.seed, replications: replications,
                    horizonSeconds: config.horizon.seconds, generator: config.generator.rawValue,
                    hosts: fleet.hosts.count, instances: fleet.instances.count, campaignHosts: campaignHostCount,
                    toolVersion: fleetsimVersion, resample: config.resample.rawValue, overrides: overrides)
    }
}

/// Replication results filled in by worker threads, under a lock.
public final class ReplicationResults: @unchecked Sendable {
    private let lock = NSLock()
    private var nextIndex = 0
    private let count: Int
    private var progress: ProgressBar
    private var done = 0
    public var metrics: [ReplicationMetrics?]
    public var recorders: [RunRecorder?]
    public var results: [RunResult?]
    public var violations: [String?]
    public var error: (Int, String)?

    public init(count: Int, progress: ProgressBar) {
        self.count = count
        self.progress = progress
        metrics = Array(repeating: nil, count: count)
        recorders = Array(repeating: nil, count: count)
        results = Array(repeating: nil, count: count)
        violations = Array(repeating: nil, count: count)
    }

    /// The next replication to run, or nil when all are taken (or one failed).
    public func next() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard nextIndex < count, error == nil else { return nil }
        nextIndex += 1
        return nextIndex - 1
    }

    public func store(_ r: Int, metrics m: ReplicationMetrics, recorder: RunRecorder, result: RunResult, violation: String?) {
        lock.lock(); defer { lock.unlock() }
        metrics[r] = m
        recorders[r] = recorder
        results[r] = result
        violations[r] = violation
        done += 1
        progress.update(done)
    }

    public func fail(_ r: Int, _ message: String) {
        lock.lock(); defer { lock.unlock() }
        if error == nil || r < error!.0 { error = (r, message) }
    }
}
