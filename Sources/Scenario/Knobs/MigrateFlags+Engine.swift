/// `fleetsim migrate` flags of docs/migrate.md's "Engine" section.
extension MigrateFlags {
    // MARK: QEMU migration parameters and capabilities

    public static let preset = FlagKnob(
        "preset", argument: "qemu\\|libvirt\\|nova\\|kubevirt\\|xen\\|simgrid", valueName: "name",
        help: "Management preset: qemu, libvirt, nova, kubevirt or xen.",
        default: "`qemu`",
        notes: "see [Presets](#presets)")
    public static let messageLatency = FlagKnob(
        "message-latency", argument: "DURATION", valueName: "duration",
        help: "Route latency paid by every message of the simgrid loop (each round, the final copy and the destination's acknowledgement; SimGrid CM02: the sum of the route's link latencies). Default 0.",
        default: "`0s`",
        notes: "`simgrid` rounds only: the route latency every message pays before its bytes flow (SimGrid's CM02 network model: the sum of the route's link latencies), i.e. each round, stage 3 and the final acknowledgement. E.g. `--preset simgrid --memory 2GiB --dirty 100MB/s --bandwidth 2Gbit/s --message-latency 20us` gives SimGrid's 14.307440 s, 14.107 ms, stage 1 + 6 rounds")
    public static let precopyLoop = FlagKnob(
        "precopy-loop", argument: "qemu\\|per-pass\\|simgrid", valueName: "qemu|per-pass|simgrid",
        help: "Engine granularity: qemu (QEMU's thread loop: mid-scan syncs, zero pages interleaved) per-pass (the textbook model: sync and switchover test at the end of each pass) or simgrid (SimGrid 3.32's rounds; set by --preset simgrid). Default qemu; xen always per-pass.",
        default: "`qemu` (`simgrid` under that preset)",
        notes: "`qemu`: QEMU's migration thread (migration.c migration_thread / migration_iteration_run / migration_rate_limit, ram.c ram_save_iterate): check pending against the threshold, maybe sync (mid-scan, whenever what is left in the bitmap is below the threshold), maybe complete, else one send step that ends at the window quota, after 50 ms (MAX_WAIT) or when nothing dirty is left; the threshold changes only when a window of at least 100 ms closes at a loop boundary; pages in address order with zero pages interleaved (9 B each, a zero check each, 4 KiB of \"remaining\" until scanned); the scan position survives a sync. A table row is then the interval between two syncs. `per-pass`: the textbook model (sync and switchover test at the end of a pass; the closed forms). `xen` is always per-pass (xc_domain_save works pass by pass)")
    public static let qemuVersion = FlagKnob(
        "qemu-version", argument: "7.2\\|8.2+", valueName: "7.2|8.2+",
        help: "QEMU release whose migration-thread rules apply: 7.2 (completes at once when nothing is pending, even before the first 100 ms window closes) or 8.2+ (current). Default 8.2+.",
        default: "`8.2+`",
        notes: "the rules that changed: 7.2 completes when nothing at all is pending even before the first window closes (threshold still 0); 8.0 and later wait for the first window, sync, then complete")
    public static let firstPassRate = FlagKnob(
        "first-pass-rate", argument: "RATE\\|none", valueName: "rate|none",
        help: "Send rate of non-zero pages in the first pass over memory (a fresh destination faults its memory in), or 'none'. Default none.",
        default: "none",
        notes: "send rate of non-zero pages in the first pass over memory when lower than the link (a fresh destination faults its memory in). Measured 200–330 MiB/s under a 512 MiB/s limit on the validation machine (Validation/qemu-7.2/README.md); `qemu` loop only")
    public static let downtimeLimit = FlagKnob(
        "downtime-limit", argument: "DURATION", valueName: "duration",
        help: "QEMU downtime-limit (default 300ms, DEFAULT_MIGRATE_SET_DOWNTIME in options.c; at most 2000s). Under a downtime ramp (nova) use --downtime-steps 0 first.",
        default: "`300ms`",
        notes: "QEMU `downtime-limit` (DEFAULT_MIGRATE_SET_DOWNTIME, migration/options.c), at most 2000 s (MAX_MIGRATE_DOWNTIME_SECONDS). Switchover when the dirty bytes at a sync are below bandwidth × limit. Must be above 0. A stated limit replaces a preset's ramp (`nova`'s), as `downtime_limit` does in scenario files; with a ramp flag (`--downtime-steps` above 0, `--downtime-delay`, `--max-downtime`) as well it is an error")
    public static let autoConverge = FlagKnob(
        "auto-converge", argument: nil, valueName: nil,
        help: "Enable auto-converge (QEMU's auto-converge capability): throttle the guest's vCPUs when it dirties faster than the wire.",
        default: "off",
        notes: "the `auto-converge` capability")
    public static let throttleInitial = FlagKnob(
        "throttle-initial", argument: "P", valueName: "percent",
        help: "cpu-throttle-initial, 1-99 (default 20).",
        default: "`20`",
        notes: "`cpu-throttle-initial`, 1–99 (DEFAULT_MIGRATE_CPU_THROTTLE_INITIAL); `20` or `20%`")
    public static let throttleIncrement = FlagKnob(
        "throttle-increment", argument: "P", valueName: "percent",
        help: "cpu-throttle-increment, 1-99 (default 10).",
        default: "`10`",
        notes: "`cpu-throttle-increment`, 1–99 (DEFAULT_MIGRATE_CPU_THROTTLE_INCREMENT)")
    public static let throttleMax = FlagKnob(
        "throttle-max", argument: "P", valueName: "percent",
        help: "max-cpu-throttle, from --throttle-initial to 99 (default 99).",
        default: "`99`",
        notes: "`max-cpu-throttle`, from `cpu-throttle-initial` to 99 (DEFAULT_MIGRATE_MAX_CPU_THROTTLE)")
    public static let throttleTrigger = FlagKnob(
        "throttle-trigger", argument: "P", valueName: "percent",
        help: "throttle-trigger-threshold: throttle when bytes dirtied exceed this share of bytes sent over a sync period, 1-100 (default 50).",
        default: "`50`",
        notes: "`throttle-trigger-threshold`, 1–100 (DEFAULT_MIGRATE_THROTTLE_TRIGGER_THRESHOLD): over sync periods of at least 1 s, a period is \"high\" when bytes dirtied exceed this share of bytes sent; every second high period raises the throttle (ram.c migration_trigger_throttle)")
    public static let throttleTailslow = FlagKnob(
        "throttle-tailslow", argument: nil, valueName: nil,
        help: "cpu-throttle-tailslow: smaller increments as the guest nears the threshold (default off).",
        default: "off",
        notes: "`cpu-throttle-tailslow` (x-cpu-throttle-tailslow false)")
    public static let postcopy = FlagKnob(
        "postcopy", argument: nil, valueName: nil,
        help: "Enable post-copy (postcopy-ram): switch on the timeout action 'postcopy' or a force-complete event.",
        default: "off",
        notes: "the `postcopy-ram` capability: post-copy happens on timeout action `postcopy` or a `force-complete` event")
    public static let postcopyAfter = FlagKnob(
        "postcopy-after", argument: "N", valueName: "n",
        help: "Switch to post-copy after N pre-copy passes (implies --postcopy).",
        default: "none",
        notes: "switch to post-copy after N pre-copy passes (implies `--postcopy`)")
    public static let maxPostcopyBandwidth = FlagKnob(
        "max-postcopy-bandwidth", argument: "RATE\\|unlimited", valueName: "rate|unlimited",
        help: "max-postcopy-bandwidth for the background page push. Default unlimited (options.c).",
        default: "unlimited",
        notes: "`max-postcopy-bandwidth` (DEFAULT_MIGRATE_MAX_POSTCOPY_BANDWIDTH 0 = unlimited)")
    public static let postcopyFaultRtt = FlagKnob(
        "postcopy-fault-rtt", argument: "DURATION", valueName: "duration",
        help: "Round trip of one post-copy page fault. Default 0.5ms (assumption).",
        default: "`0.5ms`",
        notes: "*assumption*: a data-centre round trip plus the page, per post-copy page fault")
    public static let xbzrle = FlagKnob(
        "xbzrle", argument: nil, valueName: nil,
        help: "Enable XBZRLE delta compression of re-sent pages (from pass 1 on).",
        default: "off",
        notes: "the `xbzrle` capability; only pages re-sent from pass 1 on are delta-encoded (ram.c skips XBZRLE in the bulk stage)")
    public static let xbzrleCache = FlagKnob(
        "xbzrle-cache", argument: "SIZE", valueName: "size",
        help: "xbzrle-cache-size. Default 64MiB (options.c).",
        default: "`64MiB`",
        notes: "`xbzrle-cache-size` (DEFAULT_MIGRATE_XBZRLE_CACHE_SIZE); the hit ratio is capped at cache / pass size")
    public static let xbzrleHitRatio = FlagKnob(
        "xbzrle-hit-ratio", argument: "F", valueName: "fraction",
        help: "Share of re-sent pages found in the XBZRLE cache. Default 0.5 (assumption).",
        default: "`0.5`",
        notes: "*assumption* (workload property)")
    public static let xbzrleEncoded = FlagKnob(
        "xbzrle-encoded", argument: "F", valueName: "fraction",
        help: "Encoded size of a cache hit as a share of the page. Default 0.25 (assumption).",
        default: "`0.25`",
        notes: "*assumption*: encoded size of a hit as a share of the page")
    static var engine: [FlagKnob] {
        [preset, messageLatency, precopyLoop, qemuVersion, firstPassRate, downtimeLimit, autoConverge, throttleInitial, throttleIncrement, throttleMax, throttleTrigger, throttleTailslow, postcopy, postcopyAfter, maxPostcopyBandwidth, postcopyFaultRtt, xbzrle, xbzrleCache, xbzrleHitRatio, xbzrleEncoded]
    }

    static var engineTable: KnobTable {
        KnobTable(id: "migrate.engine", file: .migrate, header: "| flag | default | source / notes |", knobs: engine)
    }
}
