/// The validation machine's constants (Validation/qemu-7.2/README.md, "Machine constants") and
/// how a run of the set becomes engine inputs.
public struct ValidationMachine: Sendable, Equatable {
    /// Setup: ~1 ms.
    public var setupSeconds = 0.001
    /// Fixed part of the downtime (stop, device state, resume): ~3 ms.
    public var fixedDowntimeSeconds = 0.003
    /// Stop-and-copy rate, not rate-limited: ~1233 MiB/s median (the loopback "link").
    public var linkBytesPerSecond = 1233 * Bytes.mebibyte
    /// Zero-page check (migration/ram.c save_zero_page_to_file -> buffer_is_zero, one per page
    /// in the first pass): ~1.5 M pages/s with a core to itself. The README's figure is the
    /// idle guests' rate ("on an idle host, slower when the host is busy"; its idle runs scan at
    /// 1.1-3.6 M pages/s, about 1.5 M in the median).
    public var zeroCheckPagesPerSecond = 1.5e6
    /// The machine's cores ("a 2-core Debian 12 machine") and the cores foreign load keeps busy
    /// ("most runs had about one foreign core busy"). See `migrationThreadCoreShare`.
    public var cores = 2.0
    public var foreignBusyCores = 1.0
    /// First-pass sends of non-zero pages at a 512 MiB/s limit reached only ~200-330 MiB/s:
    /// the middle, 265 MiB/s. nil = off.
    public var firstPassBytesPerSecond: Double? = 265 * Bytes.mebibyte
    /// RAM as QEMU counts it is the guest RAM plus 130 ROM pages.
    public var romPages = 130
    /// Every idle run sends exactly 113 non-zero pages (firmware).
    public var firmwarePages = 113
    /// The guest writes its working set from guest-physical 1 MiB on.
    public var workingSetStartPage = 256
    /// Rate-limit sleeps end ~1.5 ms after their window (capped runs carry ~1.5 % less than
    /// max-bandwidth x time: windows of ~101.5 ms).
    public var rateLimitWakeLateSeconds = 0.0015
    public var qemuVersion: QemuVersion = .v7_2
    public var precopyLoop: PrecopyLoop = .qemu

    public init() {}

    /// Engine parameters for `run` (QEMU defaults otherwise: 4 KiB pages, 8-byte headers,
    /// 9-byte zero pages, 100 ms windows).
    public func parameters(for run: ValidationRun) -> MigrationParameters {
        let pages = Int64(run.ramMiB) * 256 + Int64(romPages)
        var p = MigrationParameters(memoryBytes: pages * 4096, preset: .qemu)
        p.precopyLoop = precopyLoop
        p.qemuVersion = qemuVersion
        p.maxBandwidthBytesPerSecond = run.maxBandwidthMiBs * Bytes.mebibyte
        p.downtimeLimitSeconds = run.downtimeLimitMs / 1000
        p.setupSeconds = setupSeconds
        p.switchoverOverheadSeconds = fixedDowntimeSeconds
        p.deviceStateBytes = 0
        p.zeroScanBytesPerSecond = zeroCheckPagesPerSecond * migrationThreadCoreShare(guestRuns: run.guestRuns) * 4096
        p.firstPassBytesPerSecond = firstPassBytesPerSecond
        p.rateLimitWakeLateSeconds = rateLimitWakeLateSeconds
        let written = min(Int(pages), firmwarePages + run.wwsPages)
        p.zeroPageFraction = Double(Int(pages) - written) / Double(pages)
        if run.autoConverge { p.autoConverge = AutoConvergeSettings() }
        return p
    }

    /// The migration thread's share of a core while it checks zero pages (pure CPU time: a
    /// 4 KiB read per page in buffer_is_zero). Busy threads share the cores evenly (Linux CFS):
    /// foreign load, the migration thread, and the guest's vCPU thread when the guest runs. An
    /// idle guest halts (its TCG vCPU thread sleeps in HLT), so the thread has a core to itself:
    /// 1. A running guest's vCPU thread never sleeps (the hot guest writes without pause, the
    /// paced one spins on the TSC between writes), so three threads share two cores: 2/3, i.e.
    /// 1.0 M zero checks/s. Check against the traces (a measurement, not a fit of the scored
    /// columns): the slope of `ram.duplicate` between 50 ms polls inside the first pass's
    /// zero-page stretch (no sync in between, `ram.normal` unchanged) has a median of 0.99 M
    /// pages/s over the 54 running-guest runs of 1024 MiB (quartiles 0.78 / 1.10 M), against
    /// 1.66 M on idle ones. (256 MiB guests are left out: their ~50 ms stretch mostly falls
    /// between two polls, and the 5 of 36 that span one are the slow ones, 0.83 M.) Zero pages
    /// are checked in the first pass only, before any auto-converge throttle, so the vCPU
    /// counts as fully busy. Sends are left alone: with the guest running, 50 ms poll intervals
    /// of later passes carry up to ~1000 MiB/s (runs at a 50 ms downtime limit), not 2/3 of the
    /// stop-and-copy rate (822 MiB/s), so the link stays at the stop-and-copy rate.
    public func migrationThreadCoreShare(guestRuns: Bool) -> Double {
        let busy = foreignBusyCores + 1 + (guestRuns ? 1 : 0)
        return min(1, cores / busy)
    }

    /// The guest: its working set from 1 MiB on, written page after page, cyclically, at the
    /// measured rate (`distinctUntilFull`: a sync finds min(working set, writes) pages dirty).
    public func workload(for run: ValidationRun) -> GuestWorkload {
        let p = parameters(for: run)
        guard run.guestRuns else {
            return GuestWorkload(memoryBytes: p.memoryBytes)
        }
        let fraction = Double(run.wwsPages) / Double(p.totalPages)
        return GuestWorkload(memoryBytes: p.memoryBytes, regions: [
            DirtyRegion(fractionOfMemory: fraction, writeRate: .pagesPerSecond(run.guestPageWritesPerSecond),
                        distribution: .distinctUntilFull, startPage: workingSetStartPage)])
    }

    /// Run `run` through the engine (analytic model) to its end or its cap.
    public func simulate(_ run: ValidationRun) -> MigrationOutcome {
        MigrationRun.run(parameters: parameters(for: run), guest: .analytic(workload(for: run)),
                         wire: .fixed(bytesPerSecond: linkBytesPerSecond), horizonSeconds: run.capSeconds)
    }
}
