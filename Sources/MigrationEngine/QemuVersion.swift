import Foundation

/// The QEMU release whose migration-thread rules the `qemu` loop follows, for the rules that
/// changed between releases.
public enum QemuVersion: String, Sendable, Equatable, CaseIterable {
    /// QEMU 7.2 (migration/migration.c migration_iteration_run at v7.2.0): the thread completes
    /// when the pending estimate is 0 *or* below the threshold (`if (pending_size &&
    /// pending_size >= s->threshold_size)` guards the next send step), so a guest whose first
    /// pass ends before the first 100 ms window closes completes at once, threshold still 0.
    case v7_2 = "7.2"
    /// QEMU 8.0 and later up to the current tag (migration_iteration_run: completion needs
    /// `pending_size < s->threshold_size`; the `!pending_size` shortcut was dropped when
    /// ram_save_pending was split into qemu_savevm_state_pending_estimate/_exact): with nothing
    /// pending and the threshold still 0 the thread spins on empty send steps until the first
    /// window closes, then syncs and completes.
    case v8_2 = "8.2+"

    /// Whether a check that finds nothing pending completes even while the threshold is 0.
    public var completesWhenNothingPending: Bool { self == .v7_2 }

    /// Parse `7.2`, `8.2`, `8.2+`, `9`, `10.1`...: anything before 8 is 7.2's rule, 8 and later the current one.
    public init?(text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let exact = QemuVersion(rawValue: t) { self = exact; return }
        let major = t.split(separator: ".").first.flatMap { Int($0.filter(\.isNumber)) }
        guard let m = major, m >= 1 else { return nil }
        self = m < 8 ? .v7_2 : .v8_2
    }
}
