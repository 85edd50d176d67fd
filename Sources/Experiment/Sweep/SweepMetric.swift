import Foundation
import Reporting

/// The numbers a sweep records for each point x replication: one row each in `sweep.csv`.
/// Names carry their unit; a metric a replication does not have (no makespan when the
/// campaign did not finish) is left out of that replication's rows.
public enum SweepMetric: String, CaseIterable, Sendable {
    case makespanSeconds = "makespan_s"
    case drainMakespanSeconds = "drain_makespan_s"
    case meanDowntimeSeconds = "mean_downtime_s"
    case p99DowntimeSeconds = "p99_downtime_s"
    case totalDowntimeSeconds = "total_downtime_s"
    /// Sum of every attempt's duration (start to end): the Pareto chart's other axis.
    case totalMigrationTimeSeconds = "total_migration_time_s"
    case attempts = "attempts"
    case abortedAttempts = "aborted_attempts"
    case movedFraction = "moved_fraction"
    case bytesOnWire = "bytes_on_wire"
    case lostInstances = "lost_instances"

    /// Values of one replication, in `allCases` order (nil where the metric does not exist).
    static func values(metrics m: ReplicationMetrics, recorder: RunRecorder) -> [SweepMetric: Double] {
        var v: [SweepMetric: Double] = [:]
        v[.makespanSeconds] = m.campaignMakespanSeconds
        v[.drainMakespanSeconds] = m.drainMakespanSeconds
        if !m.downtimeSeconds.isEmpty {
            v[.meanDowntimeSeconds] = m.downtimeSeconds.reduce(0, +) / Double(m.downtimeSeconds.count)
            let sorted = m.downtimeSeconds.sorted()
            // Nearest rank: the same rule for every point, so points compare.
            let rank = Int((0.99 * Double(sorted.count)).rounded(.up))
            v[.p99DowntimeSeconds] = sorted[max(0, min(sorted.count - 1, rank - 1))]
        }
        v[.totalDowntimeSeconds] = m.plannedDowntimeSeconds + m.unplannedDowntimeSeconds
        v[.totalMigrationTimeSeconds] = recorder.attempts.reduce(0) { $0 + ($1.duration?.seconds ?? 0) }
        v[.attempts] = Double(m.attempts)
        v[.abortedAttempts] = Double(m.attemptsByAction.reduce(0) { $0 + $1.aborted })
        let moved = m.finalStateCounts.first { $0.state == .moved }?.count ?? 0
        if m.instancesInCampaign > 0 { v[.movedFraction] = Double(moved) / Double(m.instancesInCampaign) }
        v[.bytesOnWire] = m.bytesOnWire
        v[.lostInstances] = Double(m.lostInstances.count)
        return v
    }

    /// Whether a smaller value is better (all of these are costs, except the moved fraction).
    var lowerIsBetter: Bool { self != .movedFraction }

    var isDuration: Bool { rawValue.hasSuffix("_s") }
}
