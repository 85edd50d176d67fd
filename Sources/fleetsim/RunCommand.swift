import Experiment
import Foundation
import ArgumentParser
import FleetSimulation
import Reporting
import Scenario
import Stochastics

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a scenario and write its reports.",
        discussion: """
        Writes summary.json (versioned schema), instances.csv (one row per attempt), hosts.csv,
        links.csv, link_utilisation.csv, timeline.csv (fleet state over time), summary.md and
        report.html (self-contained charts) into the output directory as one set
        (temporary files, then renamed, under a lock on the directory; report files of
        formats not written this time are removed),
        and prints the Markdown summary on standard output. Nothing is written when the
        scenario has errors.

        Examples:
          fleetsim run Scenarios/default.yaml
          fleetsim run Scenarios/default.yaml --replications 20 --seed 1 --format json
          fleetsim run Scenarios/default.yaml --check-invariants --out /tmp/check
        """
    )

    @Argument(help: "The scenario file (YAML); '-' reads standard input.")
    var scenario: String

    // Read as text with `.unconditional` parsing, so `--seed -1` is our "expected a whole
    // number" error rather than ArgumentParser's "Missing value".
    @Option(parsing: .unconditional, help: "Override the scenario's seed (0 to 2^64-1).")
    var seed: String?

    @Option(parsing: .unconditional, help: "Independent replications (default: the scenario's, else 1).")
    var replications: String?

    @Option(help: "Output directory (default: Reports/<scenario file name>).")
    var out: String?

    @Option(help: "Comma-separated report formats to write: json, csv, md.")
    var format: String = "json,csv,md"

    @Flag(help: "Check the invariants (no instance lost or duplicated, capacity never exceeded, downtime accounted) and exit 1 at the first violation.")
    var checkInvariants = false

    @Flag(help: "Do not print the summary on standard output.")
    var quiet = false

    @Option(parsing: .unconditional, help: "Replications run at once, and report files written at once (default: the number of cores). Reports do not depend on it.")
    var jobs: String?

    @Option(parsing: .unconditional, help: "Multiply every generated host and instance group's count, and the hosts in maintenance at once, by this factor (e.g. 0.01 for a quick look at a large scenario).")
    var scale: String?

    @Option(name: .customLong("set"), help: "Override a scenario key by its path, KEY=VALUE (repeatable), e.g. --set campaign.max_hosts_in_maintenance=20 --set fleet.network.rack_uplink=10Gbit/s.")
    var settings: [String] = []

    @Option(help: "Run only shard K of N (1-based, e.g. 2/4): replications r with r mod N = K-1, written as run-shard.json (default directory Reports/<scenario>-shard-K-of-N). Join the shard directories with `fleetsim merge`.")
    var shard: String?

    @Option(help: "After writing the reports, compare them with this report directory as `fleetsim compare` does (exit 1 past a tolerance).")
    var against: String?

    @Option(help: "Tolerances file for --against (see `fleetsim compare --help`).")
    var tolerances: String?

    @Option(parsing: .unconditional, help: "Refuse a run estimated to need more memory than this, e.g. 8GiB (default: half the physical memory).")
    var maxMemory: String?

    @Flag(help: "Let empirical distributions read CSV files outside the scenario's folder.")
    var allowOutsidePaths = false

    /// The numeric flags, checked: every failure names the flag, what it expects and what it found.
    struct Numbers {
        var seed: UInt64?
        var replications: Int?
        var jobs: Int
        var scale: Double?
        var budget: MemoryBudget
    }

    func parsedSettings() throws(CommandFailure) -> [ScenarioOverride] {
        var parsed: [ScenarioOverride] = []
        for text in settings {
            switch ScenarioOverride.parse(text) {
            case .success(let o): parsed.append(o)
            case .failure(let e): throw .badInput("error: \(e.message)")
            }
        }
        return parsed
    }

    func numbers() throws(CommandFailure) -> Numbers {
        var n = Numbers(jobs: ProcessInfo.processInfo.activeProcessorCount, budget: try MemoryBudget.parse(maxMemory))
        if let seed {
            guard let value = UInt64(seed.trimmingCharacters(in: .whitespaces)) else {
                throw FlagValue.failure("--seed", expected: "a whole number from 0 to \(UInt64.max)", found: FlagValue.quote(seed))
            }
            n.seed = value
        }
        // A billion replications would be refused by the memory estimate anyway; this bound
        // keeps the count an Int the estimate can multiply.
        if let replications { n.replications = try FlagValue.integer(replications, flag: "--replications", in: 1...1_000_000_000) }
        if let jobs { n.jobs = try FlagValue.integer(jobs, flag: "--jobs", in: 1...4096) }
        if let scale {
            let expected = "a positive factor of at most 1000 (e.g. 0.01)"
            let x = try FlagValue.real(scale, flag: "--scale", expected: expected)
            guard x > 0, x <= 1000 else {
                throw FlagValue.failure("--scale", expected: expected, found: "\(FlagValue.quote(scale)), which is out of range")
            }
            n.scale = x
        }
        return n
    }

    func parsedFormats() throws(CommandFailure) -> [ReportFormat] {
        var formats: [ReportFormat] = []
        let expected = "a comma-separated list of json, csv, md"
        for name in format.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            guard let f = ReportFormat(rawValue: name) else {
                let suggestion = Suggestions.closest(to: name, in: ["json", "csv", "md"]).map { "; did you mean '\($0)'?" } ?? ""
                throw FlagValue.failure("--format", expected: expected, found: "unknown format \(FlagValue.quote(name))\(suggestion)")
            }
            if !formats.contains(f) { formats.append(f) }
        }
        // `--format ""` wrote nothing and still said "Reports written".
        guard !formats.isEmpty else { throw FlagValue.failure("--format", expected: expected, found: "no format") }
        return formats
    }

    func run() throws {
        // Flags first (ArgumentParser's validate() would wrap our messages), then the output
        // directory, then the scenario: a bad input is found before anything runs.
        let n = try numbers()
        let formats = try parsedFormats()
        let settings = try parsedSettings()
        let shard = try parsedShard()
        if let out { try OutputDirectoryCheck.check(out) }
        let prepared = try PreparedScenario.load(path: scenario, seedOverride: n.seed, replicationsOverride: n.replications,
                                                 scale: n.scale, settings: settings, budget: n.budget,
                                                 allowOutsidePaths: allowOutsidePaths, jobs: n.jobs)
        for warning in FeasibilityWarnings.check(prepared) { printError("\(prepared.loaded.path): warning: \(warning)") }
        if let shard { return try runShard(shard, prepared: prepared, numbers: n, formats: formats) }
        let outcome = try prepared.runAll(checkInvariants: checkInvariants, progress: true, jobs: n.jobs)
        if let violation = outcome.firstViolation {
            throw CommandFailure.runFailed("invariant violated in replication \(violation.replication): \(violation.message)")
        }
        let directory = out ?? "Reports/" + prepared.defaultReportName
        let files = RunReportFiles.renderers(outcome, formats: formats)
        do {
            _ = try ReportSetWriter.write(rendering: files, into: directory, family: .run, jobs: n.jobs)
        } catch {
            // Foundation's own wording ("Error Domain=NSCocoaErrorDomain Code=...") is no message.
            let reason = error.reason.contains("Domain=") || error.reason.contains("couldn’t be completed")
                ? "cannot be written" : error.reason
            throw CommandFailure.runFailed("error: cannot write \(error.path): \(reason)")
        }
        if !quiet {
            print(outcome.report.summaryMarkdown(), terminator: "")
            print("\nReports written to \(directory)/: \(files.map(\.name).joined(separator: ", "))")
        }
        if let against {
            try compareAgainst(against, directory: directory)
        }
    }
}
