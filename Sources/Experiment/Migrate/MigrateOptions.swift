import ArgumentParser

/// The flags of `fleetsim migrate` that describe one migration (guest, wire, engine,
/// management layer, run), as text: `MigrateSetup` parses and checks them into engine
/// parameters. A library type, so tests and other tools can build a migration from flags
/// without the binary (`MigrateOptions.parse(["--memory", "8GiB", ...])`); the command adds
/// its output flags (`--json`, `--sweep`, `--csv`).
public struct MigrateOptions: ParsableArguments {
    public init() {}

    // MARK: guest

    @Option(parsing: .unconditional, help: ArgumentHelp("Guest memory (required), e.g. 16GiB; a whole number of pages.", valueName: "size"))
    public var memory: String

    @Option(parsing: .unconditional, help: ArgumentHelp("Guest write rate: 200MiB/s, 50000pages/s or 2%/s (of memory per second). With --hot-fraction, the rate of the cold rest of memory. Default 0.", valueName: "rate"))
    public var dirty: String?

    @Option(help: ArgumentHelp("How writes land on a region: uniform (at random) or sequential (on pages not yet written since the last sync).", valueName: "uniform|sequential"))
    public var dirtyDistribution: String = "uniform"

    @Option(help: ArgumentHelp("Dirty-memory model: analytic (expected distinct pages, O(1)), bitmap (a real page bitmap, writes drawn from a GSL stream seeded by --seed) or trace (replays --dirty-trace).", valueName: "analytic|bitmap|trace"))
    public var dirtyModel: String = "analytic"

    @Option(help: ArgumentHelp("Share of memory that is hot, e.g. 10%; needs --hot-dirty.", valueName: "fraction"))
    public var hotFraction: String?

    @Option(help: ArgumentHelp("Write rate of the hot region, in the forms of --dirty.", valueName: "rate"))
    public var hotDirty: String?

    @Option(help: ArgumentHelp("From TIME on, multiply every write rate by FACTOR, e.g. 60s=2 (repeatable; analytic and bitmap).", valueName: "time=factor"))
    public var phase: [String] = []

    @Option(help: ArgumentHelp("CSV of 'seconds,bytes_per_second' lines for --dirty-model trace (e.g. dirty-pages-rate sampled from query-migrate).", valueName: "file"))
    public var dirtyTrace: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Seed of the bitmap model's random stream.", valueName: "n"))
    public var seed: String = "1"

    @Option(help: ArgumentHelp("Page size (TARGET_PAGE_SIZE 4KiB on x86; 2MiB for huge pages). A power of two.", valueName: "size"))
    public var pageSize: String = "4KiB"

    @Option(help: ArgumentHelp("Fraction of pages that are all zeros in pass 0 (sent as a 9-byte marker). Default 0.", valueName: "fraction"))
    public var zeroPages: String?

    @Option(help: ArgumentHelp("Device state sent during downtime (VFIO devices can be large). Default 1MiB (assumption).", valueName: "size"))
    public var deviceState: String?

    // MARK: wire

    @Option(parsing: .unconditional, help: ArgumentHelp("Link rate (required), e.g. 10Gbit/s.", valueName: "rate"))
    public var bandwidth: String

    @Option(help: ArgumentHelp("From TIME on the link runs at RATE, e.g. 60s=5Gbit/s (repeatable).", valueName: "time=rate"))
    public var bandwidthChange: [String] = []

    @Option(help: ArgumentHelp("QEMU max-bandwidth cap, or 'unlimited'. Default: the preset's (qemu 128MiB/s, MAX_THROTTLE in migration/options.c; the others unlimited).", valueName: "rate|unlimited"))
    public var maxBandwidth: String?

    @Option(help: ArgumentHelp("QEMU avail-switchover-bandwidth: used for the switchover threshold instead of the last 100 ms window's throughput. Default none.", valueName: "rate|none"))
    public var availSwitchoverBandwidth: String?

    @Option(help: ArgumentHelp("Rate-limit and bandwidth-estimate window (BUFFER_DELAY, migration.h). Default 100ms.", valueName: "duration"))
    public var rateWindow: String?

    @Option(help: ArgumentHelp("QEMU release whose migration-thread rules apply: 7.2 (completes at once when nothing is pending, even before the first 100 ms window closes) or 8.2+ (current). Default 8.2+.", valueName: "7.2|8.2+"))
    public var qemuVersion: String?

