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
        // One row buffer reused for every row, and the attempts grouped by instance in one
        // index array (a counting sort, stable): an array per instance and per concatenated
        // row were most of this file's time (docs/performance.md, "Reports").
        var row: [String] = []
        row.reserveCapacity(header.count)
        for (replication, rec) in runs {
            let (firstAttempt, attemptOrder) = attemptsByInstance(rec)
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
                let attempts = firstAttempt[i]..<firstAttempt[i + 1]
                if attempts.isEmpty {
                    row.removeAll(keepingCapacity: true)
                    row.append(contentsOf: common)
                    row.append(rec.fleet[instance.initialHost].name)
                    for _ in 0..<7 { row.append("") }
                    row.append(waited); row.append("0"); row.append(""); row.append("")
                    row.append(contentsOf: final)
                    row.append(""); row.append("")
                    row.append(contentsOf: perInstance)
                    appendAttemptDetail(nil, to: &row)
                    out.appendRow(row)
                    continue
                }
                for k in attempts {
                    let a = rec.attempts[attemptOrder[k]]
                    row.removeAll(keepingCapacity: true)
                    row.append(contentsOf: common)
                    row.append(rec.fleet[a.source].name); row.append(rec.fleet[a.target].name)
                    row.append(String(a.attempt)); row.append(a.action.rawValue)
                    row.append(NumberText.json(a.queuedAt.seconds)); row.append(NumberText.json(a.startedAt.seconds))
                    row.append(a.endedAt.map { NumberText.json($0.seconds) } ?? "")
                    row.append(NumberText.json(a.queueingDelay.seconds)); row.append(waited)
                    row.append(NumberText.json(a.downtime.seconds))
                    row.append(a.outcome?.rawValue ?? "running"); row.append(a.reason)
                    row.append(contentsOf: final)
                    row.append(a.duration.map { NumberText.json($0.seconds) } ?? ""); row.append(NumberText.json(a.bytes))
                    row.append(contentsOf: perInstance)
                    appendAttemptDetail(a, to: &row)
                    out.appendRow(row)
                }
            }
        }
    }

    /// The attempts grouped by instance, in record order within each (a stable counting
    /// sort): instance i's are `order[first[i]..<first[i + 1]]`.
    static func attemptsByInstance(_ rec: RunRecorder) -> (first: [Int], order: [Int]) {
        let instanceCount = rec.fleet.instances.count
        var first = [Int](repeating: 0, count: instanceCount + 1)
        for a in rec.attempts { first[a.instance.int + 1] += 1 }
        for i in 0..<instanceCount { first[i + 1] += first[i] }
        var order = [Int](repeating: 0, count: rec.attempts.count)
        var next = first
        for (k, a) in rec.attempts.enumerated() {
            order[next[a.instance.int]] = k
            next[a.instance.int] += 1
        }
        return (first, order)
    }

    static func field(_ s: String) -> String {
        // Scalars, not Characters: "\r\n" is one Character, equal to neither "\r" nor "\n".
        guard s.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
