import Experiment
import Foundation
import ArgumentParser
import Reporting

extension RunCommand {
    /// `--shard K/N`, checked before anything runs: the syntax, a scenario file that `merge`
    /// can read again, and no `--against` (compare the merged report instead).
    func parsedShard() throws(CommandFailure) -> SweepOutput.Shard? {
        guard let shard else { return nil }
        guard let s = SweepOutput.Shard.parse(shard) else {
            throw FlagValue.failure("--shard", expected: "K/N with 1 <= K <= N (e.g. 2/4)", found: FlagValue.quote(shard))
        }
        if scenario == "-" {
            throw FlagValue.failure("--shard", expected: "a scenario file (merge reads it again to rebuild the fleet)", found: "the scenario on standard input")
        }
        if against != nil {
            throw FlagValue.failure("--against", expected: "no --shard (compare the merged report)", found: "--shard \(shard)")
        }
        return s
    }

    /// Run the shard's replications and write its one file; `merge` writes the reports.
    func runShard(_ shard: SweepOutput.Shard, prepared: PreparedScenario, numbers n: Numbers,
                  formats: [ReportFormat]) throws {
        let slice = shard.slice(of: prepared.replications)
        let outcome = try prepared.runAll(checkInvariants: checkInvariants, progress: true, jobs: n.jobs, only: slice)
        if let violation = outcome.firstViolation {
            throw CommandFailure.runFailed("invariant violated in replication \(violation.replication): \(violation.message)")
        }
        guard let digest = RunShard.digest(ofFile: scenario) else {
            throw CommandFailure.runFailed("error: cannot read \(scenario) again to record its digest")
        }
        let manifest = RunShard.Manifest(scenario: scenario, scenarioDigest: digest, seed: n.seed, replications: n.replications,
                                         scale: n.scale, settings: settings, allowOutsidePaths: allowOutsidePaths,
                                         formats: formats.map(\.rawValue), shard: shard.description)
        let directory = out ?? "Reports/\(prepared.defaultReportName)-shard-\(shard.index)-of-\(shard.count)"
        do {
            _ = try ReportSetWriter.write(named: [(RunShard.fileName, RunShard.render(manifest, outcome))], into: directory, family: .runShard)
        } catch {
            throw CommandFailure.runFailed("error: cannot write \(error.path): \(error.reason)")
        }
        if !quiet {
            let list = slice.isEmpty ? "no replication (N is larger than the replications)" : "replication\(slice.count == 1 ? "" : "s") \(slice.map(String.init).joined(separator: ", "))"
            print("Shard \(shard) of \(prepared.replications) replications: \(list) written to \(directory)/\(RunShard.fileName); join every shard with `fleetsim merge DIR... --out OUT`")
        }
    }
}