    @Option(help: ArgumentHelp("Engine granularity: qemu (QEMU's thread loop: mid-scan syncs, zero pages interleaved) per-pass (the textbook model: sync and switchover test at the end of each pass) or simgrid (SimGrid 3.32's rounds; set by --preset simgrid). Default qemu; xen always per-pass.", valueName: "qemu|per-pass|simgrid"))
    public var precopyLoop: String?

    @Option(help: ArgumentHelp("Route latency paid by every message of the simgrid loop (each round, the final copy and the destination's acknowledgement; SimGrid CM02: the sum of the route's link latencies). Default 0.", valueName: "duration"))
    public var messageLatency: String?

    @Option(help: ArgumentHelp("Send rate of non-zero pages in the first round over memory (a fresh destination faults its memory in), or 'none'. Default none.", valueName: "rate|none"))
    public var firstPassRate: String?

    @Option(help: ArgumentHelp("Multifd channels (1 = a single stream; QEMU's multifd default is 2). Default 1.", valueName: "n"))
    public var multifdChannels: String?

    @Option(help: ArgumentHelp("What one stream can carry; the migration uses at most channels x this. Default none.", valueName: "rate|none"))
    public var channelRate: String?

    // MARK: QEMU migration parameters

    @Option(help: ArgumentHelp("Management preset: qemu, libvirt, nova, kubevirt or xen.", valueName: "name"))
    public var preset: String = "qemu"

    @Option(parsing: .unconditional, help: ArgumentHelp("QEMU downtime-limit (default 300ms, DEFAULT_MIGRATE_SET_DOWNTIME in options.c; at most 2000s). Under a downtime ramp (nova) use --downtime-steps 0 first.", valueName: "duration"))
    public var downtimeLimit: String?

    @Flag(help: "Enable auto-converge (QEMU's auto-converge capability): throttle the guest's vCPUs when it dirties faster than the wire.")
    public var autoConverge = false

    @Option(help: ArgumentHelp("cpu-throttle-initial, 1-99 (default 20).", valueName: "percent"))
    public var throttleInitial: String?

    @Option(help: ArgumentHelp("cpu-throttle-increment, 1-99 (default 10).", valueName: "percent"))
    public var throttleIncrement: String?

    @Option(help: ArgumentHelp("max-cpu-throttle, from --throttle-initial to 99 (default 99).", valueName: "percent"))
    public var throttleMax: String?

    @Option(help: ArgumentHelp("throttle-trigger-threshold: throttle when bytes dirtied exceed this share of bytes sent over a sync period, 1-100 (default 50).", valueName: "percent"))
    public var throttleTrigger: String?

    @Flag(help: "cpu-throttle-tailslow: smaller increments as the guest nears the threshold (default off).")
    public var throttleTailslow = false

    @Flag(help: "Enable post-copy (postcopy-ram): switch on the timeout action 'postcopy' or a force-complete event.")
    public var postcopy = false

    @Option(help: ArgumentHelp("Switch to post-copy after N pre-copy passes (implies --postcopy).", valueName: "n"))
    public var postcopyAfter: String?

    @Option(help: ArgumentHelp("max-postcopy-bandwidth for the background page push. Default unlimited (options.c).", valueName: "rate|unlimited"))
    public var maxPostcopyBandwidth: String?

    @Option(help: ArgumentHelp("Round trip of one post-copy page fault. Default 0.5ms (assumption).", valueName: "duration"))
    public var postcopyFaultRtt: String?

    @Flag(help: "Enable XBZRLE delta compression of re-sent pages (from pass 1 on).")
    public var xbzrle = false

    @Option(help: ArgumentHelp("xbzrle-cache-size. Default 64MiB (options.c).", valueName: "size"))
    public var xbzrleCache: String?

    @Option(help: ArgumentHelp("Share of re-sent pages found in the XBZRLE cache. Default 0.5 (assumption).", valueName: "fraction"))
    public var xbzrleHitRatio: String?

    @Option(help: ArgumentHelp("Encoded size of a cache hit as a share of the page. Default 0.25 (assumption).", valueName: "fraction"))
    public var xbzrleEncoded: String?

    // MARK: wire format and fixed costs

    @Option(help: ArgumentHelp("Header in front of each page on the wire. Default 8B (ram.c save_page_header).", valueName: "size"))
    public var pageHeader: String?

