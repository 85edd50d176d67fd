import FleetSimulation
import SimKernel

/// The last columns of `instances.csv`: the notice an attempt followed and its downtime by
/// part. Appended after the older columns so that readers that index columns keep working.
extension InstanceCSV {
    static let attemptDetailHeader = [
        "notice_sent_at", "due_at", "extended",
        "downtime_stop_s", "downtime_copy_s", "downtime_boot_s", "downtime_blackout_s",
    ]

    /// Empty where a column does not apply: no notice, an attempt still running (its
    /// downtime is not known yet), or a part the action has no such phase for.
    /// Written into the row being built.
    static func appendAttemptDetail(_ a: AttemptRecord?, to row: inout CSVWriter) {
        if let notice = a?.notice {
            row.field(json: notice.sentAt.seconds); row.field(json: notice.dueAt.seconds)
            row.field(notice.extended ? "true" : "false")
        } else {
            row.field(""); row.field(""); row.field("")
        }
        guard let a, let parts = a.downtimeParts else {
            for _ in 0..<4 { row.field("") }
            return
        }
        switch a.action {
        case .live:
            row.field(""); row.field(""); row.field(""); row.field(json: parts.blackout.seconds)
        case .stop:
            row.field(json: parts.stop.seconds); row.field(""); row.field(""); row.field("")
        case .reboot, .manual, .cold, .restart:
            row.field(json: parts.stop.seconds); row.field(json: parts.copy.seconds); row.field(json: parts.boot.seconds)
            row.field("")
        }
    }
}
