/// `fleetsim migrate` flags of docs/migrate.md's "Wire" section.
extension MigrateFlags {
    // MARK: Wire

    public static let bandwidth = FlagKnob(
        "bandwidth", argument: "RATE", valueName: "rate",
        help: "Link rate (required), e.g. 10Gbit/s.",
        default: "required",
        notes: "link rate for this migration, e.g. `10Gbit/s`")
    public static let bandwidthChange = FlagKnob(
        "bandwidth-change", argument: "TIME=RATE", valueName: "time=rate",
        help: "From TIME on the link runs at RATE, e.g. 60s=5Gbit/s (repeatable).",
        default: "none",
        notes: "repeatable: from TIME on the link runs at RATE (`60s=5Gbit/s`; `0` stalls it)")
    public static let maxBandwidth = FlagKnob(
        "max-bandwidth", argument: "RATE\\|unlimited", valueName: "rate|unlimited",
        help: "QEMU max-bandwidth cap, or 'unlimited'. Default: the preset's (qemu 128MiB/s, MAX_THROTTLE in migration/options.c; the others unlimited).",
        default: "preset",
        notes: "QEMU `max-bandwidth`. `qemu`: 128 MiB/s (MAX_THROTTLE, migration/options.c); `libvirt`: unlimited (libvirt sets QEMU_DOMAIN_MIG_BANDWIDTH_MAX before migrating); `nova`: unlimited (`live_migration_bandwidth` 0, nova/conf/libvirt.py); `kubevirt`: unlimited (BandwidthPerMigrationDefault \"0Mi\", pkg/virt-config/virt-config.go); `xen`: unlimited. The wire rate is min(link, cap); each 100 ms window's quota goes out in a burst at link speed; the final stop-and-copy is not capped")
    public static let availSwitchoverBandwidth = FlagKnob(
        "avail-switchover-bandwidth", argument: "RATE\\|none", valueName: "rate|none",
        help: "QEMU avail-switchover-bandwidth: used for the switchover threshold instead of the last 100 ms window's throughput. Default none.",
        default: "none",
        notes: "QEMU `avail-switchover-bandwidth`: when set, the switchover threshold uses it instead of the last window's throughput")
    public static let rateWindow = FlagKnob(
        "rate-window", argument: "DURATION", valueName: "duration",
        help: "Rate-limit and bandwidth-estimate window (BUFFER_DELAY, migration.h). Default 100ms.",
        default: "`100ms`",
        notes: "BUFFER_DELAY (migration/migration.h): the rate-limit and bandwidth-estimate window")
    public static let multifdChannels = FlagKnob(
        "multifd-channels", argument: "N", valueName: "n",
        help: "Multifd channels (1 = a single stream; QEMU's multifd default is 2). Default 1.",
        default: "`1`",
        notes: "parallel streams, 1–255 (migrate_params_check); 1 = the classic single stream. QEMU's default when multifd is on is 2 (DEFAULT_MIGRATE_MULTIFD_CHANNELS)")
    public static let channelRate = FlagKnob(
        "channel-rate", argument: "RATE\\|none", valueName: "rate|none",
        help: "What one stream can carry; the migration uses at most channels x this. Default none.",
        default: "none",
        notes: "what one stream can carry (*assumption-level knob*); the migration then uses at most min(link, channels × this)")
    static var wire: [FlagKnob] {
        [bandwidth, bandwidthChange, maxBandwidth, availSwitchoverBandwidth, rateWindow, multifdChannels, channelRate]
    }

    static var wireTable: KnobTable {
        KnobTable(id: "migrate.wire", file: .migrate, header: "| flag | default | source / notes |", knobs: wire)
    }
}
