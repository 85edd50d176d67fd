import FleetSimulation
import Foundation

/// One scenario's line of `fleetsim bench SCENARIO...`: medians of its runs' parts, and
/// the peak memory measured after them. Columns are separated by " | " (scripts/bench.sh
/// keeps the last line of each call; docs/performance.md quotes them).
public struct ScenarioBenchRow: Sendable {
    public static let header = "scenario | instances | events | build s | simulation s | reports s | total s | events/s | peak RSS MiB | bytes/instance"
        + " | re-ratings | in flight/re-rating | filled/re-rating | changes/re-rating"

    public let scenario: String
    /// Events and instances of the last run (the same in every run of one scenario).
    public let instances: Int
    public let events: Int
    public let buildSeconds: Double
    public let simulationSeconds: Double
    public let reportSeconds: Double
    public let peakResidentBytes: Double
    /// Re-ratings, flows in flight, filled and changed per re-rating: why per-event cost
    /// grows with a campaign's concurrency (docs/performance.md).
    public let networkWork: NetworkWork

    public init(scenario: String, runs: [ScenarioBench.Run], peakResidentBytes: Double) {
        self.scenario = scenario
        instances = runs.last?.instances ?? 0
        events = runs.last?.events ?? 0
        buildSeconds = median(runs.map(\.buildSeconds))
        simulationSeconds = median(runs.map(\.simulationSeconds))
        reportSeconds = median(runs.map(\.reportSeconds))
        self.peakResidentBytes = peakResidentBytes
        networkWork = runs.last?.networkWork ?? NetworkWork()
    }

    /// The total is the sum of the three medians, not the median of the runs' totals.
    public var cells: [String] {
        [scenario, String(instances), String(events),
         secondsText(buildSeconds), secondsText(simulationSeconds), secondsText(reportSeconds),
         secondsText(buildSeconds + simulationSeconds + reportSeconds),
         wholeText(Double(events) / max(simulationSeconds, 1e-9)),
         wholeText(peakResidentBytes / 1_048_576), wholeText(peakResidentBytes / Double(max(instances, 1))),
         String(networkWork.reratings), perRerating(networkWork.flowsInFlight),
         perRerating(networkWork.flowsFilled), perRerating(networkWork.rateChanges)]
    }

    public var text: String { cells.joined(separator: " | ") }

    func perRerating(_ total: Int) -> String {
        String(format: "%.1f", networkWork.perRerating(total))
    }
}

/// The process's peak resident set (VmHWM in /proc/self/status), in bytes; 0 where unknown.
public enum PeakMemory {
    public static func residentBytes() -> Double {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        return residentBytes(status: text)
    }

    /// VmHWM from the text of a /proc/<pid>/status file (given in KiB there); 0 if absent.
    public static func residentBytes(status text: String) -> Double {
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kib = line.split(separator: " ").compactMap({ Double($0) }).first else { return 0 }
        return kib * 1024
    }
}
