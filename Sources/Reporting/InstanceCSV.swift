import FleetModel
import FleetSimulation

/// `instances.csv`: one row per attempt (and one for each instance that never had an
/// attempt), for every replication. RFC 4180 quoting; stable row order (replication,
/// instance id, attempt).
public enum InstanceCSV {
    public static let header = [
        "replication", "instance", "shape", "ocpus", "memory_bytes", "source_host", "target_host", "attempt", "action",
        "queued_at_s", "started_at_s", "ended_at_s", "queueing_delay_s", "waited_for_capacity_s", "downtime_s",
        "outcome", "reason", "final_state", "final_reason", "final_host", "transfer_time_s", "bytes",
        "plan", "plan_reason", "incompatibilities", "downtime_total_s", "unplanned_downtime_s", "data_lost",
        "identifiers_changed",
    ] + attemptDetailHeader

    public static func render(_ runs: [(replication: Int, recorder: RunRecorder)]) -> String {
        // About 300 bytes a row.
        var out = CSVWriter(reservingCapacity: 300 * (runs.reduce(0) { $0 + $1.recorder.attempts.count + $1.recorder.fleet.instances.count } + 1))
        appendRows(runs, to: &out)
        return out.text
    }

    /// The same bytes as `render`, handed to `sink` a megabyte at a time as the rows are
    /// formatted: the report writer streams the file to disk (large-fleet's 44 MB text was,
    /// with its byte buffer, the run's peak memory; docs/performance.md "Memory").
    public static func stream(_ runs: [(replication: Int, recorder: RunRecorder)],
                              to sink: @escaping (UnsafeBufferPointer<UInt8>) -> Void) {
        var out = CSVWriter(streamingTo: sink)
        appendRows(runs, to: &out)
        out.finish()
    }

    static func appendRows(_ runs: [(replication: Int, recorder: RunRecorder)], to out: inout CSVWriter) {
        out.appendRow(header)
        for (replication, rec) in runs {
            var byInstance = Array(repeating: [Int](), count: rec.fleet.instances.count)
            for (k, a) in rec.attempts.enumerated() { byInstance[a.instance.int].append(k) }
            for instance in rec.fleet.instances {
                let i = instance.id.int
                let common = [String(replication), instance.name, instance.shape, NumberText.json(instance.demand.ocpus),
                              String(instance.demand.memoryBytes)]
                let final = [rec.finalState[i]?.rawValue ?? "", rec.finalReason[i], rec.fleet[rec.finalHost[i]].name]
                let perInstance = [rec.plannedActions[i].joined(separator: ">"), rec.planReason[i],
                                   rec.incompatibilities[i].joined(separator: ";"),
                                   NumberText.json(rec.downtime[i].seconds), NumberText.json(rec.unplannedDowntime[i].seconds),
                                   rec.dataLost[i] ? "true" : "false", rec.identifiersChanged[i].joined(separator: ";")]
                let waited = NumberText.json(rec.waitedForCapacity[i].seconds)
                if byInstance[i].isEmpty {
                    let row = common + [rec.fleet[instance.initialHost].name, "", "", "", "", "", "", "", waited, "0", "", ""]
                        + final + ["", ""] + perInstance + attemptDetail(nil)
                    out.appendRow(row)
                    continue
                }
                for k in byInstance[i] {
                    let a = rec.attempts[k]
                    let row = common + [
                        rec.fleet[a.source].name, rec.fleet[a.target].name, String(a.attempt), a.action.rawValue,
                        NumberText.json(a.queuedAt.seconds), NumberText.json(a.startedAt.seconds),
                        a.endedAt.map { NumberText.json($0.seconds) } ?? "",
                        NumberText.json(a.queueingDelay.seconds), waited, NumberText.json(a.downtime.seconds),
                        a.outcome?.rawValue ?? "running", a.reason,
                    ] + final + [a.duration.map { NumberText.json($0.seconds) } ?? "", NumberText.json(a.bytes)] + perInstance
                        + attemptDetail(a)
                    out.appendRow(row)
                }
            }
        }
    }

    static func field(_ s: String) -> String {
        // Scalars, not Characters: "\r\n" is one Character, equal to neither "\r" nor "\n".
        guard s.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
