import Experiment
import Foundation
import MigrationEngine

/// The `postcopy` and `settings` members of `fleetsim migrate --json`, appended after the
/// engine renderer's keys: a script comparing runs sees post-copy's degraded period and its
/// page faults (without them post-copy looked free), and the settings the run actually used
/// after preset and flags (issue 9, item 8). Keys in a fixed order, numbers in fixed formats,
/// so the output stays byte-identical across runs.
enum MigrateJSON {
    static func render(_ outcome: MigrationOutcome, setup: MigrateSetup) -> String {
        let base = MigrationReportRenderer.json(outcome)
        guard base.hasSuffix("}") else { return base }
        return String(base.dropLast()) + ",\"postcopy\":" + postcopy(outcome.postcopy)
            + ",\"settings\":" + settings(setup) + "}"
    }

    static func seconds(_ s: Double) -> String { String(format: "%.6f", s) }
    static func number(_ x: Double) -> String { x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(format: "%.6g", x) }
    static func optional(_ x: Double?, _ f: (Double) -> String) -> String { x.map(f) ?? "null" }
    static func string(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
    static func object(_ members: [(String, String)]) -> String {
        "{" + members.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }

    /// `null` when the migration never entered post-copy.
    static func postcopy(_ pc: PostcopyReport?) -> String {
        guard let pc else { return "null" }
        return object([
            ("start_s", seconds(pc.startSeconds)),
            ("blackout_s", seconds(pc.blackoutSeconds)),
            ("degraded_s", seconds(pc.degradedSeconds)),
            ("bytes_pushed", number(pc.bytesPushed.rounded())),
            ("faults", number(pc.expectedFaults.rounded())),
            ("fault_stall_s", seconds(pc.faultStallSeconds)),
        ])
    }

    static func settings(_ setup: MigrateSetup) -> String {
        let p = setup.parameters
        let m = p.management
        let autoConverge = p.autoConverge.map { ac in
            object([("initial_pct", "\(ac.initialPercent)"), ("increment_pct", "\(ac.incrementPercent)"),
                    ("max_pct", "\(ac.maxPercent)"), ("trigger_pct", "\(ac.triggerThresholdPercent)"),
                    ("tailslow", ac.tailslow ? "true" : "false")])
        } ?? "null"
        let postcopy = p.postcopy.map { pc in
            object([("after_passes", pc.afterPasses.map(String.init) ?? "null"),
                    ("max_bandwidth_bytes_per_s", optional(pc.maxPostcopyBandwidthBytesPerSecond, number)),
                    ("fault_rtt_s", seconds(pc.faultRoundTripSeconds))])
        } ?? "null"
        let steps = "[" + m.downtimeSteps.map { object([("after_s", seconds($0.afterSeconds)), ("limit_s", seconds($0.downtimeLimitSeconds))]) }
            .joined(separator: ",") + "]"
        return object([
            ("preset", string(setup.preset.rawValue)),
            ("memory_bytes", "\(p.memoryBytes)"),
            ("page_size_bytes", "\(p.pageSizeBytes)"),
            ("dirty_model", string(setup.modelKind.rawValue)),
            ("zero_page_fraction", number(p.zeroPageFraction)),
            ("device_state_bytes", "\(p.deviceStateBytes)"),
            ("link_bytes_per_s", number(setup.wire.steps[0].bytesPerSecond)),
            ("link_changes", "\(setup.wire.steps.count - 1)"),
            ("max_bandwidth_bytes_per_s", optional(p.maxBandwidthBytesPerSecond, number)),
            ("multifd_channels", "\(p.streams.channels)"),
            ("downtime_limit_s", seconds(p.downtimeLimitSeconds)),
            ("downtime_steps", steps),
            ("switchover_rule", m.switchoverRuleEnabled ? "true" : "false"),
            ("completion_timeout_s", optional(m.completionTimeoutSeconds, seconds)),
            ("timeout_action", string(m.timeoutAction.rawValue)),
            ("progress_timeout_s", optional(m.progressTimeoutSeconds, seconds)),
            ("max_live_passes", m.maxLivePasses.map(String.init) ?? "null"),
            ("auto_converge", autoConverge),
            ("postcopy", postcopy),
            ("xbzrle", p.xbzrle == nil ? "false" : "true"),
            ("setup_s", seconds(p.setupSeconds)),
            ("switchover_overhead_s", seconds(p.switchoverOverheadSeconds)),
            ("horizon_s", seconds(setup.horizonSeconds)),
            ("max_steps", "\(setup.maxSteps)"),
        ])
    }
}
