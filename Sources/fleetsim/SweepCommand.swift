import ArgumentParser
import Experiment
import Foundation
import Reporting
import Scenario

struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Run a scenario over a grid of parameter values and write sweep.csv, sweep.md and sweep.html.",
        discussion: """
        Each --set KEY=V1,V2,... is an axis of the grid (keys as for `run --set`); every point
        runs the same replications with common random numbers (replication r of every point
        uses the same seeds: same fleet, guests and failures), so differences between points
        are the parameters'. All points are validated before anything runs; nothing is written
        when one is bad.

        Writes sweep.csv (tidy: point, swept values, replication, seed, metric, value),
        sweep.md (mean and 95 % CI per point and metric) and sweep.html (self-contained:
        metric vs parameter with CI bands, a two-parameter heatmap, the Pareto front of total
        migration time vs downtime).

        Examples:
          fleetsim sweep Scenarios/default.yaml --set campaign.max_hosts_in_maintenance=1,2,4 --replications 10
          fleetsim sweep Scenarios/default.yaml --set campaign.max_hosts_in_maintenance=1,2,4 \\
              --set campaign.max_outbound_per_host=1,2,4 --replications 10 --jobs 2 --out Reports/sweep
        """
    )

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    @Option(name: .customLong("set"), help: "A swept key and its values, KEY=V1,V2,... (repeatable: one axis each).")
    var axes: [String] = []

    @Option(name: .customLong("fix"), help: "A key held at one value for every point, KEY=VALUE (repeatable), as `run --set`.")
    var fixed: [String] = []

    @Option(help: "Replications per point (default: the scenario's).")
    var replications: Int?

    @Option(help: "Override the scenario's seed.")
    var seed: UInt64?

    @Option(help: "Output directory (default: Reports/<scenario file name>-sweep).")
    var out: String?

    @Option(help: "Cells (point x replication) run at once (default: the number of cores). Reports do not depend on it.")
    var jobs: Int?

    @Option(help: "Multiply generated group counts and hosts in maintenance by this factor, as `run --scale`.")
    var scale: Double?

    @Option(help: "Run only shard K of N (1-based, e.g. 2/4): every N-th cell (point x replication). Join the shard directories with `fleetsim merge`.")
    var shard: String?

    @Flag(help: "Do not print the Markdown table on standard output.")
    var quiet = false

    func validate() throws {
        if let replications, replications < 1 { throw ValidationError("--replications must be at least 1, got \(replications)") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        if let scale, !(scale > 0 && scale.isFinite) { throw ValidationError("--scale must be a positive number, got \(scale)") }
        if let shard, SweepOutput.Shard.parse(shard) == nil {
            throw ValidationError("--shard: expected K/N with 1 <= K <= N (e.g. 2/4), found '\(shard)'")
        }
        if axes.isEmpty { throw ValidationError("--set: expected at least one KEY=V1,V2,... to sweep, found none") }
    }

    func run() throws {
        let grid = try SweepGrid(arguments: axes)
        let fixedOverrides = try fixed.map { text throws(CommandFailure) -> ScenarioOverride in
            switch ScenarioOverride.parse(text) {
            case .success(let o): return o
            case .failure(let e): throw .badInput(e.message.replacingOccurrences(of: "--set", with: "--fix"))
            }
        }
        let runner = try SweepRunner(scenario: scenario, grid: grid, replications: replications, seed: seed,
                                     scale: scale, fixed: fixedOverrides)
        let shard = self.shard.flatMap(SweepOutput.Shard.parse) ?? .whole
        let cells = try runner.run(jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, progress: true,
                                   shard: shard)
        let keys = grid.axes.map(\.key)
        let first = runner.prepared[0]
        let manifest = SweepOutput.Manifest(scenario: first.config.name, keys: keys, points: runner.points.count,
                                            replications: runner.replications, shard: shard)
        let files = try SweepOutput.files(manifest: manifest,
                                          csv: SweepCSV.render(keys: keys, points: runner.points, cells: cells))
        let directory = out ?? "Reports/" + first.defaultReportName + "-sweep"
        do {
            _ = try ReportSetWriter.write(named: files, into: directory, family: .sweep)
        } catch {
            throw CommandFailure.runFailed("\(error)")
        }
        if !quiet, let markdown = files.first(where: { $0.0 == "sweep.md" })?.1 { print(markdown, terminator: "") }
        print("\nSweep written to \(directory)/: \(files.map { $0.0 }.joined(separator: ", "))")
    }
}
