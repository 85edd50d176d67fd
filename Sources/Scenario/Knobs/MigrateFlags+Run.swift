/// `fleetsim migrate` flags of docs/migrate.md's "Run" section.
extension MigrateFlags {
    // MARK: Run

    public static let event = FlagKnob(
        "event", argument: "TIME=EVENT", valueName: "time=event",
        help: "External event at an elapsed time, e.g. 90s=force-complete (repeatable): source-failure, target-failure, link-failure, link-restored, cancel, force-complete.",
        default: "none",
        notes: "repeatable external event: `source-failure`, `target-failure`, `link-failure`, `link-restored`, `cancel`, `force-complete` (Nova `live-migration-force-complete`: post-copy if enabled, else pause and copy)")
    public static let horizon = FlagKnob(
        "horizon", argument: "DURATION", valueName: "duration",
        help: "Stop the run here and report 'running' if the migration has not ended (a guest that never converges under qemu runs forever).",
        default: "`24h`",
        notes: "fleetsim's choice: stop and report `running` if the migration has not ended. QEMU alone never gives up, so a guest that never converges under `qemu` needs an end")
    public static let json = FlagKnob(
        "json", argument: nil, valueName: nil,
        help: nil,
        default: "off",
        notes: "one JSON object instead of the table")
    public static let maxSteps = FlagKnob(
        "max-steps", argument: "N", valueName: "n",
        help: "Stop after this many controller steps and report 'running (work limit reached)': a guest that never converges over a horizon of years would otherwise run for hours. Default 200000.",
        default: "`200000`",
        notes: "fleetsim's choice: stop after N controller steps (about one per pass) and report `running (work limit reached)`; a year of a non-converging 16 GiB guest")
    public static let maxMemory = FlagKnob(
        "max-memory", argument: "SIZE", valueName: "size",
        help: "Refuse a run estimated to need more memory than this (the bitmap model, a trace file). Default: half the physical memory.",
        default: "half the physical memory",
        notes: "refuse a run estimated to need more: the `bitmap` model's page bitmap (one bit per page), a `--dirty-trace` file")
    static var run: [FlagKnob] {
        [event, horizon, json, maxSteps, maxMemory]
    }

    static var runTable: KnobTable {
        KnobTable(id: "migrate.run", file: .migrate, header: "| flag | default | notes |", knobs: run)
    }
}
