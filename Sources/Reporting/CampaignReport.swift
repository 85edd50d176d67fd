import FleetModel
import FleetSimulation
import Stochastics

/// Identity of a run, echoed at the top of every report so a report can be traced back to
/// exactly what produced it.
public struct RunIdentity: Sendable {
    public let scenarioName: String
    public let scenarioFile: String
    public let seed: UInt64
    public let replications: Int
    public let horizonSeconds: Double
    public let generator: String
    public let hosts: Int
    public let instances: Int
    public let campaignHosts: Int
    public let toolVersion: String
    /// What varies between replications (`none`, `workload`, `fleet`).
    public let resample: String
    /// Every command-line setting that changed what ran (`seed`, `replications`, `scale`, ...),
    /// as given, in a fixed order; settings that cannot change the results (`--jobs`,
    /// `--quiet`, `--out`) are not recorded, so reports stay byte-identical across them.
    public let overrides: [(key: String, value: String)]

    public init(scenarioName: String, scenarioFile: String, seed: UInt64, replications: Int, horizonSeconds: Double,
                generator: String, hosts: Int, instances: Int, campaignHosts: Int, toolVersion: String,
                resample: String = "workload", overrides: [(key: String, value: String)] = []) {
        self.resample = resample
        self.overrides = overrides
        self.scenarioName = scenarioName
        self.scenarioFile = scenarioFile
        self.seed = seed
        self.replications = replications
        self.horizonSeconds = horizonSeconds
        self.generator = generator
        self.hosts = hosts
        self.instances = instances
        self.campaignHosts = campaignHosts
        self.toolVersion = toolVersion
    }
}

/// A metric summarised across replications: the mean of the per-replication values with a
/// Student-t 95% confidence interval, and their range.
///
/// The interval is clamped to the metric's domain (`lowerBound`, default 0: every metric
/// fleetsim reports is a time, a count, a byte total or a utilisation). With two or three
/// replications the t quantile is large (12.7 and 4.3) and an unclamped interval for a
/// skewed, non-negative metric reaches below zero, which no replication could produce.
public struct AcrossReplications: Sendable {
    public let count: Int
    public let mean: Double?
    public let ci95Low: Double?
    public let ci95High: Double?
    public let min: Double?
    public let max: Double?
    /// Whether the domain cut the interval (the t interval reached below `lowerBound`).
    public let clamped: Bool

    public init(_ values: [Double], lowerBound: Double = 0) {
        count = values.count
        guard let summary = try? Summary(values) else {
            mean = nil; ci95Low = nil; ci95High = nil; min = nil; max = nil; clamped = false
            return
        }
        mean = summary.mean
        min = summary.min
        max = summary.max
        let ci = try? summary.meanConfidenceInterval(level: 0.95)
        clamped = (ci?.lower).map { $0 < lowerBound } ?? false
        ci95Low = (ci?.lower).map { Swift.max($0, lowerBound) }
        ci95High = ci?.upper
    }

    var json: JSONValue {
        .object([("mean", .finite(mean)), ("ci95_low", .finite(ci95Low)), ("ci95_high", .finite(ci95High)),
                 ("min", .finite(min)), ("max", .finite(max)), ("n", .int(Int64(count)))])
    }
}

/// Quantiles of values pooled over all replications.
public struct PooledDistribution: Sendable {
    public let count: Int
    public let mean: Double?
    public let p50: Double?
    public let p90: Double?
    public let p99: Double?
    public let max: Double?

    public init(_ values: [Double]) {
        count = values.count
        let s = try? Summary(values)
        mean = s?.mean
        p50 = s?.p50
        p90 = s?.p90
        p99 = s?.p99
        max = s?.max
    }

    var json: JSONValue {
        .object([("n", .int(Int64(count))), ("mean", .finite(mean)), ("p50", .finite(p50)),
                 ("p90", .finite(p90)), ("p99", .finite(p99)), ("max", .finite(max))])
    }
}

