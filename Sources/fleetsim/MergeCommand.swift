import ArgumentParser
import Experiment
import Foundation
import Reporting

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Join the shard directories of a sweep (`sweep --shard K/N`) or of a run (`run --shard K/N`) into the report of the whole.",
        discussion: """
        Every shard 1..N must be given once, all of the same sweep or run. The merged sweep.csv,
        sweep.json, sweep.md and sweep.html, or the merged run's summary.json, instances.csv,
        ..., report.html, are byte-identical to those of the unsharded sweep or run. A run's
        merge reads the scenario file again (same path, unchanged) to rebuild the fleet.

        Examples:
          for k in 1 2 3 4; do fleetsim sweep S.yaml --set K=1,2 --replications 8 --shard $k/4 --out shards/$k; done
          fleetsim merge shards/1 shards/2 shards/3 shards/4 --out Reports/sweep
          for k in 1 2 3 4; do fleetsim run S.yaml --replications 20 --shard $k/4 --out runs/$k; done
          fleetsim merge runs/1 runs/2 runs/3 runs/4 --out Reports/S
        """
    )

    @Argument(help: "Shard directories written by `fleetsim sweep --shard K/N` or `fleetsim run --shard K/N`.")
    var directories: [String] = []

    @Option(help: "Output directory for the merged sweep or run.")
    var out: String

    func validate() throws {
        if directories.isEmpty { throw ValidationError("expected at least one shard directory, found none") }
    }

    func run() throws {
        // A directory holds one kind of shard; mixing kinds is refused, naming the odd one.
        let isRun = directories.map { FileManager.default.fileExists(atPath: $0 + "/" + RunShard.fileName) }
        if isRun.contains(true), let odd = zip(directories, isRun).first(where: { !$0.1 }) {
            throw CommandFailure.badInput("\(odd.0): expected a run shard like \(directories[isRun.firstIndex(of: true)!]) (\(RunShard.fileName)), found none")
        }
        let files = isRun[0] ? try RunShard.merge(directories: directories)
            : try SweepOutput.merge(directories: directories).map { file in ReportSetWriter.PendingFile(file.0) { file.1 } }
        do {
            _ = try ReportSetWriter.write(rendering: files, into: out, family: isRun[0] ? .run : .sweep)
        } catch {
            throw CommandFailure.runFailed("\(error)")
        }
        print("Merged \(directories.count) shard\(directories.count == 1 ? "" : "s") into \(out)/: \(files.map(\.name).joined(separator: ", "))")
    }
}
