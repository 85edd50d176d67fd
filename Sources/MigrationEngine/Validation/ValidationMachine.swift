/// The validation machine's constants (Validation/qemu-7.2/README.md, "Machine constants") and
/// how a run of the set becomes engine inputs.
public struct ValidationMachine: Sendable, Equatable {
    /// Setup: ~1 ms.
    public var setupSeconds = 0.001
    /// Fixed part of the downtime (stop, device state, resume): ~3 ms.
    public var fixedDowntimeSeconds = 0.003
    /// Stop-and-copy rate, not rate-limited: ~1233 MiB/s median (the loopback "link").
    public var linkBytesPerSecond = 1233 * Bytes.mebibyte
    /// Zero-page check: ~1.5 M pages/s on an idle host.
    public var zeroCheckPagesPerSecond = 1.5e6
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
        p.zeroScanBytesPerSecond = zeroCheckPagesPerSecond * 4096
        p.firstPassBytesPerSecond = firstPassBytesPerSecond
        p.rateLimitWakeLateSeconds = rateLimitWakeLateSeconds
        let written = min(Int(pages), firmwarePages + run.wwsPages)
        p.zeroPageFraction = Double(Int(pages) - written) / Double(pages)
        if run.autoConverge { p.autoConverge = AutoConvergeSettings() }
        return p
    }

    /// The guest: its working set from 1 MiB on, written page after page, cyclically, at the
    /// measured rate (`distinctUntilFull`: a sync finds min(working set, writes) pages dirty).
    public func workload(for run: ValidationRun) -> GuestWorkload {
        let p = parameters(for: run)
        guard run.wwsPages > 0, run.guestPageWritesPerSecond > 0 else {
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
