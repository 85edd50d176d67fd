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
        let rows = runs.reduce(0) { $0 + $1.recorder.attempts.count + $1.recorder.fleet.instances.count } + 1
        return CSVWriter.text(reservingCapacity: 300 * rows) { appendRows(runs, to: &$0) }
    }

    /// The same bytes as `render`, handed to `sink` a megabyte at a time as the rows are
    /// formatted: the report writer streams the file to disk (large-fleet's 44 MB text was,
    /// with its byte buffer, the run's peak memory; docs/performance.md "Memory").
    public static func stream(_ runs: [(replication: Int, recorder: RunRecorder)],
                              to sink: @escaping (UnsafeBufferPointer<UInt8>) -> Void) {
        CSVWriter.stream(to: sink) { appendRows(runs, to: &$0) }
    }

    static func appendRows(_ runs: [(replication: Int, recorder: RunRecorder)], to out: inout CSVWriter) {
        out.appendRow(header)
        // Field by field into the writer's buffer, the fields an instance repeats on each of
        // its rows formatted once into reused segments, and the attempts grouped by instance
        // in one index array (a counting sort, stable): strings per field, arrays per row and
        // per instance were most of this file's time (docs/performance.md, "Reports").
        var common = CSVWriter(), final = CSVWriter(), perInstance = CSVWriter()
        for (replication, rec) in runs {
            let (firstAttempt, attemptOrder) = attemptsByInstance(rec)
            for instance in rec.fleet.instances {
                let i = instance.id.int
                common.clearSegment()
                common.field(replication); common.field(instance.name); common.field(instance.shape)
                common.field(json: instance.demand.ocpus); common.field(Int(instance.demand.memoryBytes))
                final.clearSegment()
                final.field(rec.finalState[i]?.rawValue ?? ""); final.field(rec.finalReason[i])
                final.field(rec.fleet[rec.finalHost[i]].name)
                perInstance.clearSegment()
                perInstance.field(rec.plannedActions[i].joined(separator: ">")); perInstance.field(rec.planReason[i])
                perInstance.field(rec.incompatibilities[i].joined(separator: ";"))
                perInstance.field(json: rec.downtime[i].seconds); perInstance.field(json: rec.unplannedDowntime[i].seconds)
                perInstance.field(rec.dataLost[i] ? "true" : "false"); perInstance.field(rec.identifiersChanged[i].joined(separator: ";"))
                let waited = rec.waitedForCapacity[i].seconds
                let attempts = firstAttempt[i]..<firstAttempt[i + 1]
                if attempts.isEmpty {
                    out.fields(of: common)
                    out.field(rec.fleet[instance.initialHost].name)
                    for _ in 0..<7 { out.field("") }
                    out.field(json: waited); out.field("0"); out.field(""); out.field("")
                    out.fields(of: final)
                    out.field(""); out.field("")
                    out.fields(of: perInstance)
                    appendAttemptDetail(nil, to: &out)
                    out.endRow()
                    continue
                }
                for k in attempts {
                    let a = rec.attempts[attemptOrder[k]]
                    out.fields(of: common)
                    out.field(rec.fleet[a.source].name); out.field(rec.fleet[a.target].name)
                    out.field(a.attempt); out.field(a.action.rawValue)
                    out.field(json: a.queuedAt.seconds); out.field(json: a.startedAt.seconds)
                    if let ended = a.endedAt { out.field(json: ended.seconds) } else { out.field("") }
                    out.field(json: a.queueingDelay.seconds); out.field(json: waited)
                    out.field(json: a.downtime.seconds)
                    out.field(a.outcome?.rawValue ?? "running"); out.field(a.reason)
                    out.fields(of: final)
                    if let duration = a.duration { out.field(json: duration.seconds) } else { out.field("") }
                    out.field(json: a.bytes)
                    out.fields(of: perInstance)
                    appendAttemptDetail(a, to: &out)
                    out.endRow()
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
