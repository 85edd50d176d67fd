import Foundation
import Reporting
import Stochastics

/// Per point and metric: the mean over replications and its 95 % confidence interval.
public struct SweepSummary: Sendable {
    public struct Entry: Sendable {
        public let mean: Double
        public let lower: Double?
        public let upper: Double?
        public let count: Int
    }

    public let keys: [String]
    public let points: [[String]]
    /// entries[point][metric]; nil when no replication of the point has the metric.
    public let entries: [[SweepMetric: Entry]]

    public init(keys: [String], points: [[String]], cells: [SweepRunner.Cell]) {
        self.keys = keys
        self.points = points
        var byPoint = Array(repeating: [SweepMetric: [Double]](), count: points.count)
        for cell in cells.sorted(by: { ($0.point, $0.replication) < ($1.point, $1.replication) }) {
            for (m, v) in cell.values { byPoint[cell.point][m, default: []].append(v) }
        }
        entries = byPoint.map { metrics in
            metrics.compactMapValues { values -> Entry? in
                guard !values.isEmpty else { return nil }
                let ci = try? ConfidenceInterval(of: values)
                let mean = values.reduce(0, +) / Double(values.count)
                var lower = ci?.lower, upper = ci?.upper
                // Counts and fractions cannot go below zero: clamp the interval to the domain.
                if let l = lower { lower = max(0, l) }
                if let u = upper, values.allSatisfy({ $0 <= 1 }), values.allSatisfy({ $0 >= 0 }), u > 1, mean <= 1 { upper = min(u, 1) }
                return Entry(mean: mean, lower: lower, upper: upper, count: values.count)
            }
        }
    }

    /// `sweep.md`: one table per metric, a row per point, mean and 95 % CI over replications.
    public func markdown(scenario: String, replications: Int) -> String {
        var md = "# fleetsim sweep: \(scenario)\n\n"
        md += "\(points.count) points x \(replications) replications (seeds per row in sweep.csv); common random numbers "
        md += "(replication r of every point uses the same streams). 95 % confidence intervals over replications.\n"
        for metric in SweepMetric.allCases {
            md += "\n## \(metric.rawValue)\n\n"
            md += "| " + keys.joined(separator: " | ") + " | mean | 95% CI | n |\n"
            md += "|" + String(repeating: "---|", count: keys.count) + "---:|---:|---:|\n"
            for (p, point) in points.enumerated() {
                let cells = point.map { $0.replacingOccurrences(of: "|", with: "\\|") }
                guard let e = entries[p][metric] else {
                    md += "| " + cells.joined(separator: " | ") + " | | | 0 |\n"
                    continue
                }
                let ci = (e.lower != nil && e.upper != nil) ? "\(Self.text(e.lower!, metric)) – \(Self.text(e.upper!, metric))" : ""
                md += "| " + cells.joined(separator: " | ") + " | \(Self.text(e.mean, metric)) | \(ci) | \(e.count) |\n"
            }
        }
        return md
    }

    static func text(_ x: Double, _ metric: SweepMetric) -> String {
        if metric.isDuration { return NumberText.duration(x) }
        if metric == .movedFraction { return NumberText.percent(x) }
        return NumberText.fixed(x, x.rounded() == x ? 0 : 2)
    }
}
