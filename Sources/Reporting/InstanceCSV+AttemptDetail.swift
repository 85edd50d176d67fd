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
    static func attemptDetail(_ a: AttemptRecord?) -> [String] {
        let notice = a?.notice.map { [seconds($0.sentAt), seconds($0.dueAt), $0.extended ? "true" : "false"] }
            ?? ["", "", ""]
        guard let a, let parts = a.downtimeParts else { return notice + ["", "", "", ""] }
        switch a.action {
        case .live: return notice + ["", "", "", seconds(parts.blackout)]
        case .stop: return notice + [seconds(parts.stop), "", "", ""]
        case .reboot, .manual, .cold, .restart:
            return notice + [seconds(parts.stop), seconds(parts.copy), seconds(parts.boot), ""]
        }
    }

    private static func seconds(_ t: SimTime) -> String { NumberText.json(t.seconds) }
}
