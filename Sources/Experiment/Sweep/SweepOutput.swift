import Foundation
import Reporting

/// The files of a sweep directory, and what `merge` needs to put shards back together.
///
/// `sweep.json` is a small manifest: scenario name, swept keys, point and replication counts
/// and which shard this is (`1/1` for a whole sweep). A shard writes only `sweep.csv` and its
/// manifest; a whole sweep (or a merge) also writes `sweep.md` and `sweep.html`, both computed
/// from the CSV text so that a merge reproduces the unsharded files byte for byte.
public enum SweepOutput {
    public struct Manifest: Equatable, Sendable {
        public var scenario: String
        public var keys: [String]
        public var points: Int
        public var replications: Int
        public var shard: Shard

        public init(scenario: String, keys: [String], points: Int, replications: Int, shard: Shard) {
            self.scenario = scenario
            self.keys = keys
            self.points = points
            self.replications = replications
            self.shard = shard
        }
    }

    /// Shard K of N, 1-based as typed (`--shard 2/4`); cells whose index modulo N is K-1.
    public struct Shard: Equatable, Sendable, CustomStringConvertible {
        public let index: Int
        public let count: Int
        public static let whole = Shard(index: 1, count: 1)
        public var description: String { "\(index)/\(count)" }

        public init(index: Int, count: Int) { self.index = index; self.count = count }

        public static func parse(_ text: String) -> Shard? {
            let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, k >= 1, k <= n else { return nil }
            return Shard(index: k, count: n)
        }

        /// This shard's items among `total` (sweep cells, run replications): those whose index
        /// modulo N is K-1, ascending. The whole (1/1) takes every item.
        public func slice(of total: Int) -> [Int] {
            (0..<total).filter { $0 % count == index - 1 }
        }

        /// `merge`'s check that shards 1..N (N of the first) are all there, each once.
        public static func checkComplete(_ shards: [Shard]) throws(CommandFailure) {
            let n = shards.first?.count ?? 1
            let indices = shards.map(\.index)
            guard Set(indices).count == indices.count, Set(indices) == Set(1...n) else {
                let missing = Set(1...n).subtracting(indices).sorted()
                throw .badInput("merge: expected shards 1 to \(n) once each, found \(shards.map(\.description).joined(separator: ", "))\(missing.isEmpty ? "" : " (missing \(missing.map(String.init).joined(separator: ", ")))")")
            }
        }
    }

    public static func manifestJSON(_ m: Manifest) -> String {
        let keys = m.keys.map { JSONValue.string($0) }
        return JSONValue.object([
            ("scenario", .string(m.scenario)), ("keys", .array(keys)), ("points", .int(Int64(m.points))),
            ("replications", .int(Int64(m.replications))), ("shard", .string(m.shard.description)),
        ]).rendered()
    }

    public static func parseManifest(_ text: String, name: String) throws(CommandFailure) -> Manifest {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
              let scenario = object["scenario"] as? String, let keys = object["keys"] as? [String],
              let points = object["points"] as? Int, let replications = object["replications"] as? Int,
              let shardText = object["shard"] as? String, let shard = Shard.parse(shardText) else {
            throw .badInput("\(name): expected a sweep manifest with scenario, keys, points, replications and shard, found something else")
        }
        return Manifest(scenario: scenario, keys: keys, points: points, replications: replications, shard: shard)
    }

    /// Every file of a sweep directory. `csv` is the sweep's CSV text (whole or shard).
    public static func files(manifest: Manifest, csv: String) throws(CommandFailure) -> [(String, String)] {
        var files = [("sweep.csv", csv), ("sweep.json", manifestJSON(manifest))]
        guard manifest.shard == .whole else { return files }
        let table = try SweepTable.parse(csv, name: "sweep.csv")
        let summary = SweepSummary(keys: table.keys, points: table.points, cells: table.cells)
        files.append(("sweep.md", summary.markdown(scenario: manifest.scenario, replications: manifest.replications)))
        files.append(("sweep.html", SweepHTML.render(summary: summary, title: manifest.scenario, replications: manifest.replications)))
        return files
    }

    /// Join shard directories into the files of the whole sweep.
    public static func merge(directories: [String]) throws(CommandFailure) -> [(String, String)] {
        var manifests: [(String, Manifest)] = []
        var tables: [(name: String, table: SweepTable)] = []
        for d in directories {
            guard let m = try? String(contentsOfFile: d + "/sweep.json", encoding: .utf8),
                  let c = try? String(contentsOfFile: d + "/sweep.csv", encoding: .utf8) else {
                throw .badInput("\(d): expected a sweep directory (sweep.json and sweep.csv), found none")
            }
            manifests.append((d, try parseManifest(m, name: d + "/sweep.json")))
            tables.append((d + "/sweep.csv", try SweepTable.parse(c, name: d + "/sweep.csv")))
        }
        guard let first = manifests.first?.1 else { throw .badInput("merge: expected at least one directory, found none") }
        for (d, m) in manifests {
            guard m.scenario == first.scenario, m.keys == first.keys, m.points == first.points,
                  m.replications == first.replications, m.shard.count == first.shard.count else {
                throw .badInput("\(d)/sweep.json: expected shards of the same sweep (\(first.scenario), \(first.points) points x \(first.replications) replications, N=\(first.shard.count)), found \(m.scenario), \(m.points) x \(m.replications), N=\(m.shard.count)")
            }
        }
        try Shard.checkComplete(manifests.map(\.1.shard))
        let merged = try SweepTable.merge(tables)
        var whole = first
        whole.shard = .whole
        return try files(manifest: whole, csv: SweepCSV.render(keys: merged.keys, points: merged.points, cells: merged.cells))
    }
}