/// Everything a run reports, computed once and rendered as JSON, CSV and Markdown.
public struct CampaignReport: Sendable {
    public static let schema = "fleetsim.summary"
    /// Bump when a key is renamed or removed or its meaning changes; adding keys keeps it.
    public static let schemaVersion = 2

    public let identity: RunIdentity
    public let replications: [ReplicationMetrics]

    /// Instances the campaign had to deal with, per replication (failures can change it).
    public let instancesInCampaign: AcrossReplications
    public let campaignMakespanSeconds: AcrossReplications
    public let drainMakespanSeconds: AcrossReplications
    public let downtimeSeconds: PooledDistribution
    /// Per-replication mean downtime, for its confidence interval.
    public let meanDowntimeSeconds: AcrossReplications
    public let p99DowntimeSeconds: AcrossReplications
    public let queueingDelaySeconds: PooledDistribution
    public let waitedForCapacitySeconds: PooledDistribution
    /// Per-replication peak sampled utilisation of any rack link or the spine.
    public let peakUplinkUtilisation: AcrossReplications
    /// Aborted attempts by reason, summed over replications.
    public let abortReasons: [(reason: String, count: Int)]

    public init(identity: RunIdentity, replications: [ReplicationMetrics]) {
        self.identity = identity
        self.replications = replications
        instancesInCampaign = AcrossReplications(replications.map { Double($0.instancesInCampaign) })
        campaignMakespanSeconds = AcrossReplications(replications.compactMap(\.campaignMakespanSeconds))
        drainMakespanSeconds = AcrossReplications(replications.compactMap(\.drainMakespanSeconds))
        downtimeSeconds = PooledDistribution(replications.flatMap(\.downtimeSeconds))
        meanDowntimeSeconds = AcrossReplications(replications.compactMap { r in
            r.downtimeSeconds.isEmpty ? nil : r.downtimeSeconds.reduce(0, +) / Double(r.downtimeSeconds.count)
        })
        p99DowntimeSeconds = AcrossReplications(replications.compactMap { (try? Summary($0.downtimeSeconds))?.p99 })
        queueingDelaySeconds = PooledDistribution(replications.flatMap(\.queueingDelaySeconds))
        waitedForCapacitySeconds = PooledDistribution(replications.flatMap(\.waitedForCapacitySeconds))
        peakUplinkUtilisation = AcrossReplications(replications.compactMap(\.peakUplinkUtilisation))
        var reasons: [String: Int] = [:]
        for r in replications { for (reason, count) in r.abortReasons { reasons[reason, default: 0] += count } }
        abortReasons = reasons.keys.sorted().map { ($0, reasons[$0]!) }
    }

    /// Share of campaign instances in `state`, pooled over replications, with a Wilson 95% interval.
    public func rate(of state: FinalState) -> WilsonInterval? {
        let trials = replications.reduce(0) { $0 + $1.instancesInCampaign }
        let successes = replications.reduce(0) { $0 + $1.count(state) }
        guard state != .untouched else { return nil }
        return try? WilsonInterval(successes: successes, trials: trials, level: 0.95)
    }

    /// Campaign instances in `state`, mean per replication.
    public func meanCount(of state: FinalState) -> Double {
        guard !replications.isEmpty else { return 0 }
        return Double(replications.reduce(0) { $0 + $1.count(state) }) / Double(replications.count)
    }

    /// Bystanders in `state`, mean per replication.
    public func meanBystanderCount(of state: FinalState) -> Double {
        guard !replications.isEmpty else { return 0 }
        return Double(replications.reduce(0) { $0 + $1.bystanderCount(state) }) / Double(replications.count)
    }

    /// Mean per replication of any per-replication number.
    func meanPerReplication(_ value: (ReplicationMetrics) -> Double) -> Double {
        guard !replications.isEmpty else { return 0 }
        return replications.reduce(0.0) { $0 + value($1) } / Double(replications.count)
    }

    public var completedReplications: Int { replications.filter(\.campaignCompleted).count }
}
