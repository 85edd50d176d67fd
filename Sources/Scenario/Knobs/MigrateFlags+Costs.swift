/// `fleetsim migrate` flags of docs/migrate.md's "Costs" section.
extension MigrateFlags {
    // MARK: Wire format and fixed costs

    public static let pageHeader = FlagKnob(
        "page-header", argument: "SIZE", valueName: "size",
        help: "Header in front of each page on the wire. Default 8B (ram.c save_page_header).",
        default: "`8B`",
        notes: "ram.c save_page_header: one 8-byte offset\\|flags word per page")
    public static let zeroPageWire = FlagKnob(
        "zero-page-wire", argument: "SIZE", valueName: "size",
        help: "Wire size of a zero page. Default 9B (ram.c save_zero_page: header + 1 byte).",
        default: "`9B`",
        notes: "ram.c save_zero_page: RAM_SAVE_FLAG_ZERO header plus one byte")
    public static let zeroScanRate = FlagKnob(
        "zero-scan-rate", argument: "RATE\\|unlimited", valueName: "rate|unlimited",
        help: "Speed of checking pages for zeros (buffer_is_zero), or 'unlimited' for free. Default 10GiB/s (assumption).",
        default: "`10GiB/s`",
        notes: "*assumption*: buffer_is_zero reads each zero page in full; `unlimited` makes the scan free. It is CPU time of the migration thread, so it is the rate beside a running guest: on the validation machine (2 cores, one kept busy by foreign load, TCG) 1.5 M pages/s (~5.7 GiB/s) beside a halted guest, 1.0 M (~3.8 GiB/s) beside a running one (Validation/qemu-7.2, `ValidationMachine.migrationThreadCoreShare`)")
    public static let setupTime = FlagKnob(
        "setup-time", argument: "DURATION", valueName: "duration",
        help: "Setup before the first byte. Default 50ms (assumption).",
        default: "`50ms`",
        notes: "*assumption*: connection, dirty-log start, first sync")
    public static let stopLatency = FlagKnob(
        "stop-latency", argument: "DURATION", valueName: "duration",
        help: "Time from the switchover decision until the vCPUs stop; the guest keeps dirtying. Default 0s.",
        default: "`0s`",
        notes: "*assumption*: from the switchover decision until the vCPUs stop; the guest keeps dirtying meanwhile")
    public static let switchoverOverhead = FlagKnob(
        "switchover-overhead", argument: "DURATION", valueName: "duration",
        help: "Target resume, network announce and other fixed switchover work. Default 30ms (assumption).",
        default: "`30ms`",
        notes: "*assumption*: target resume, network announce")
    static var costs: [FlagKnob] {
        [pageHeader, zeroPageWire, zeroScanRate, setupTime, stopLatency, switchoverOverhead]
    }

    static var costsTable: KnobTable {
        KnobTable(id: "migrate.costs", file: .migrate, header: "| flag | default | source / notes |", knobs: costs)
    }
}
