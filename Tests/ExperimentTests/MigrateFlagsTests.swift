import ArgumentParser
import Experiment
import Scenario
import Testing

/// The `migrate` flags are the knob table's (`MigrateFlags`): every flag of the table has
/// exactly one option in `MigrateOptions` and every option has its row, so a flag cannot be
/// added, renamed or dropped on one side only (docs/migrate.md is generated from the table).
@Suite struct MigrateFlagsTests {
    /// Flags the command declares itself (its output), documented in the table's "Run" rows.
    static let commandFlags: Set<String> = ["json"]

    /// The long flags `MigrateOptions` declares, as `--help` lists them (one line each).
    static func declaredFlags() -> [String] {
        MigrateOptions.helpMessage(columns: 10_000).split(separator: "\n").compactMap { line -> String? in
            let words = line.split(separator: " ")
            guard let first = words.first, first.hasPrefix("--") || first.hasPrefix("-h,") else { return nil }
            let long = words.first { $0.hasPrefix("--") }.map { $0.dropFirst(2) } ?? ""
            return String(long.prefix { $0.isLetter || $0.isNumber || $0 == "-" })
        }
    }

    @Test func everyTableFlagHasExactlyOneOption() {
        let declared = Self.declaredFlags().filter { $0 != "help" }
        let table = MigrateFlags.all.map(\.name).filter { !Self.commandFlags.contains($0) }
        #expect(Set(table).count == table.count, "a flag appears twice in the knob table")
        for name in table {
            #expect(declared.filter { $0 == name }.count == 1, "--\(name): \(declared.filter { $0 == name }.count) options in MigrateOptions")
        }
        let undocumented = Set(declared).subtracting(table)
        #expect(undocumented.isEmpty, "options without a knob-table row: \(undocumented.sorted())")
    }

    /// Where `MigrateOptions` holds a default value, the table's default text is that value as
    /// typed (the typed values keep their text; `--help` prints the table's).
    @Test func tableDefaultsAreTheOptionDefaults() throws {
        let o = try MigrateOptions.parse(["--memory", "1GiB", "--bandwidth", "1Gbit/s"])
        let pairs: [(FlagKnob, String)] = [
            (MigrateFlags.dirtyDistribution, o.dirtyDistribution.text), (MigrateFlags.dirtyModel, o.dirtyModel.text),
            (MigrateFlags.seed, o.seed.text), (MigrateFlags.pageSize, o.pageSize.text), (MigrateFlags.preset, o.preset.text),
            (MigrateFlags.horizon, o.horizon.text),
        ]
        for (knob, value) in pairs {
            #expect(knob.defaultText == "`\(value)`", "\(knob.flag): table says \(knob.defaultText), the option defaults to \(value)")
        }
    }

    /// Flag names users' scripts rely on, as of the knob table's introduction: each must still be
    /// declared (a rename in the table would rename the flag). New flags need no entry here.
    static let publishedFlags = [
        "memory", "dirty", "hot-fraction", "hot-dirty", "dirty-distribution", "phase", "dirty-model", "dirty-trace",
        "seed", "page-size", "zero-pages", "device-state", "bandwidth", "bandwidth-change", "max-bandwidth",
        "avail-switchover-bandwidth", "rate-window", "multifd-channels", "channel-rate", "preset", "message-latency",
        "precopy-loop", "qemu-version", "first-pass-rate", "downtime-limit", "auto-converge", "throttle-initial",
        "throttle-increment", "throttle-max", "throttle-trigger", "throttle-tailslow", "postcopy", "postcopy-after",
        "max-postcopy-bandwidth", "postcopy-fault-rtt", "xbzrle", "xbzrle-cache", "xbzrle-hit-ratio", "xbzrle-encoded",
        "page-header", "zero-page-wire", "zero-scan-rate", "setup-time", "stop-latency", "switchover-overhead",
        "completion-timeout", "completion-timeout-per-gib", "timeout-action", "progress-timeout", "downtime-steps",
        "downtime-delay", "max-downtime", "max-live-passes", "max-sent-factor", "min-pages-per-pass", "limit-action",
        "switchover-rule", "event", "horizon", "max-steps", "max-memory",
    ]

    @Test func publishedFlagNamesStillExist() {
        let declared = Set(Self.declaredFlags())
        let missing = Self.publishedFlags.filter { !declared.contains($0) }
        #expect(missing.isEmpty, "flags renamed or removed: \(missing)")
    }
}
