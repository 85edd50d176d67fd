import Foundation
import Reporting
import Stochastics

/// Two runs of the same scenario compared replication by replication (`fleetsim compare A B`).
///
/// Replication r of A and of B used the same seed (common random numbers), so the difference
/// B - A per replication is paired: its mean and 95 % CI say how much the change moved the
/// metric, without the spread between replications. A metric fails when the mean difference
/// is past its tolerance. Instances are compared one by one: which ones ended differently.
public struct Comparison: Sendable {
    public struct MetricRow: Sendable {
        public let metric: String
        public let meanA: Double
        public let meanB: Double
        public let meanDifference: Double
        public let lower: Double?
        public let upper: Double?
        public let pairs: Int
        public let limit: Tolerances.Limit
        public let passed: Bool
    }

    public struct InstanceChange: Sendable {
        public let key: ReportDirectory.InstanceKey
        public let a: ReportDirectory.InstanceOutcome?
        public let b: ReportDirectory.InstanceOutcome?
    }

    public let a: String
    public let b: String
    public let rows: [MetricRow]
    public let changes: [InstanceChange]
    /// Replications whose seeds differ between A and B (then the pairing means little).
    public let unpairedSeeds: [Int]
    public let onlyInOne: [Int]

    public var passed: Bool { rows.allSatisfy(\.passed) }

    public init(a: ReportDirectory, b: ReportDirectory, tolerances: Tolerances) {
        self.a = a.path
        self.b = b.path
        let common = Set(a.replications.keys).intersection(b.replications.keys).sorted()
        onlyInOne = Set(a.replications.keys).symmetricDifference(b.replications.keys).sorted()
        unpairedSeeds = common.filter { a.replications[$0]!.seed != b.replications[$0]!.seed }
        let metrics = Set(common.flatMap { Array(a.replications[$0]!.metrics.keys) })
            .union(common.flatMap { Array(b.replications[$0]!.metrics.keys) }).sorted()
        rows = metrics.compactMap { m in
            let pairs = common.compactMap { r -> (Double, Double)? in
                guard let x = a.replications[r]!.metrics[m], let y = b.replications[r]!.metrics[m] else { return nil }
                return (x, y)
            }
            guard !pairs.isEmpty else { return nil }
            let diffs = pairs.map { $0.1 - $0.0 }
            let meanA = pairs.map(\.0).reduce(0, +) / Double(pairs.count)
            let meanB = pairs.map(\.1).reduce(0, +) / Double(pairs.count)
            let meanD = diffs.reduce(0, +) / Double(diffs.count)
            let ci = try? ConfidenceInterval(of: diffs)
            let limit = tolerances.limit(for: m)
            return MetricRow(metric: m, meanA: meanA, meanB: meanB, meanDifference: meanD, lower: ci?.lower, upper: ci?.upper,
                             pairs: pairs.count, limit: limit, passed: limit.allows(difference: meanD, baseline: meanA))
        }
        let keys = Set(a.instances.keys).union(b.instances.keys).sorted()
        changes = keys.compactMap { k in
            let x = a.instances[k], y = b.instances[k]
            guard x?.action != y?.action || x?.outcome != y?.outcome || x?.finalState != y?.finalState else { return nil }
            return InstanceChange(key: k, a: x, b: y)
        }
    }

    /// The Markdown a CI log shows: verdict, every metric, then the changed instances.
    public func markdown(maxInstances: Int = 50) -> String {
        let failed = rows.filter { !$0.passed }
        var md = "# fleetsim compare\n\nA: `\(a)`  \nB: `\(b)`\n\n"
        md += failed.isEmpty ? "**PASS**: no metric moved past its tolerance.\n"
            : "**FAIL**: \(failed.count) metric\(failed.count == 1 ? "" : "s") moved past tolerance: \(failed.map(\.metric).joined(separator: ", ")).\n"
        if !unpairedSeeds.isEmpty {
            md += "\nWarning: replications \(unpairedSeeds.map(String.init).joined(separator: ", ")) ran with different seeds in A and B; differences are not paired.\n"
        }
        if !onlyInOne.isEmpty {
            md += "\nReplications in only one run (left out): \(onlyInOne.map(String.init).joined(separator: ", ")).\n"
        }
        md += "\n## Metrics (paired over replications, B - A)\n\n"
        md += "| metric | A mean | B mean | difference | 95% CI | pairs | tolerance | |\n|---|---:|---:|---:|---:|---:|---:|---|\n"
        for r in rows {
            let ci = (r.lower != nil && r.upper != nil) ? "\(num(r.lower!)) – \(num(r.upper!))" : ""
            md += "| \(r.metric) | \(num(r.meanA)) | \(num(r.meanB)) | \(num(r.meanDifference)) | \(ci) | \(r.pairs) | \(r.limit) | \(r.passed ? "ok" : "**FAIL**") |\n"
        }
        md += "\n## Instances that ended differently (\(changes.count))\n\n"
        if changes.isEmpty { return md + "None: every instance took the same action, outcome and final state.\n" }
        md += "| replication | instance | A | B | B's final reason |\n|---:|---|---|---|---|\n"
        for c in changes.prefix(maxInstances) {
            md += "| \(c.key.replication) | \(c.key.instance) | \(c.a?.summary ?? "absent") | \(c.b?.summary ?? "absent") | \(c.b?.finalReason ?? "") |\n"
        }
        if changes.count > maxInstances { md += "\n… and \(changes.count - maxInstances) more.\n" }
        return md
    }

    /// JUnit XML: one test case per metric (failed past its tolerance), one for instance changes
    /// (reported, not failed: a tolerance says how much change is acceptable).
    public func junit() -> String {
        let failures = rows.filter { !$0.passed }.count
        var x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        x += "<testsuite name=\"fleetsim compare\" tests=\"\(rows.count)\" failures=\"\(failures)\">\n"
        for r in rows {
            x += "  <testcase classname=\"fleetsim.compare\" name=\"\(xml(r.metric))\""
            if r.passed { x += "/>\n"; continue }
            x += ">\n    <failure message=\"\(xml(r.metric)) moved \(num(r.meanDifference)) (A \(num(r.meanA)), B \(num(r.meanB))), tolerance \(xml(r.limit.description))\"/>\n  </testcase>\n"
        }
        x += "  <system-out>\(xml("\(changes.count) instance(s) ended differently"))</system-out>\n</testsuite>\n"
        return x
    }

    func num(_ x: Double) -> String { NumberText.json(x) }

    func xml(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
