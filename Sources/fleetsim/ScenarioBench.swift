import ArgumentParser
import Experiment
import Foundation
import Reporting

/// `fleetsim bench SCENARIO...`: each scenario's first replication, timed in three parts —
/// fleet build (read, check, build), simulation, reports (every report rendered in memory,
/// nothing written) — with the events processed, events per second of simulation, the
/// process's peak resident memory (VmHWM: run one scenario per process for a clean figure,
/// as `make bench` does) and that peak per instance. Medians over `--runs`.
struct ScenarioBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenarios",
        abstract: "Time scenarios: fleet build, simulation, reports, events/s, peak RSS, bytes per instance.")

    @Argument(help: "Scenario files.") var scenarios: [String]
    @Option(help: "Runs per scenario; medians are reported.") var runs: Int = 3
    @Option(help: "Multiply the scenario's generated counts (as run --scale).") var scale: Double?

    func run() throws {
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1") }
        print("scenario | instances | events | build s | simulation s | reports s | total s | events/s | peak RSS MiB | bytes/instance")
        for path in scenarios {
            var build: [Double] = [], simulate: [Double] = [], report: [Double] = []
            var events = 0, instances = 0
            for _ in 1...runs {
                let t0 = monotonicSeconds()
                let prepared = try PreparedScenario.load(path: path, seedOverride: nil, replicationsOverride: 1, scale: scale)
                let t1 = monotonicSeconds()
                let outcome = try prepared.runAll(checkInvariants: false, progress: false, jobs: 1)
                let t2 = monotonicSeconds()
                let rendered = Self.renderAll(outcome)
                let t3 = monotonicSeconds()
                precondition(rendered > 0)
                build.append(t1 - t0); simulate.append(t2 - t1); report.append(t3 - t2)
                events = outcome.report.replications.first?.eventsProcessed ?? 0
                instances = prepared.fleet.instances.count
            }
            let (b, s, r) = (median(build), median(simulate), median(report))
            let peak = PeakMemory.residentBytes()
            let cells = [path, String(instances), String(events), f(b), f(s), f(r), f(b + s + r),
                         String(format: "%.0f", Double(events) / max(s, 1e-9)),
                         String(format: "%.0f", peak / 1_048_576), String(format: "%.0f", peak / Double(max(instances, 1)))]
            print(cells.joined(separator: " | "))
        }
    }

    func f(_ x: Double) -> String { String(format: "%.3f", x) }

    /// Every report a run writes, rendered in memory; returns the total size (so nothing is
    /// optimised away).
    static func renderAll(_ outcome: PreparedScenario.Outcome) -> Int {
        RunReportFiles.render(outcome, formats: ReportFormat.allCases).reduce(0) { $0 + $1.1.utf8.count }
    }
}

/// The process's peak resident set (VmHWM in /proc/self/status), in bytes; 0 where unknown.
enum PeakMemory {
    static func residentBytes() -> Double {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kib = line.split(separator: " ").compactMap({ Double($0) }).first else { return 0 }
        return kib * 1024
    }
}
