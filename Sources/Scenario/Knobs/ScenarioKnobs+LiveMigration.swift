import MigrationEngine
import SimKernel

/// Scenario knobs: `campaign.live_migration`, the engine knobs of scenarios.
extension ScenarioKnobs {
    /// `campaign.live_migration`
    enum LiveMigration {
        /// Nova's management (downtime ramp, completion timeout, abort) is the default for fleet
        /// campaigns: a bare QEMU migration never gives up, which no fleet operator runs.
        static var preset: Knob<ManagementPreset> {
            Knob(KnobDoc(
                "preset", type: "`qemu`, `libvirt`, `nova`, `kubevirt`, `xen`, `simgrid`", default: "`nova`",
                meaning: "management layer. Nova is the fleet default (downtime ramp, completion timeout, abort): bare QEMU never gives up, which no fleet operator runs"),
                 .enumeration(ManagementPreset.self, noun: "preset"), default: .nova, flag: MigrateFlags.preset)
        }
        /// `.some(nil)` for `unlimited`; absent keeps the preset's cap.
        static var maxBandwidth: Knob<Double?> {
            Knob(KnobDoc(
                "max_bandwidth", type: "rate > 0 or `unlimited`", default: "preset (`nova`: unlimited; `qemu`: 128 MiB/s)",
                meaning: "per-migration cap; the flow also gets no more than its links' fair share"),
                 .rateOrUnlimited, flag: MigrateFlags.maxBandwidth)
        }
        static var downtimeLimit: Knob<SimTime> {
            Knob(KnobDoc(
                "downtime_limit", type: "duration > 0", default: "preset (`qemu`: 300 ms; `nova`: its ramp)",
                meaning: "switchover threshold. A stated limit is the limit, under every preset: it replaces `nova`'s downtime ramp (50 ms rising to 500 ms), as `fleetsim migrate --downtime-limit` does"),
                 .duration(range: .positive).validated(expected: "a positive duration of at most \(SimTimeFormat.human(SimTime(seconds: EngineLimits.maxDowntimeLimitSeconds)))") {
                     EngineLimits.isValidDowntimeLimit(seconds: $0.seconds)
                 }, flag: MigrateFlags.downtimeLimit)
        }
        static var autoConverge: Knob<Bool> {
            Knob(KnobDoc(
                "auto_converge", type: "bool", default: "preset (off)",
                meaning: "the `auto-converge` capability, with QEMU's default throttle"),
                 .bool, flag: MigrateFlags.autoConverge)
        }
        static var postcopyAfter: Knob<Int> {
            Knob(KnobDoc(
                "postcopy_after", type: "count from 1 to 1000000", default: "none",
                meaning: "switch to post-copy after this many pre-copy passes"),
                 .count(range: EngineLimits.postcopyAfterPasses), flag: MigrateFlags.postcopyAfter)
        }
        /// The engine's default (`MigrationParameters.pageSizeBytes`, TARGET_PAGE_SIZE on x86) applies when absent.
        static var pageSize: Knob<Int64> {
            Knob(KnobDoc(
                "page_size", type: "power of two from 512 B to 1 GiB", default: "`4KiB`",
                meaning: "guest page size (as `fleetsim migrate --page-size`)"),
                 .bytes(range: .positive).validated(expected: EngineLimits.pageSizeExpected) {
                     EngineLimits.isValidPageSize(bytes: Double($0))
                 }, flag: MigrateFlags.pageSize)
        }
        /// Absent: the engine's default (`MigrationParameters.deviceStateBytes`).
        static var deviceState: Knob<Int64> {
            Knob(KnobDoc(
                "device_state", type: "byte size", default: "`1MiB`",
                meaning: "device state sent during downtime (an assumption)"),
                 .bytes, flag: MigrateFlags.deviceState)
        }
        static var qemuVersion: Knob<QemuVersion> {
            Knob(KnobDoc(
                "qemu_version", type: "`7.2` or `8.2+`", default: "`8.2+`",
                meaning: "QEMU release whose migration-thread rules apply. `7.2` completes at once when nothing at all is pending, even before the first 100 ms window has set a threshold (migration.c migration_iteration_run at v7.2.0); `8.2+` (8.0 up to the current tag) needs pending < threshold, so it waits for the first window to close"),
                 .enumeration(QemuVersion.self, noun: "QEMU version"), flag: MigrateFlags.qemuVersion)
        }
        static var firstPassRate: Knob<Double> {
            Knob(KnobDoc(
            "first_pass_rate", type: "rate > 0", default: "none (off)",
            meaning: "send rate of non-zero pages during the first pass over memory, when lower than the link: a fresh destination faults its memory in as it arrives. Measured: 200–330 MiB/s under a 512 MiB/s limit on the validation machine (Validation/qemu-7.2/README.md)"),
                 .quantity(.bytesPerSecond, range: .positive), flag: MigrateFlags.firstPassRate)
        }

        static var table: KnobTable {
            KnobTable(id: "campaign.live_migration", file: .scenarioReference, header: "| key | type | default | meaning (source of the default) |", knobs: [
                preset, maxBandwidth, downtimeLimit, autoConverge, postcopyAfter, pageSize, deviceState, qemuVersion, firstPassRate])
        }
    }
}
