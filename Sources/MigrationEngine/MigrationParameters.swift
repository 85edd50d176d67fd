/// Every knob of one live migration. Start from a `ManagementPreset` and override.
public struct MigrationParameters: Sendable, Equatable {
    // MARK: guest
    public var memoryBytes: Int64
    /// 4 KiB by default (TARGET_PAGE_SIZE on x86); 2 MiB for huge-page backed guests.
    public var pageSizeBytes: Int64 = 4096
    /// Fraction of pages that are all zeros when pass 0 reaches them.
    public var zeroPageFraction: Double = 0

    // MARK: wire format and CPU costs
    /// Header in front of each page on the wire (ram.c save_page_header: one 8-byte
    /// offset|flags word; the block name is sent only when the block changes).
    public var pageHeaderBytes: Int64 = 8
    /// A zero page is a header plus one byte (ram.c save_zero_page: RAM_SAVE_FLAG_ZERO + a 0 byte).
    public var zeroPageWireBytes: Int64 = 9
    /// Speed at which the sender checks a page for zeros (buffer_is_zero): zero pages are cheap on
    /// the wire but must be read in full. Assumption: 10 GiB/s; 0 = free.
    public var zeroScanBytesPerSecond: Double = 10 * 1024 * 1024 * 1024

    // MARK: QEMU migration thread
    /// Decide at QEMU's own granularity (`qemu`: mid-scan syncs, zero pages interleaved) or
    /// pass by pass (`perPass`: the textbook model of the closed forms, and Xen). Default `qemu`.
    public var precopyLoop: PrecopyLoop = .qemu
    /// The QEMU release whose thread rules apply (`QemuVersion`). Default: current (8.2+).
    public var qemuVersion: QemuVersion = .v8_2
    /// Send rate of non-zero pages during the first pass over memory, when lower than the
    /// link: a fresh destination faults its memory in as it arrives, so the first pass can be
    /// slower at high limits (measured: 200-330 MiB/s under a 512 MiB/s limit on the validation
    /// machine, Validation/qemu-7.2/README.md). nil = off (default). Used by the `qemu` loop only.
    public var firstPassBytesPerSecond: Double? = nil
    /// How late the thread wakes from a rate-limit sleep after its window ends: migration_rate_limit
    /// sleeps a whole number of milliseconds (qemu_sem_timedwait on `iteration_start_time +
    /// BUFFER_DELAY - now`, clock in ms) and the OS adds its timer slack, so windows last a
    /// little over 100 ms. Assumption: 0 (the validation machine: 1.5 ms, fitted on the rate of
    /// capped runs, Validation/qemu-7.2).
    public var rateLimitWakeLateSeconds: Double = 0
    /// Let the `qemu` loop jump over runs of identical windows in closed form
    /// (`QemuThreadLoop+WindowJump`); off walks every window (the reference, for tests).
    var qemuLoopWindowJumps = true
    /// Let a driver that asks for it (`allowingBound`) wait on a quiet bound instead of the
    /// next decision point (`PrecopyController+QuietBound`); off, every call gives the point
    /// itself (the reference, for tests).
    public var quietBounds = true

    // MARK: SimGrid rounds (`precopyLoop: .simgrid` only)
    /// Latency of one message on the migration's route (SimGrid CM02: the sum of the route's
    /// link latencies, paid once per message before its bytes flow). Each round is one message;
    /// the destination's final acknowledgement is one more. Default 0.
    public var messageLatencySeconds: Double = 0
    /// Share of memory the guest can dirty between two rounds: SimGrid's working set, which
    /// `sg_vm_create_migratable` sets to 90 % of the VM's RAM.
    public var workingSetFraction: Double = 0.9

    // MARK: QEMU migration parameters
    /// `max-bandwidth`; nil = uncapped. QEMU's own default is MAX_THROTTLE = 128 MiB/s
    /// (migration/options.c); libvirt, Nova and KubeVirt lift it.
    public var maxBandwidthBytesPerSecond: Double? = 128 * 1024 * 1024
    /// `avail-switchover-bandwidth`: when set, used instead of the window estimate.
    public var availSwitchoverBandwidthBytesPerSecond: Double? = nil
    /// `downtime-limit` (options.c DEFAULT_MIGRATE_SET_DOWNTIME 300 ms).
    public var downtimeLimitSeconds: Double = 0.3
    /// BUFFER_DELAY (migration.h): rate-limit and bandwidth-estimate window.
    public var bandwidthWindowSeconds: Double = 0.1
    public var autoConverge: AutoConvergeSettings? = nil
    public var postcopy: PostcopySettings? = nil
    public var xbzrle: XbzrleSettings? = nil
    public var streams = StreamSettings()

    // MARK: fixed costs
    /// Setup before the first byte (connection, dirty-log start, first sync). Assumption: 50 ms.
    public var setupSeconds: Double = 0.05
    /// Time from the switchover decision until the vCPUs are stopped; the guest keeps dirtying
    /// meanwhile. Assumption: 0.
    public var stopLatencySeconds: Double = 0
    /// Device state sent during downtime (VFIO devices can add hundreds of MiB). Assumption: 1 MiB.
    public var deviceStateBytes: Int64 = 1024 * 1024
    /// Target resume, network announce and other fixed switchover work. Assumption: 30 ms.
    public var switchoverOverheadSeconds: Double = 0.03

    // MARK: management
    public var management = ManagementPolicy()

    public init(memoryBytes: Int64) { self.memoryBytes = memoryBytes }

    /// Parameters filled by a preset for a guest of `memoryBytes`.
    public init(memoryBytes: Int64, preset: ManagementPreset) {
        self.memoryBytes = memoryBytes
        preset.apply(to: &self)
    }

    public var totalPages: Int64 { memoryBytes / pageSizeBytes }
    public var memoryGiB: Double { Double(memoryBytes) / Bytes.gibibyte }
}
