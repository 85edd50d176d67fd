import Experiment
import ArgumentParser
import MigrationEngine

/// `fleetsim migrate`: one live migration with the engine against a fixed-rate wire, printed
/// one row per pass plus the outcome, as `query-migrate` would report it (issue 3, "Shape").
///
/// Every value flag is read as text and parsed by `FlagValue` (the scenario files' quantity
/// parser), so units match scenario files and each error names the flag; `MigrateSetup` turns
/// the flags into engine parameters; `MigrationRun` drives the controller.
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Run one live migration with the engine and print its passes and outcome.",
        discussion: """
        Simulates one pre-copy live migration (optionally finishing in post-copy) of a guest of --memory bytes over a link of --bandwidth, under a management preset, and prints one row per pass (start, duration, bytes sent, dirty bytes at the sync that ended it, CPU throttle, downtime limit), then the outcome, total time, downtime, bytes transferred and QEMU's dirty-sync-count. With --json it prints one JSON object instead, with the keys total_time_s, downtime_s, bytes_sent, passes, outcome (completed, aborted, lost, or running when --horizon ends the run first), reason and pass_list.

        Quantities take the units of scenario files: sizes 16GiB, 512MiB, 4KiB, 1.5TB; rates 10Gbit/s, 25Gbps, 128MiB/s, 1GB/s; durations 300ms, 20s, 2min, 1h30m; fractions 0.25 or 25%. Optional limits also take 'none' (or 'unlimited').

        --dirty and --hot-dirty accept three forms:
          200MiB/s       bytes per second (any byte or bit rate unit)
          50000pages/s   pages per second (pages of --page-size)
          2%/s, 0.02/s   a fraction of the guest's whole memory per second
        Writes land uniformly at random on their region (N(1 - e^(-W/N)) distinct pages after W writes on N pages), or with --dirty-distribution sequential on pages not yet written since the last sync.

        Presets (--preset) set what the management layer adds on top of QEMU:
          qemu      max-bandwidth 128MiB/s; no timeout (QEMU never gives up)
          libvirt   uncapped; with --completion-timeout, pause or post-copy
          nova      uncapped; downtime ramp 50ms..500ms in 10 steps 75s/GiB
                    apart; abort after 800s/GiB of max(RAM, 2GiB)
          kubevirt  uncapped; abort after 150s/GiB or 150s without progress
          xen       uncapped; no downtime rule; stop-and-copy after 29 passes,
                    3x memory sent, or a pass of fewer than 50 pages
        Every default can be overridden by its flag.

        The outcome does not change the exit code: an aborted or lost migration is a result. Exit codes: 0 ok, 2 bad input (the message names the flag, what it expects and what it found).

        Examples:
          fleetsim migrate --memory 16GiB --dirty 20MiB/s --bandwidth 10Gbit/s
          fleetsim migrate --memory 16GiB --dirty 300MiB/s --bandwidth 10Gbit/s \\
              --horizon 30min --auto-converge
          fleetsim migrate --memory 2GiB --dirty 5%/s --bandwidth 10Gbit/s \\
              --preset nova --max-bandwidth 16MiB/s --json
          fleetsim migrate --memory 64GiB --dirty 0.1%/s --hot-fraction 5% \\
              --hot-dirty 2GiB/s --bandwidth 25Gbit/s --preset libvirt --postcopy-after 3
        """
    )

    // MARK: guest

    @Option(parsing: .unconditional, help: ArgumentHelp("Guest memory (required), e.g. 16GiB; a whole number of pages.", valueName: "size"))
    var memory: String

    @Option(parsing: .unconditional, help: ArgumentHelp("Guest write rate: 200MiB/s, 50000pages/s or 2%/s (of memory per second). With --hot-fraction, the rate of the cold rest of memory. Default 0.", valueName: "rate"))
    var dirty: String?

    @Option(help: ArgumentHelp("How writes land on a region: uniform (at random) or sequential (on pages not yet written since the last sync).", valueName: "uniform|sequential"))
    var dirtyDistribution: String = "uniform"

    @Option(help: ArgumentHelp("Dirty-memory model: analytic (expected distinct pages, O(1)), bitmap (a real page bitmap, writes drawn from a GSL stream seeded by --seed) or trace (replays --dirty-trace).", valueName: "analytic|bitmap|trace"))
    var dirtyModel: String = "analytic"

    @Option(help: ArgumentHelp("Share of memory that is hot, e.g. 10%; needs --hot-dirty.", valueName: "fraction"))
    var hotFraction: String?

    @Option(help: ArgumentHelp("Write rate of the hot region, in the forms of --dirty.", valueName: "rate"))
    var hotDirty: String?

    @Option(help: ArgumentHelp("From TIME on, multiply every write rate by FACTOR, e.g. 60s=2 (repeatable; analytic and bitmap).", valueName: "time=factor"))
    var phase: [String] = []

    @Option(help: ArgumentHelp("CSV of 'seconds,bytes_per_second' lines for --dirty-model trace (e.g. dirty-pages-rate sampled from query-migrate).", valueName: "file"))
    var dirtyTrace: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Seed of the bitmap model's random stream.", valueName: "n"))
    var seed: String = "1"

    @Option(help: ArgumentHelp("Page size (TARGET_PAGE_SIZE 4KiB on x86; 2MiB for huge pages). A power of two.", valueName: "size"))
    var pageSize: String = "4KiB"

    @Option(help: ArgumentHelp("Fraction of pages that are all zeros in pass 0 (sent as a 9-byte marker). Default 0.", valueName: "fraction"))
    var zeroPages: String?

    @Option(help: ArgumentHelp("Device state sent during downtime (VFIO devices can be large). Default 1MiB (assumption).", valueName: "size"))
    var deviceState: String?

    // MARK: wire

    @Option(parsing: .unconditional, help: ArgumentHelp("Link rate (required), e.g. 10Gbit/s.", valueName: "rate"))
    var bandwidth: String

    @Option(help: ArgumentHelp("From TIME on the link runs at RATE, e.g. 60s=5Gbit/s (repeatable).", valueName: "time=rate"))
    var bandwidthChange: [String] = []

    @Option(help: ArgumentHelp("QEMU max-bandwidth cap, or 'unlimited'. Default: the preset's (qemu 128MiB/s, MAX_THROTTLE in migration/options.c; the others unlimited).", valueName: "rate|unlimited"))
    var maxBandwidth: String?

    @Option(help: ArgumentHelp("QEMU avail-switchover-bandwidth: used for the switchover threshold instead of the last 100 ms window's throughput. Default none.", valueName: "rate|none"))
    var availSwitchoverBandwidth: String?

    @Option(help: ArgumentHelp("Rate-limit and bandwidth-estimate window (BUFFER_DELAY, migration.h). Default 100ms.", valueName: "duration"))
    var rateWindow: String?

    @Option(help: ArgumentHelp("QEMU release whose migration-thread rules apply: 7.2 (completes at once when nothing is pending, even before the first 100 ms window closes) or 8.2+ (current). Default 8.2+.", valueName: "7.2|8.2+"))
    var qemuVersion: String?

    @Option(help: ArgumentHelp("Engine granularity: qemu (QEMU's thread loop: mid-scan syncs, zero pages interleaved) per-pass (the textbook model: sync and switchover test at the end of each pass) or simgrid (SimGrid 3.32's rounds; set by --preset simgrid). Default qemu; xen always per-pass.", valueName: "qemu|per-pass|simgrid"))
    var precopyLoop: String?

    @Option(help: ArgumentHelp("Route latency paid by every message of the simgrid loop (each round, the final copy and the destination's acknowledgement; SimGrid CM02: the sum of the route's link latencies). Default 0.", valueName: "duration"))
    var messageLatency: String?

    @Option(help: ArgumentHelp("Send rate of non-zero pages in the first round over memory (a fresh destination faults its memory in), or 'none'. Default none.", valueName: "rate|none"))
    var firstPassRate: String?

    @Option(help: ArgumentHelp("Multifd channels (1 = a single stream; QEMU's multifd default is 2). Default 1.", valueName: "n"))
    var multifdChannels: String?

    @Option(help: ArgumentHelp("What one stream can carry; the migration uses at most channels x this. Default none.", valueName: "rate|none"))
    var channelRate: String?

    // MARK: QEMU migration parameters

    @Option(help: ArgumentHelp("Management preset: qemu, libvirt, nova, kubevirt or xen.", valueName: "name"))
    var preset: String = "qemu"

    @Option(parsing: .unconditional, help: ArgumentHelp("QEMU downtime-limit (default 300ms, DEFAULT_MIGRATE_SET_DOWNTIME in options.c; at most 2000s). Under a downtime ramp (nova) use --downtime-steps 0 first.", valueName: "duration"))
    var downtimeLimit: String?

    @Flag(help: "Enable auto-converge (QEMU's auto-converge capability): throttle the guest's vCPUs when it dirties faster than the wire.")
    var autoConverge = false

    @Option(help: ArgumentHelp("cpu-throttle-initial, 1-99 (default 20).", valueName: "percent"))
    var throttleInitial: String?

    @Option(help: ArgumentHelp("cpu-throttle-increment, 1-99 (default 10).", valueName: "percent"))
    var throttleIncrement: String?

    @Option(help: ArgumentHelp("max-cpu-throttle, from --throttle-initial to 99 (default 99).", valueName: "percent"))
    var throttleMax: String?

    @Option(help: ArgumentHelp("throttle-trigger-threshold: throttle when bytes dirtied exceed this share of bytes sent over a sync period, 1-100 (default 50).", valueName: "percent"))
    var throttleTrigger: String?

    @Flag(help: "cpu-throttle-tailslow: smaller increments as the guest nears the threshold (default off).")
    var throttleTailslow = false

    @Flag(help: "Enable post-copy (postcopy-ram): switch on the timeout action 'postcopy' or a force-complete event.")
    var postcopy = false

    @Option(help: ArgumentHelp("Switch to post-copy after N pre-copy passes (implies --postcopy).", valueName: "n"))
    var postcopyAfter: String?

    @Option(help: ArgumentHelp("max-postcopy-bandwidth for the background page push. Default unlimited (options.c).", valueName: "rate|unlimited"))
    var maxPostcopyBandwidth: String?

    @Option(help: ArgumentHelp("Round trip of one post-copy page fault. Default 0.5ms (assumption).", valueName: "duration"))
    var postcopyFaultRtt: String?

    @Flag(help: "Enable XBZRLE delta compression of re-sent pages (from pass 1 on).")
    var xbzrle = false

    @Option(help: ArgumentHelp("xbzrle-cache-size. Default 64MiB (options.c).", valueName: "size"))
    var xbzrleCache: String?

    @Option(help: ArgumentHelp("Share of re-sent pages found in the XBZRLE cache. Default 0.5 (assumption).", valueName: "fraction"))
    var xbzrleHitRatio: String?

    @Option(help: ArgumentHelp("Encoded size of a cache hit as a share of the page. Default 0.25 (assumption).", valueName: "fraction"))
    var xbzrleEncoded: String?

    // MARK: wire format and fixed costs

    @Option(help: ArgumentHelp("Header in front of each page on the wire. Default 8B (ram.c save_page_header).", valueName: "size"))
    var pageHeader: String?

    @Option(help: ArgumentHelp("Wire size of a zero page. Default 9B (ram.c save_zero_page: header + 1 byte).", valueName: "size"))
    var zeroPageWire: String?

    @Option(help: ArgumentHelp("Speed of checking pages for zeros (buffer_is_zero), or 'unlimited' for free. Default 10GiB/s (assumption).", valueName: "rate|unlimited"))
    var zeroScanRate: String?

    @Option(help: ArgumentHelp("Setup before the first byte. Default 50ms (assumption).", valueName: "duration"))
    var setupTime: String?

    @Option(help: ArgumentHelp("Time from the switchover decision until the vCPUs stop; the guest keeps dirtying. Default 0s.", valueName: "duration"))
    var stopLatency: String?

    @Option(help: ArgumentHelp("Target resume, network announce and other fixed switchover work. Default 30ms (assumption).", valueName: "duration"))
    var switchoverOverhead: String?

    // MARK: management

    @Option(help: ArgumentHelp("Completion timeout, or 'none'. Default: the preset's (nova 800s/GiB, kubevirt 150s/GiB, others none).", valueName: "duration|none"))
    var completionTimeout: String?

    @Option(help: ArgumentHelp("Completion timeout per GiB of guest memory (nova: of max(RAM, 2GiB)), e.g. 800s.", valueName: "duration"))
    var completionTimeoutPerGib: String?

    @Option(help: ArgumentHelp("What the completion timeout does: abort, pause (pause the guest and copy the rest) or postcopy (implies --postcopy). Allowed: libvirt pause|postcopy, kubevirt abort|postcopy, nova all; qemu and xen only with --completion-timeout.", valueName: "action"))
    var timeoutAction: String?

    @Option(help: ArgumentHelp("Abort when the dirty set has not reached a new minimum for this long, or 'none'. Default: kubevirt 150s, others none.", valueName: "duration|none"))
    var progressTimeout: String?

    @Option(help: ArgumentHelp("Nova downtime ramp: number of steps (live_migration_downtime_steps, default 10 under nova); 0 = no ramp.", valueName: "n"))
    var downtimeSteps: String?

    @Option(help: ArgumentHelp("Nova downtime ramp: delay between steps per GiB, whole seconds (live_migration_downtime_delay, default 75s).", valueName: "duration"))
    var downtimeDelay: String?

    @Option(help: ArgumentHelp("Nova downtime ramp: final limit, whole milliseconds (live_migration_downtime, default 500ms).", valueName: "duration"))
    var maxDowntime: String?

    @Option(help: ArgumentHelp("Xen: at most N live passes, or 'none' (DEF_MAX_ITERS 29 under xen).", valueName: "n|none"))
    var maxLivePasses: String?

    @Option(help: ArgumentHelp("Xen: stop once pages sent exceed this factor x guest pages, or 'none' (DEF_MAX_FACTOR 3 under xen).", valueName: "factor|none"))
    var maxSentFactor: String?

    @Option(help: ArgumentHelp("Xen: stop once a pass sends fewer pages than this, or 'none' (50 under xen).", valueName: "n|none"))
    var minPagesPerPass: String?

    @Option(help: ArgumentHelp("What the Xen limits do: stop-and-copy (default) or abort.", valueName: "action"))
    var limitAction: String?

    @Option(help: ArgumentHelp("QEMU's bandwidth x downtime-limit switchover rule: on (default) or off (xen: off).", valueName: "on|off"))
    var switchoverRule: String?

    // MARK: run

    @Option(help: ArgumentHelp("External event at an elapsed time, e.g. 90s=force-complete (repeatable): source-failure, target-failure, link-failure, link-restored, cancel, force-complete.", valueName: "time=event"))
    var event: [String] = []

    @Option(help: ArgumentHelp("Stop the run here and report 'running' if the migration has not ended (a guest that never converges under qemu runs forever).", valueName: "duration"))
    var horizon: String = "24h"

    @Flag(help: "Print one JSON object instead of the pass table.")
    var json = false

    @Option(help: ArgumentHelp("Stop after this many controller steps and report 'running (work limit reached)': a guest that never converges over a horizon of years would otherwise run for hours. Default 200000.", valueName: "n"))
    var maxSteps: String?

    @Option(help: ArgumentHelp("Refuse a run estimated to need more memory than this (the bitmap model, a trace file). Default: half the physical memory.", valueName: "size"))
    var maxMemory: String?

    @Option(help: ArgumentHelp("Run the migration at every point of a grid: FLAG=V1,V2,... over any flag of this command (repeatable; the cartesian product, first axis slowest; switches take on,off), e.g. --sweep downtime-limit=100ms,300ms,1s --sweep dirty=50MiB/s,200MiB/s. Prints a Markdown table, or CSV with --csv, or JSON lines with --json.", valueName: "flag=v1,v2,..."))
    var sweep: [String] = []

    @Flag(help: "With --sweep: print CSV (one row per point) instead of the Markdown table.")
    var csv = false

    func run() throws {
        if !sweep.isEmpty {
            let s = try MigrateSweep(sweep)
            // The words after `migrate`, as typed: each point re-parses them with its values.
            let all = CommandLine.arguments
            let base = Array(all.drop(while: { $0 != "migrate" }).dropFirst())
            let rows = try s.run(base: base)
            print(json ? s.jsonLines(rows) : csv ? s.csv(rows) : s.markdown(rows), terminator: "")
            return
        }
        if csv { throw CommandFailure.badInput("error: --csv: expected --sweep as well (a single run prints a table or --json)") }
        let setup = try MigrateSetup(self)
        let outcome = setup.run()
        if json {
            print(MigrateJSON.render(outcome, setup: setup))
        } else {
            print(setup.summaryLines.joined(separator: "\n"))
            print("")
            print(MigrationReportRenderer.text(outcome), terminator: "")
        }
    }
}
