import ArgumentParser
import Experiment
import Foundation
import Reporting

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Join the shard directories of a sweep (`sweep --shard K/N`) into the report of the whole sweep.",
        discussion: """
        Every shard 1..N must be given once, all of the same sweep. The merged sweep.csv,
        sweep.json, sweep.md and sweep.html are byte-identical to those of the unsharded sweep.

        Example:
          for k in 1 2 3 4; do fleetsim sweep S.yaml --set K=1,2 --replications 8 --shard $k/4 --out shards/$k; done
          fleetsim merge shards/1 shards/2 shards/3 shards/4 --out Reports/sweep
        """
    )

    @Argument(help: "Shard directories written by `fleetsim sweep --shard K/N`.")
    var directories: [String] = []

    @Option(help: "Output directory for the merged sweep.")
    var out: String

    func validate() throws {
        if directories.isEmpty { throw ValidationError("expected at least one shard directory, found none") }
    }

    func run() throws {
        let files = try SweepOutput.merge(directories: directories)
        do {
            _ = try ReportSetWriter.write(named: files, into: out, family: .sweep)
        } catch {
            throw CommandFailure.runFailed("\(error)")
        }
        print("Merged \(directories.count) shard\(directories.count == 1 ? "" : "s") into \(out)/: \(files.map(\.0).joined(separator: ", "))")
    }
}
