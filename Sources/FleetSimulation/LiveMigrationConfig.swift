import MigrationEngine
import MaintenancePolicy

/// How live migrations are run: the engine's management preset and the knobs a scenario
/// overrides on top of it (nil keeps the preset's value).
public struct LiveMigrationConfig: Sendable, Equatable {
    public var preset: ManagementPreset
    public var maxBandwidthBytesPerSecond: Double??
    public var downtimeLimitSeconds: Double?
    public var autoConverge: Bool?
    /// Switch to post-copy after this many pre-copy passes.
    public var postcopyAfterPasses: Int?
    public var pageSizeBytes: Int64?
    public var deviceStateBytes: Int64?
    /// `qemu_version`: the QEMU release whose migration-thread rules apply (nil: current).
    public var qemuVersion: QemuVersion? = nil
    /// `first_pass_rate`: send rate of the first pass over memory (nil: off).
    public var firstPassBytesPerSecond: Double? = nil
    /// Wait on the engine's quiet bounds (`MigrationParameters.quietBounds`); not a scenario
    /// key: off is the reference the tests compare against (the same facts, more look-aheads).
    public var quietBounds = true

    public init(preset: ManagementPreset = .qemu, maxBandwidthBytesPerSecond: Double?? = nil,
                downtimeLimitSeconds: Double? = nil, autoConverge: Bool? = nil, postcopyAfterPasses: Int? = nil,
                pageSizeBytes: Int64? = nil, deviceStateBytes: Int64? = nil) {
        self.preset = preset
        self.maxBandwidthBytesPerSecond = maxBandwidthBytesPerSecond
        self.downtimeLimitSeconds = downtimeLimitSeconds
        self.autoConverge = autoConverge
        self.postcopyAfterPasses = postcopyAfterPasses
        self.pageSizeBytes = pageSizeBytes
        self.deviceStateBytes = deviceStateBytes
    }

    /// The engine parameters for a guest of `memoryBytes`: preset first (its per-GiB timeouts
    /// depend on the memory size), then each override.
    public func parameters(memoryBytes: Int64, zeroPageFraction: Double) -> MigrationParameters {
        var p = MigrationParameters(memoryBytes: memoryBytes, preset: preset)
        if let cap = maxBandwidthBytesPerSecond { p.maxBandwidthBytesPerSecond = cap }
        if let limit = downtimeLimitSeconds {
            // A stated limit is the limit: it replaces a preset's downtime ramp (Nova's
            // live_migration_downtime_steps), which would otherwise overwrite it at once.
            p.downtimeLimitSeconds = limit
            p.management.downtimeSteps = []
        }
        if let ac = autoConverge { p.autoConverge = ac ? (p.autoConverge ?? AutoConvergeSettings()) : nil }
        if let n = postcopyAfterPasses {
            var pc = p.postcopy ?? PostcopySettings()
            pc.afterPasses = n
            p.postcopy = pc
        }
        p.quietBounds = quietBounds
        if let page = pageSizeBytes { p.pageSizeBytes = page }
        if let device = deviceStateBytes { p.deviceStateBytes = device }
        p.zeroPageFraction = zeroPageFraction
        if let v = qemuVersion { p.qemuVersion = v }
        if let r = firstPassBytesPerSecond { p.firstPassBytesPerSecond = r }
        return p
    }
}

extension ManagementPreset {
    /// The engine preset of a policy's live-migration step. Exhaustive on purpose: the two
    /// enums were bridged by their raw strings with a silent fallback before.
    init(_ engine: LiveEnginePreset) {
        switch engine {
        case .qemu: self = .qemu
        case .libvirt: self = .libvirt
        case .nova: self = .nova
        case .kubevirt: self = .kubevirt
        case .xen: self = .xen
        }
    }
}
