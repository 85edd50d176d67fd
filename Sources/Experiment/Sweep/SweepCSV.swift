import Foundation
import Reporting

/// `sweep.csv`, tidy: one row per point x replication x metric, so any tool can pivot it.
/// Columns: point, one column per swept key (its value), replication, seed, metric, value.
/// Reading it back (SweepTable.parse) is what `merge` uses to join shards.
public enum SweepCSV {
    public static func render(keys: [String], points: [[String]], cells: [SweepRunner.Cell]) -> String {
        var out = (["point"] + keys + ["replication", "seed", "metric", "value"]).map(field).joined(separator: ",") + "\n"
        for cell in cells.sorted(by: { ($0.point, $0.replication) < ($1.point, $1.replication) }) {
            let prefix = ([String(cell.point)] + points[cell.point] + [String(cell.replication), String(cell.seed)])
                .map(field).joined(separator: ",")
            for metric in SweepMetric.allCases {
                guard let v = cell.values[metric] else { continue }
                out += prefix + "," + metric.rawValue + "," + NumberText.json(v) + "\n"
            }
        }
        return out
    }

    /// RFC 4180 quoting when a value holds a comma, quote or newline.
    static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
