import Foundation

/// A sweep's results as read back from `sweep.csv` (or shards of it): what `sweep.md` and
/// `sweep.html` are computed from. Computing them from the CSV text, never from the unrounded
/// numbers, is what makes merged shards byte-identical to an unsharded run.
public struct SweepTable: Sendable {
    public var keys: [String]
    public var points: [[String]]
    public var cells: [SweepRunner.Cell]

    /// Parse one `sweep.csv` (as SweepCSV writes it); `name` is used in error messages.
    public static func parse(_ text: String, name: String) throws(CommandFailure) -> SweepTable {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        guard let header = lines.first.map(fields), header.count >= 6, header.first == "point",
              Array(header.suffix(4)) == ["replication", "seed", "metric", "value"] else {
            throw .badInput("\(name):1: expected the header point,<keys...>,replication,seed,metric,value, found '\(lines.first ?? "")'")
        }
        let keys = Array(header[1..<(header.count - 4)])
        var points: [Int: [String]] = [:]
        var values: [Int: [Int: (seed: UInt64, values: [SweepMetric: Double])]] = [:]
        for (n, line) in lines.enumerated().dropFirst() {
            let f = fields(line)
            guard f.count == header.count, let p = Int(f[0]), let r = Int(f[keys.count + 1]),
                  let seed = UInt64(f[keys.count + 2]), let metric = SweepMetric(rawValue: f[keys.count + 3]),
                  let v = Double(f[keys.count + 4]) else {
                throw .badInput("\(name):\(n + 1): expected \(header.count) fields (point, values, replication, seed, a known metric, a number), found '\(line)'")
            }
            let point = Array(f[1...keys.count])
            if let known = points[p], known != point {
                throw .badInput("\(name):\(n + 1): expected point \(p) to be \(known.joined(separator: ",")), found \(point.joined(separator: ","))")
            }
            points[p] = point
            values[p, default: [:]][r, default: (seed, [:])].values[metric] = v
        }
        let cells = values.keys.sorted().flatMap { p in
            values[p]!.keys.sorted().map { r in SweepRunner.Cell(point: p, replication: r, seed: values[p]![r]!.seed,
                                                                  values: values[p]![r]!.values) }
        }
        let maxPoint = points.keys.max() ?? -1
        return SweepTable(keys: keys, points: (0...max(maxPoint, 0)).map { points[$0] ?? [] }, cells: cells)
    }

    /// Join shards: same keys, disjoint cells; every point of 0..<max must be present.
    public static func merge(_ tables: [(name: String, table: SweepTable)]) throws(CommandFailure) -> SweepTable {
        guard var merged = tables.first?.table else { throw .badInput("merge: expected at least one sweep directory, found none") }
        var seen = Set(merged.cells.map { [$0.point, $0.replication] })
        for (name, t) in tables.dropFirst() {
            guard t.keys == merged.keys else {
                throw .badInput("\(name): expected swept keys \(merged.keys.joined(separator: ",")), found \(t.keys.joined(separator: ","))")
            }
            for c in t.cells {
                guard seen.insert([c.point, c.replication]).inserted else {
                    throw .badInput("\(name): point \(c.point) replication \(c.replication) is also in another shard")
                }
                merged.cells.append(c)
            }
            for (p, point) in t.points.enumerated() where !point.isEmpty {
                while merged.points.count <= p { merged.points.append([]) }
                merged.points[p] = point
            }
        }
        if let missing = merged.points.firstIndex(where: \.isEmpty) {
            throw .badInput("merge: expected every point of the sweep, found none of point \(missing) (a shard is missing)")
        }
        merged.cells.sort { ($0.point, $0.replication) < ($1.point, $1.replication) }
        return merged
    }

    /// Split a CSV line (RFC 4180 quotes).
    static func fields(_ line: String) -> [String] {
        var out: [String] = [], current = "", quoted = false
        var chars = Array(line)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" { if chars.first == "\"" { current.append("\""); chars.removeFirst() } else { quoted = false } }
                else { current.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { out.append(current); current = "" }
            else { current.append(c) }
        }
        out.append(current)
        return out
    }
}
