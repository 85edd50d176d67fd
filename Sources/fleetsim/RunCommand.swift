import Experiment
import Foundation
import ArgumentParser
import FleetSimulation
import Reporting
import Scenario

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a scenario and write its reports.",
        discussion: """
        Writes summary.json (versioned schema), instances.csv (one row per attempt), hosts.csv,
        links.csv, link_utilisation.csv, timeline.csv (fleet state over time), summary.md and
        report.html (self-contained charts) into the output directory, each
        atomically (temporary file, then rename),
        and prints the Markdown summary on standard output. Nothing is written when the
        scenario has errors.

        Examples:
          fleetsim run Scenarios/default.yaml
          fleetsim run Scenarios/default.yaml --replications 20 --seed 1 --format json
          fleetsim run Scenarios/default.yaml --check-invariants --out /tmp/check
        """
    )

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    @Option(help: "Override the scenario's seed.")
    var seed: UInt64?

    @Option(help: "Independent replications (default: the scenario's, else 1).")
    var replications: Int?

    @Option(help: "Output directory (default: Reports/<scenario file name>).")
    var out: String?

    @Option(help: "Comma-separated report formats to write: json, csv, md.")
    var format: String = "json,csv,md"

    @Flag(help: "Check the invariants (no instance lost or duplicated, capacity never exceeded, downtime accounted) and exit 1 at the first violation.")
    var checkInvariants = false

    @Flag(help: "Do not print the summary on standard output.")
    var quiet = false

    @Option(help: "Replications run at once (default: the number of cores). Reports do not depend on it.")
    var jobs: Int?

    @Option(help: "Multiply every generated host and instance group's count, and the hosts in maintenance at once, by this factor (e.g. 0.01 for a quick look at a large scenario).")
    var scale: Double?

    @Option(name: .customLong("set"), help: "Override a scenario key by its path, KEY=VALUE (repeatable), e.g. --set campaign.max_hosts_in_maintenance=20 --set fleet.network.rack_uplink=10Gbit/s.")
    var settings: [String] = []

    @Option(help: "After writing the reports, compare them with this report directory as `fleetsim compare` does (exit 1 past a tolerance).")
    var against: String?

    @Option(help: "Tolerances file for --against (see `fleetsim compare --help`).")
    var tolerances: String?

    func validate() throws {
        if let replications, replications < 1 {
            throw ValidationError("--replications must be at least 1, got \(replications)")
        }
        if let jobs, jobs < 1 {
            throw ValidationError("--jobs must be at least 1, got \(jobs)")
        }
        if let scale, !(scale > 0 && scale.isFinite) {
            throw ValidationError("--scale must be a positive number, got \(scale)")
        }
        _ = try parsedFormats()
        _ = try parsedSettings()
    }

    func parsedSettings() throws -> [ScenarioOverride] {
        try settings.map { text in
            switch ScenarioOverride.parse(text) {
            case .success(let o): return o
            case .failure(let e): throw ValidationError(e.message)
            }
        }
    }

    func parsedFormats() throws -> [ReportFormat] {
        var formats: [ReportFormat] = []
        for name in format.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            guard let f = ReportFormat(rawValue: name) else {
                throw ValidationError("--format: unknown format '\(name)' (expected a comma-separated list of json, csv, md)")
            }
            if !formats.contains(f) { formats.append(f) }
        }
        return formats
    }

    func run() throws {
        let prepared = try PreparedScenario.load(path: scenario, seedOverride: seed, replicationsOverride: replications,
                                                 scale: scale, settings: try parsedSettings())
        for warning in FeasibilityWarnings.check(prepared) { printError("\(scenario): warning: \(warning)") }
        let outcome = try prepared.runAll(checkInvariants: checkInvariants, progress: true,
                                          jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        if let violation = outcome.firstViolation {
            throw CommandFailure.runFailed("invariant violated in replication \(violation.replication): \(violation.message)")
        }
        let directory = out ?? "Reports/" + prepared.defaultReportName
        var files: [(String, String)] = []
        for f in try parsedFormats() {
            switch f {
            case .json: files.append((f.fileName, outcome.report.summaryJSON().rendered()))
            case .csv:
                files.append(("instances.csv", InstanceCSV.render(outcome.recorders)))
                files.append(("hosts.csv", NetworkCSV.hosts(outcome.recorders)))
                files.append(("links.csv", NetworkCSV.links(outcome.recorders)))
                files.append(("link_utilisation.csv", NetworkCSV.utilisation(outcome.recorders)))
            case .md: files.append((f.fileName, outcome.report.summaryMarkdown()))
            }
        }
        // Fleet state over time with the other CSVs; the HTML report with every run.
        if try parsedFormats().contains(.csv) { files.append(("timeline.csv", FleetTimeline.csv(outcome.recorders))) }
        files.append(("report.html", RunReportHTML.render(report: outcome.report, recorders: outcome.recorders)))
        do {
            _ = try ReportWriter.write(named: files, into: directory)
        } catch {
            throw CommandFailure.runFailed("\(error)")
        }
        if !quiet {
            print(outcome.report.summaryMarkdown(), terminator: "")
            print("\nReports written to \(directory)/: \(files.map(\.0).joined(separator: ", "))")
        }
        if let against {
            try compareAgainst(against, directory: directory)
        }
    }
}