    @Option(help: ArgumentHelp("Wire size of a zero page. Default 9B (ram.c save_zero_page: header + 1 byte).", valueName: "size"))
    public var zeroPageWire: String?

    @Option(help: ArgumentHelp("Speed of checking pages for zeros (buffer_is_zero), or 'unlimited' for free. Default 10GiB/s (assumption).", valueName: "rate|unlimited"))
    public var zeroScanRate: String?

    @Option(help: ArgumentHelp("Setup before the first byte. Default 50ms (assumption).", valueName: "duration"))
    public var setupTime: String?

    @Option(help: ArgumentHelp("Time from the switchover decision until the vCPUs stop; the guest keeps dirtying. Default 0s.", valueName: "duration"))
    public var stopLatency: String?

    @Option(help: ArgumentHelp("Target resume, network announce and other fixed switchover work. Default 30ms (assumption).", valueName: "duration"))
    public var switchoverOverhead: String?

    // MARK: management

    @Option(help: ArgumentHelp("Completion timeout, or 'none'. Default: the preset's (nova 800s/GiB, kubevirt 150s/GiB, others none).", valueName: "duration|none"))
    public var completionTimeout: String?

    @Option(help: ArgumentHelp("Completion timeout per GiB of guest memory (nova: of max(RAM, 2GiB)), e.g. 800s.", valueName: "duration"))
    public var completionTimeoutPerGib: String?

    @Option(help: ArgumentHelp("What the completion timeout does: abort, pause (pause the guest and copy the rest) or postcopy (implies --postcopy). Allowed: libvirt pause|postcopy, kubevirt abort|postcopy, nova all; qemu and xen only with --completion-timeout.", valueName: "action"))
    public var timeoutAction: String?

    @Option(help: ArgumentHelp("Abort when the dirty set has not reached a new minimum for this long, or 'none'. Default: kubevirt 150s, others none.", valueName: "duration|none"))
    public var progressTimeout: String?

    @Option(help: ArgumentHelp("Nova downtime ramp: number of steps (live_migration_downtime_steps, default 10 under nova); 0 = no ramp.", valueName: "n"))
    public var downtimeSteps: String?

    @Option(help: ArgumentHelp("Nova downtime ramp: delay between steps per GiB, whole seconds (live_migration_downtime_delay, default 75s).", valueName: "duration"))
    public var downtimeDelay: String?

    @Option(help: ArgumentHelp("Nova downtime ramp: final limit, whole milliseconds (live_migration_downtime, default 500ms).", valueName: "duration"))
    public var maxDowntime: String?

    @Option(help: ArgumentHelp("Xen: at most N live passes, or 'none' (DEF_MAX_ITERS 29 under xen).", valueName: "n|none"))
    public var maxLivePasses: String?

    @Option(help: ArgumentHelp("Xen: stop once pages sent exceed this factor x guest pages, or 'none' (DEF_MAX_FACTOR 3 under xen).", valueName: "factor|none"))
    public var maxSentFactor: String?

    @Option(help: ArgumentHelp("Xen: stop once a pass sends fewer pages than this, or 'none' (50 under xen).", valueName: "n|none"))
    public var minPagesPerPass: String?

    @Option(help: ArgumentHelp("What the Xen limits do: stop-and-copy (default) or abort.", valueName: "action"))
    public var limitAction: String?

    @Option(help: ArgumentHelp("QEMU's bandwidth x downtime-limit switchover rule: on (default) or off (xen: off).", valueName: "on|off"))
    public var switchoverRule: String?

    // MARK: run

    @Option(help: ArgumentHelp("External event at an elapsed time, e.g. 90s=force-complete (repeatable): source-failure, target-failure, link-failure, link-restored, cancel, force-complete.", valueName: "time=event"))
    public var event: [String] = []

    @Option(help: ArgumentHelp("Stop the run here and report 'running' if the migration has not ended (a guest that never converges under qemu runs forever).", valueName: "duration"))
    public var horizon: String = "24h"

    @Option(help: ArgumentHelp("Stop after this many controller steps and report 'running (work limit reached)': a guest that never converges over a horizon of years would otherwise run for hours. Default 200000.", valueName: "n"))
    public var maxSteps: String?

    @Option(help: ArgumentHelp("Refuse a run estimated to need more memory than this (the bitmap model, a trace file). Default: half the physical memory.", valueName: "size"))
    public var maxMemory: String?
}
