import Foundation
import Reporting

/// `fleetsim explain REPORT_DIR`: why the campaign took as long as it did, from the files a
/// run wrote (summary.json, instances.csv, hosts.csv), for the replication with the longest
/// makespan.
///
/// The critical path here is the chain that ends last: the host that came back last, and on
/// it the instance whose last move ended last, with each of its attempts and the waits before
/// them (queued -> started is waiting for a slot or capacity; a notice shows as a long wait
/// before a reboot or manual move). Then the slowest hosts by drain time, each with the
/// instance that held its drain open.
public struct MakespanExplanation: Sendable {
    public let text: String

    public init(directory: String, topHosts: Int = 5) throws(CommandFailure) {
        let hosts = try CSVTable(path: directory + "/hosts.csv")
        let instances = try CSVTable(path: directory + "/instances.csv")
        let summary = try ReportDirectory(path: directory)
        // The replication with the longest makespan (end time when the campaign did not finish).
        guard let (replication, metrics) = summary.replications.max(by: {
            (($0.value.metrics["makespan_s"] ?? $0.value.metrics["end_time_s"] ?? 0), $1.key)
                < (($1.value.metrics["makespan_s"] ?? $1.value.metrics["end_time_s"] ?? 0), $0.key)
        }).map({ ($0.key, $0.value.metrics) }) else {
            throw .badInput("\(directory)/summary.json: expected at least one replication, found none")
        }
        let r = String(replication)
        var out = "# Why the campaign took \(NumberText.duration(metrics["makespan_s"] ?? metrics["end_time_s"] ?? 0))\n\n"
        out += "Replication \(r) (the longest of \(summary.replications.count)); report `\(directory)`.\n"
        let hostRows = hosts.rows.filter { $0["replication"] == r && !($0["drain_start_s"] ?? "").isEmpty }
        func num(_ row: [String: String], _ key: String) -> Double? { row[key].flatMap(Double.init) }
        let attempts = instances.rows.filter { $0["replication"] == r && !($0["attempt"] ?? "").isEmpty }
        // The host back last ends the makespan; its drain ended with its last move.
        if let last = hostRows.max(by: { (num($0, "returned_s") ?? .infinity, $1["host"]!) < (num($1, "returned_s") ?? .infinity, $0["host"]!) }) {
            let host = last["host"] ?? ""
            out += "\n## Critical path\n\nHost `\(host)` (\(last["fault_domain"] ?? "")) came back last: drain \(Self.span(num(last, "drain_start_s"), num(last, "drain_end_s"))), "
            out += "maintenance until \(num(last, "returned_s").map(NumberText.duration) ?? "never (still out at the end)").\n"
            let fromHost = attempts.filter { $0["source_host"] == host }
            if let critical = fromHost.max(by: { (num($0, "ended_at_s") ?? .infinity, $1["instance"]!) < (num($1, "ended_at_s") ?? .infinity, $0["instance"]!) }) {
                let name = critical["instance"] ?? ""
                out += "\nIts drain was held open by instance `\(name)` (plan \(critical["plan"] ?? ""), \(critical["plan_reason"] ?? "")); final state \(critical["final_state"] ?? ""): \(critical["final_reason"] ?? "").\n\n"
                // "idle before" is the time between the previous step and this attempt's queueing:
                // a notice to the customer, or the host waiting its turn in the campaign.
                out += "| attempt | action | source → target | idle before | queued | started | waited | ended | outcome | reason |\n|---:|---|---|---:|---:|---:|---:|---:|---|---|\n"
                var previous = num(last, "drain_start_s") ?? 0
                for a in attempts where a["instance"] == name {
                    let waited = (num(a, "started_at_s") ?? 0) - (num(a, "queued_at_s") ?? 0)
                    let idle = max(0, (num(a, "queued_at_s") ?? previous) - previous)
                    previous = num(a, "ended_at_s") ?? previous
                    out += "| \(a["attempt"] ?? "") | \(a["action"] ?? "") | \(a["source_host"] ?? "") → \(a["target_host"] ?? "") | \(NumberText.duration(idle)) | "
                    out += "\(Self.at(num(a, "queued_at_s"))) | \(Self.at(num(a, "started_at_s"))) | \(NumberText.duration(waited)) | "
                    out += "\(Self.at(num(a, "ended_at_s"))) | \(a["outcome"] ?? "") | \(a["reason"] ?? "") |\n"
                }
            }
        }
        out += "\n## Slowest hosts (drain time)\n\n| host | fault domain | drain | instances moved | last instance out | its attempts | its wait before the last attempt |\n|---|---|---:|---:|---|---:|---:|\n"
        let slow = hostRows.sorted {
            let a = (num($0, "drain_end_s") ?? .infinity) - (num($0, "drain_start_s") ?? 0)
            let b = (num($1, "drain_end_s") ?? .infinity) - (num($1, "drain_start_s") ?? 0)
            return (b, $0["host"]!) < (a, $1["host"]!)
        }
        for h in slow.prefix(topHosts) {
            let host = h["host"] ?? ""
            let lastOut = attempts.filter { $0["source_host"] == host }
                .max { (num($0, "ended_at_s") ?? .infinity, $1["instance"]!) < (num($1, "ended_at_s") ?? .infinity, $0["instance"]!) }
            let name = lastOut?["instance"] ?? ""
            let count = attempts.filter { $0["instance"] == name }.count
            let wait = lastOut.map { (num($0, "started_at_s") ?? 0) - (num($0, "queued_at_s") ?? 0) } ?? 0
            out += "| \(host) | \(h["fault_domain"] ?? "") | \(Self.span(num(h, "drain_start_s"), num(h, "drain_end_s"))) | \(h["instances_moved"] ?? "") | \(name) | \(count) | \(NumberText.duration(wait)) |\n"
        }
        text = out
    }

    static func at(_ t: Double?) -> String { t.map(NumberText.duration) ?? "–" }

    static func span(_ a: Double?, _ b: Double?) -> String {
        guard let a else { return "never started" }
        guard let b else { return "from \(NumberText.duration(a)), never finished" }
        return "\(NumberText.duration(b - a)) (\(NumberText.duration(a)) → \(NumberText.duration(b)))"
    }
}

/// A CSV file with a header, as rows keyed by column name.
struct CSVTable {
    let rows: [[String: String]]

    init(path: String) throws(CommandFailure) {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw .badInput("\(path): expected a report CSV written by `fleetsim run` (--format csv), found no such file")
        }
        let lines = text.split(separator: "\n").map(String.init)
        let header = lines.first.map(SweepTable.fields) ?? []
        rows = lines.dropFirst().map { line in
            Dictionary(zip(header, SweepTable.fields(line)), uniquingKeysWith: { a, _ in a })
        }
    }
}
