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
    /// Appended to the row being built (no array of its own per row).
    static func appendAttemptDetail(_ a: AttemptRecord?, to row: inout [String]) {
        if let notice = a?.notice {
            row.append(seconds(notice.sentAt)); row.append(seconds(notice.dueAt)); row.append(notice.extended ? "true" : "false")
        } else {
            row.append(""); row.append(""); row.append("")
        }
        guard let a, let parts = a.downtimeParts else {
            for _ in 0..<4 { row.append("") }
            return
        }
        switch a.action {
        case .live:
            row.append(""); row.append(""); row.append(""); row.append(seconds(parts.blackout))
        case .stop:
            row.append(seconds(parts.stop)); row.append(""); row.append(""); row.append("")
        case .reboot, .manual, .cold, .restart:
            row.append(seconds(parts.stop)); row.append(seconds(parts.copy)); row.append(seconds(parts.boot)); row.append("")
        }
    }

    private static func seconds(_ t: SimTime) -> String { NumberText.json(t.seconds) }
}
