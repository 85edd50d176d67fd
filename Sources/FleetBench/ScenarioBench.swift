import Foundation
import Experiment
import FleetSimulation
import Reporting

/// `fleetsim bench SCENARIO...`: each scenario's first replication, timed in three parts —
/// fleet build (read, check, build), simulation, reports (every report rendered in memory,
/// nothing written, on the threads `run` writes them with) — with the events processed,
/// events per second of simulation, the process's peak resident memory (VmHWM: run one
/// scenario per process for a clean figure, as `make bench` does) and that peak per
/// instance. Medians over `runs`.
public enum ScenarioBench {
    /// The three timed parts of one run of one scenario, seconds.
    public struct Run: Sendable {
        public let buildSeconds: Double
        public let simulationSeconds: Double
        public let reportSeconds: Double
        public let events: Int
        public let instances: Int
        /// Re-ratings and what they touched (counted: the same in every run).
        public let networkWork: NetworkWork
        public init(buildSeconds: Double, simulationSeconds: Double, reportSeconds: Double, events: Int, instances: Int,
                    networkWork: NetworkWork = NetworkWork()) {
            self.buildSeconds = buildSeconds
            self.simulationSeconds = simulationSeconds
            self.reportSeconds = reportSeconds
            self.events = events
            self.instances = instances
            self.networkWork = networkWork
        }
    }

    /// Prints the header, then one row per scenario once its runs are done.
    public static func run(scenarios: [String], runs: Int, scale: Double?,
                           clock: () -> Double = monotonicSeconds, output: (String) -> Void) throws {
        precondition(runs >= 1, "the command checks --runs")
        output(ScenarioBenchRow.header)
        for path in scenarios {
            var timed: [Run] = []
            for _ in 1...runs { timed.append(try measure(path, scale: scale, clock: clock)) }
            output(ScenarioBenchRow(scenario: path, runs: timed, peakResidentBytes: PeakMemory.residentBytes()).text)
        }
    }

    /// One run: load and build, simulate (one job, no invariant checks), render every report.
    public static func measure(_ path: String, scale: Double?, clock: () -> Double = monotonicSeconds) throws -> Run {
        let t0 = clock()
        let prepared = try PreparedScenario.load(path: path, seedOverride: nil, replicationsOverride: 1, scale: scale)
        let t1 = clock()
        let outcome = try prepared.runAll(checkInvariants: false, progress: false, jobs: 1)
        let t2 = clock()
        let rendered = renderAll(outcome)
        let t3 = clock()
        precondition(rendered > 0)
        return Run(buildSeconds: t1 - t0, simulationSeconds: t2 - t1, reportSeconds: t3 - t2,
                   events: outcome.report.replications.first?.eventsProcessed ?? 0,
                   instances: prepared.fleet.instances.count,
                   networkWork: outcome.results.first?.networkWork ?? NetworkWork())
    }

    /// Every report a run writes, rendered in memory as `run` writes them (streamed files in
    /// chunks, the others whole, on `jobs` threads as `run --jobs` does); returns the total
    /// size (so nothing is optimised away).
    static func renderAll(_ outcome: PreparedScenario.Outcome,
                          jobs: Int = ProcessInfo.processInfo.activeProcessorCount) -> Int {
        let files = RunReportFiles.renderers(outcome, formats: ReportFormat.allCases)
        let sizes = ByteCounts(files.count)
        _ = ReportSetWriter.forEachFile(files, jobs: jobs) { k, file in
            var bytes = 0
            file.stream { bytes += $0.count }
            sizes.set(k, bytes)
            return nil
        }
        return sizes.total
    }

    /// Each file's size, set by the thread that rendered it.
    private final class ByteCounts: @unchecked Sendable {
        private let lock = NSLock()
        private var counts: [Int]
        init(_ n: Int) { counts = Array(repeating: 0, count: n) }
        func set(_ k: Int, _ bytes: Int) { lock.lock(); counts[k] = bytes; lock.unlock() }
        var total: Int { lock.lock(); defer { lock.unlock() }; return counts.reduce(0, +) }
    }
}
