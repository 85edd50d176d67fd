import Foundation

/// Renders an outcome as a `query-migrate`-like pass table or as one JSON object with a fixed
/// key order and fixed number formatting (so reports are byte-identical across runs).
public enum MigrationReportRenderer {
    /// Seconds with microsecond precision, bytes as integers, percentages as integers.
    static func seconds(_ s: Double) -> String { String(format: "%.6f", s) }
    static func bytes(_ b: Double) -> String { String(Int64(b.rounded())) }

    static func jsonString(_ s: String) -> String {
        var out = "\""
        for ch in s.unicodeScalars {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if ch.value < 0x20 { out += String(format: "\\u%04x", ch.value) } else { out.unicodeScalars.append(ch) }
            }
        }
        return out + "\""
    }

    /// One JSON object: total_time_s, downtime_s, bytes_sent, passes, outcome, reason, pass_list.
    public static func json(_ o: MigrationOutcome) -> String {
        var s = "{"
        s += "\"total_time_s\":\(seconds(o.totalTimeSeconds)),"
        s += "\"downtime_s\":\(seconds(o.downtimeSeconds)),"
        s += "\"bytes_sent\":\(bytes(o.bytesSent)),"
        s += "\"passes\":\(o.passes.count),"
        s += "\"outcome\":\(jsonString(o.state.rawValue)),"
        s += "\"reason\":\(jsonString(o.reason.text)),"
        s += "\"pass_list\":["
        s += o.passes.map { p in
            "{\"index\":\(p.index),\"start_s\":\(seconds(p.startSeconds)),\"duration_s\":\(seconds(p.durationSeconds)),"
                + "\"bytes_sent\":\(bytes(p.bytesSent)),\"dirty_bytes_at_sync\":\(bytes(p.dirtyBytesAtSync)),"
                + "\"throttle_pct\":\(p.throttlePercent),\"downtime_limit_s\":\(seconds(p.downtimeLimitSeconds))}"
        }.joined(separator: ",")
        s += "]}"
        return s
    }

    /// A pass table followed by the outcome, like `info migrate` / `query-migrate`.
    public static func text(_ o: MigrationOutcome) -> String {
        func pad(_ s: String, _ w: Int) -> String { String(repeating: " ", count: max(0, w - s.count)) + s }
        let mib = 1024.0 * 1024.0
        var lines: [String] = []
        lines.append([pad("pass", 5), pad("start s", 11), pad("duration s", 11), pad("sent MiB", 11),
                      pad("dirty MiB", 11), pad("throttle %", 11), pad("limit ms", 9)].joined(separator: " "))
        for p in o.passes {
            lines.append([pad(String(p.index), 5), pad(String(format: "%.3f", p.startSeconds), 11),
                          pad(String(format: "%.3f", p.durationSeconds), 11),
                          pad(String(format: "%.1f", p.bytesSent / mib), 11),
                          pad(String(format: "%.1f", p.dirtyBytesAtSync / mib), 11),
                          pad(String(p.throttlePercent), 11),
                          pad(String(format: "%.0f", p.downtimeLimitSeconds * 1000), 9)].joined(separator: " "))
        }
        lines.append("outcome: \(o.state.rawValue) (\(o.reason.text))")
        lines.append("total time: \(String(format: "%.3f", o.totalTimeSeconds)) s")
        lines.append("downtime: \(String(format: "%.3f", o.downtimeSeconds * 1000)) ms")
        lines.append("transferred: \(String(format: "%.1f", o.bytesSent / mib)) MiB")
        lines.append("dirty sync count: \(o.dirtySyncCount)")
        if o.finalThrottlePercent > 0 { lines.append("cpu throttle: \(o.finalThrottlePercent) %") }
        if let pc = o.postcopy {
            lines.append("post-copy: started \(String(format: "%.3f", pc.startSeconds)) s, blackout "
                + "\(String(format: "%.3f", pc.blackoutSeconds * 1000)) ms, degraded \(String(format: "%.3f", pc.degradedSeconds)) s, "
                + "faults \(String(format: "%.0f", pc.expectedFaults)) (stall \(String(format: "%.3f", pc.faultStallSeconds)) s)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
