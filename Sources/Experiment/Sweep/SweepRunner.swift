import FleetSimulation
import Foundation
import Reporting
import Scenario

/// One sweep: every grid point x replication, run in parallel and gathered by index.
///
/// Common random numbers: every point runs with the scenario's seed, and replication r of a
/// point draws from the streams of replication r (CampaignRunner derives them from seed and
/// index), so differences between points are differences of the parameters, not of luck.
public struct SweepRunner {
    public let grid: SweepGrid
    public let points: [[String]]
    /// One prepared scenario per point (validated before anything runs).
    public let prepared: [PreparedScenario]
    public let replications: Int

    /// Read and validate the scenario at every point: any bad value stops the sweep with
    /// exit 2 before anything runs or is written.
    public init(scenario path: String, grid: SweepGrid, replications: Int?, seed: UInt64?, scale: Double?,
                fixed: [ScenarioOverride] = []) throws(CommandFailure) {
        self.grid = grid
        points = grid.points
        var prepared: [PreparedScenario] = []
        for point in points {
            let settings = fixed + (try grid.overrides(for: point))
            prepared.append(try PreparedScenario.load(path: path, seedOverride: seed, replicationsOverride: replications,
                                                      scale: scale, settings: settings))
        }
        self.prepared = prepared
        self.replications = prepared.first?.replications ?? 1
    }

    /// The rows of one point x replication.
    public struct Cell: Sendable {
        public let point: Int
        public let replication: Int
        public let seed: UInt64
        public let values: [SweepMetric: Double]
    }

    /// Run the cells of `shard` (every cell for the whole sweep), `jobs` at a time.
    public func run(jobs: Int, progress: Bool, shard: SweepOutput.Shard = .whole) throws(CommandFailure) -> [Cell] {
        let n = replications
        let all = shard.slice(of: points.count * n)
        let box = CellResults(count: all.count, progress: ProgressBar(total: all.count, label: "sweep",
                                                                     enabled: progress && standardErrorIsTerminal))
        let prepared = self.prepared
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, all.count))) { _ in
            while let slot = box.next() {
                let cell = all[slot]
                let p = cell / n, r = cell % n
                let config = prepared[p].config
                do {
                    let fleet = try config.resample.fleet(for: r, base: prepared[p].fleet, config: config)
                    let recorder = RunRecorder(fleet: fleet)
                    let result = try CampaignRunner.run(config: config, fleet: fleet, replication: r, observers: [recorder])
                    let metrics = ReplicationMetrics(result: result, recorder: recorder)
                    box.store(slot, Cell(point: p, replication: r, seed: metrics.seed,
                                         values: SweepMetric.values(metrics: metrics, recorder: recorder)))
                } catch {
                    box.fail(slot, "point \(p) replication \(r): \(error)")
                }
            }
        }
        if let message = box.error { throw .runFailed("sweep failed at \(message)") }
        return box.cells.map { $0! }
    }
}

/// Cells filled in by worker threads, under a lock.
final class CellResults: @unchecked Sendable {
    private let lock = NSLock()
    private var nextIndex = 0
    private var done = 0
    private var progress: ProgressBar
    var cells: [SweepRunner.Cell?]
    var error: String?

    init(count: Int, progress: ProgressBar) {
        cells = Array(repeating: nil, count: count)
        self.progress = progress
    }

    func next() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard nextIndex < cells.count, error == nil else { return nil }
        nextIndex += 1
        return nextIndex - 1
    }

    func store(_ i: Int, _ cell: SweepRunner.Cell) {
        lock.lock(); defer { lock.unlock() }
        cells[i] = cell
        done += 1
        progress.update(done)
    }

    func fail(_ i: Int, _ message: String) {
        lock.lock(); defer { lock.unlock() }
        if error == nil { error = message }
    }
}
