import ArgumentParser
import FleetBench

/// `fleetsim bench`: flags only; the benches and their figures are in the FleetBench library.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmarks; print figures (use a release build). `fleetsim bench SCENARIO...` times whole scenarios.",
        subcommands: [ScenarioBenchCommand.self, KernelBenchCommand.self, CampaignBenchCommand.self],
        defaultSubcommand: ScenarioBenchCommand.self
    )
}

struct ScenarioBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenarios",
        abstract: "Time scenarios: fleet build, simulation, reports, events/s, peak RSS, bytes per instance.")

    @Argument(help: "Scenario files.") var scenarios: [String]
    @Option(help: "Runs per scenario; medians are reported.") var runs: Int = 3
    @Option(help: "Multiply the scenario's generated counts (as run --scale).") var scale: Double?

    func run() throws {
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1") }
        try ScenarioBench.run(scenarios: scenarios, runs: runs, scale: scale) { print($0) }
    }
}

struct KernelBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kernel",
        abstract: "Event-queue hold benchmark: events per second (schedule, pop, cancel).")

    @Option(help: "Events per run.") var events: Int = 2_000_000
    @Option(help: "Pending events (queue size).") var population: Int = 10_000
    @Option(help: "Runs; the median is reported.") var runs: Int = 5

    func run() throws {
        KernelBench.run(events: events, population: population, runs: runs) { print($0) }
    }
}

struct CampaignBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "campaign",
        abstract: "Whole-campaign benchmark: runs a scenario and prints wall time and events per second.")

    @Argument(help: "The scenario file.") var scenario: String = "Scenarios/default.yaml"
    @Option(help: "Runs; the median is reported.") var runs: Int = 3

    func run() throws {
        try CampaignBench.run(scenario: scenario, runs: runs) { print($0) }
    }
}
