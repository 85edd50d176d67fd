import Experiment
import ArgumentParser
import Foundation
import SimKernel

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmarks; print figures (use a release build). `fleetsim bench SCENARIO...` times whole scenarios.",
        subcommands: [ScenarioBench.self, KernelBench.self, CampaignBench.self],
        defaultSubcommand: ScenarioBench.self
    )
}

func monotonicSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

struct KernelBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kernel",
        abstract: "Event-queue hold benchmark: events per second (schedule, pop, cancel).")

    @Option(help: "Events per run.") var events: Int = 2_000_000
    @Option(help: "Pending events (queue size).") var population: Int = 10_000
    @Option(help: "Runs; the median is reported.") var runs: Int = 5

    func run() throws {
        var rates: [Double] = []
        for r in 1...max(runs, 1) {
            let result = KernelBenchmark.run(events: events, population: population, clock: monotonicSeconds)
            rates.append(result.eventsPerSecond)
            print("run \(r): \(result.events) events in \(String(format: "%.3f", result.seconds)) s = \(String(format: "%.0f", result.eventsPerSecond)) events/s")
        }
        print("kernel: median \(String(format: "%.0f", median(rates))) events/s over \(rates.count) runs (population \(population))")
    }
}

struct CampaignBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "campaign",
        abstract: "Whole-campaign benchmark: runs a scenario and prints wall time and events per second.")

    @Argument(help: "The scenario file.") var scenario: String = "Scenarios/default.yaml"
    @Option(help: "Runs; the median is reported.") var runs: Int = 3

    func run() throws {
        let prepared = try PreparedScenario.load(path: scenario, seedOverride: nil, replicationsOverride: 1)
        var walls: [Double] = []
        var events = 0
        for r in 1...max(runs, 1) {
            let start = monotonicSeconds()
            let outcome = try prepared.runAll(checkInvariants: false, progress: false)
            let wall = monotonicSeconds() - start
            events = outcome.report.replications.first?.eventsProcessed ?? 0
            walls.append(wall)
            print("run \(r): \(String(format: "%.3f", wall)) s, \(events) events")
        }
        let m = median(walls)
        print("campaign \(scenario): median \(String(format: "%.3f", m)) s per replication over \(walls.count) runs, \(String(format: "%.0f", Double(events) / m)) events/s (\(prepared.fleet.hosts.count) hosts, \(prepared.fleet.instances.count) instances)")
    }
}
