import Foundation
import MigrationEngine

/// The sweep's three outputs: a Markdown table (default), a tidy CSV (`--csv`, one row per
/// point, columns named like `migrate --json`'s keys) and JSON lines (`--json`: one object per
/// point, `point` then the single run's whole object).
extension MigrateSweep {
    static let resultColumns = ["outcome", "reason", "total_time_s", "downtime_s", "bytes_sent", "passes", "dirty_syncs",
                                "postcopy_degraded_s"]

    static func cells(_ o: MigrationOutcome) -> [String] {
        [o.state.rawValue, o.reason.text, MigrateJSON.seconds(o.totalTimeSeconds), MigrateJSON.seconds(o.downtimeSeconds),
         MigrateJSON.number(o.bytesSent.rounded()), String(o.passes.count), String(o.dirtySyncCount),
         o.postcopy.map { MigrateJSON.seconds($0.degradedSeconds) } ?? ""]
    }

    func markdown(_ rows: [Row]) -> String {
        let header = axes.map(\.flag) + Self.resultColumns
        var out = "| " + header.joined(separator: " | ") + " |\n"
        out += "|" + header.map { _ in "---" }.joined(separator: "|") + "|\n"
        for r in rows { out += "| " + (r.point + Self.cells(r.outcome)).joined(separator: " | ") + " |\n" }
        return out
    }

    func csv(_ rows: [Row]) -> String {
        func field(_ s: String) -> String {
            s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        var out = (axes.map(\.flag) + Self.resultColumns).map(field).joined(separator: ",") + "\n"
        for r in rows { out += (r.point + Self.cells(r.outcome)).map(field).joined(separator: ",") + "\n" }
        return out
    }

    func jsonLines(_ rows: [Row]) -> String {
        rows.map { r in
            let point = MigrateJSON.object(zip(axes, r.point).map { ($0.flag, MigrateJSON.string($1)) })
            return "{\"point\":\(point),\"result\":\(MigrateJSON.render(r.outcome, setup: r.setup))}"
        }.joined(separator: "\n") + "\n"
    }
}
