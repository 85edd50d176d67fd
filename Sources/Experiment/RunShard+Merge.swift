import FleetModel
import FleetSimulation
import Foundation
import Reporting
import Scenario

extension RunShard {
    /// Join the directories of shards 1..N of one run into the files the unsharded run
    /// writes. Every check names the directory and what was expected: all shards present once,
    /// of the same run, by this fleetsim, on the unchanged scenario file.
    public static func merge(directories: [String]) throws(CommandFailure) -> [ReportSetWriter.PendingFile] {
        var shards: [(dir: String, file: File)] = []
        for d in directories { shards.append((d, try read(directory: d))) }
        let first = shards[0].file.manifest
        try checkSameRun(shards, first: first)
        let prepared = try load(first)
        let total = prepared.replications
        var byReplication: [Int: Replication] = [:]
        for (dir, file) in shards {
            let shard = SweepOutput.Shard.parse(file.manifest.shard)!
            let expected = shard.slice(of: total)
            guard file.replications.map(\.result.replication) == expected else {
                throw .badInput("\(dir)/\(fileName): expected replications \(expected.map(String.init).joined(separator: ", ")) of shard \(shard), found \(file.replications.map { String($0.result.replication) }.joined(separator: ", "))")
            }
            for r in file.replications { byReplication[r.result.replication] = r }
        }
        var metrics: [ReplicationMetrics] = []
        var recorders: [(replication: Int, recorder: RunRecorder)] = []
        for r in 0..<total {
            let stored = byReplication[r]!
            let fleet: Fleet
            do { fleet = try prepared.config.resample.fleet(for: r, base: prepared.fleet, config: prepared.config) } catch {
                throw .runFailed("merge: replication \(r): cannot rebuild its fleet: \(error)")
            }
            guard let recorder = RunRecorder(fleet: fleet, restoring: stored.recorder) else {
                throw .badInput("merge: replication \(r): the shard's records do not fit the fleet \(first.scenario) builds now (\(fleet.hosts.count) hosts, \(fleet.instances.count) instances)")
            }
            metrics.append(ReplicationMetrics(result: stored.result, recorder: recorder))
            recorders.append((r, recorder))
        }
        let outcome = PreparedScenario.Outcome(report: CampaignReport(identity: prepared.identity, replications: metrics),
                                               recorders: recorders, firstViolation: nil)
        return RunReportFiles.renderers(outcome, formats: first.formats.compactMap(ReportFormat.init(rawValue:)))
    }

    /// Shards 1..N, each once, all of one run by this version of fleetsim.
    static func checkSameRun(_ shards: [(dir: String, file: File)], first: Manifest) throws(CommandFailure) {
        for (dir, file) in shards {
            let m = file.manifest
            guard m.layout == layoutVersion, m.toolVersion == fleetsimVersion else {
                throw .badInput("\(dir)/\(fileName): expected a shard written by fleetsim \(fleetsimVersion) (layout \(layoutVersion)), found fleetsim \(m.toolVersion) (layout \(m.layout)); run the shards and the merge with one build")
            }
            guard m.sameRun(as: first), let s = SweepOutput.Shard.parse(m.shard),
                  s.count == SweepOutput.Shard.parse(first.shard)?.count else {
                throw .badInput("\(dir)/\(fileName): expected a shard of the same run as \(shards[0].dir) (\(describe(first))), found \(describe(m))")
            }
        }
        try SweepOutput.Shard.checkComplete(shards.map { SweepOutput.Shard.parse($0.file.manifest.shard)! })
    }

    static func describe(_ m: Manifest) -> String {
        var parts = [m.scenario, "shard \(m.shard)"]
        if let seed = m.seed { parts.append("seed \(seed)") }
        if let r = m.replications { parts.append("\(r) replications") }
        if let s = m.scale { parts.append("scale \(s)") }
        parts += m.settings.map { "--set \($0)" }
        parts.append("formats \(m.formats.joined(separator: ","))")
        return parts.joined(separator: ", ")
    }

    /// The scenario as the shards loaded it; refused when the file changed since.
    static func load(_ m: Manifest) throws(CommandFailure) -> PreparedScenario {
        guard let digest = digest(ofFile: m.scenario) else {
            throw .badInput("merge: cannot read the scenario \(m.scenario) the shards ran (merge rebuilds the fleet from it: run merge where the shards' scenario path is valid)")
        }
        guard digest == m.scenarioDigest else {
            throw .badInput("merge: \(m.scenario) changed since the shards ran (digest \(digest), the shards': \(m.scenarioDigest)); run the shards again")
        }
        var settings: [ScenarioOverride] = []
        for text in m.settings {
            guard case .success(let o) = ScenarioOverride.parse(text) else { throw .badInput("merge: the shards' --set \(text) does not read") }
            settings.append(o)
        }
        return try PreparedScenario.load(path: m.scenario, seedOverride: m.seed, replicationsOverride: m.replications,
                                         scale: m.scale, settings: settings, allowOutsidePaths: m.allowOutsidePaths, jobs: 1)
    }
}
