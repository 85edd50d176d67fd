/// The management layers whose defaults the engine reproduces.
public enum ManagementPreset: String, Sendable, CaseIterable {
    case qemu, libvirt, nova, kubevirt, xen
    /// SimGrid 3.32's VM live-migration model, for comparison with the literature.
    case simgrid

    /// Fill `p` with this layer's defaults (every field remains overridable afterwards).
    /// Per-GiB timeouts are computed from `p.memoryBytes`, so set the memory first.
    public func apply(to p: inout MigrationParameters) {
        var m = ManagementPolicy()
        switch self {
        case .qemu:
            // QEMU alone never gives up: no timeout of any kind (migration.c has none).
            // max-bandwidth default MAX_THROTTLE = 128 MiB/s (migration/options.c).
            p.maxBandwidthBytesPerSecond = 128 * Bytes.mebibyte
        case .libvirt:
            // libvirt lifts QEMU's cap (QEMU_DOMAIN_MIG_BANDWIDTH_MAX, set before migrating) and
            // only times out when asked: `virsh migrate --timeout N` suspends the guest by default
            // (--timeout-suspend) or switches to post-copy (--timeout-postcopy). No default N.
            p.maxBandwidthBytesPerSecond = nil
            m.timeoutAction = .pauseAndComplete
        case .nova:
            // nova/conf/libvirt.py: live_migration_bandwidth 0 (= unlimited),
            // live_migration_downtime 500 ms, live_migration_downtime_steps 10,
            // live_migration_downtime_delay 75 s/GiB, live_migration_completion_timeout 800 s/GiB,
            // live_migration_timeout_action "abort", live_migration_progress_timeout 0 (disabled,
            // deprecated). Data size: guest RAM in GiB with a floor of 2 GiB
            // (nova/virt/libvirt/driver.py _live_migration_data_gb).
            p.maxBandwidthBytesPerSecond = nil
            let dataGiB = max(p.memoryGiB, 2)
            m.downtimeSteps = DowntimeStep.nova(maxDowntimeMilliseconds: 500, steps: 10,
                                                delaySecondsPerGiB: 75, dataGiB: dataGiB)
            // driver.py: completion_timeout = int(CONF.libvirt.live_migration_completion_timeout * data_gb)
            m.completionTimeoutSeconds = Double(Int(800 * dataGiB))
            m.timeoutAction = .abort
            p.downtimeLimitSeconds = m.downtimeSteps.first?.downtimeLimitSeconds ?? 0.05
        case .kubevirt:
            // pkg/virt-config/virt-config.go: BandwidthPerMigrationDefault "0Mi" (unlimited),
            // MigrationCompletionTimeoutPerGiB 150, MigrationProgressTimeout 150,
            // MigrationAllowAutoConverge false, MigrationAllowPostCopy false.
            // (ParallelMigrationsPerClusterDefault 5 and ParallelOutboundMigrationsPerNodeDefault 2
            // are fleet-level limits: see `KubeVirtDefaults`.)
            p.maxBandwidthBytesPerSecond = nil
            m.completionTimeoutSeconds = 150 * p.memoryGiB
            m.progressTimeoutSeconds = 150
            m.timeoutAction = .abort
        case .xen:
            // tools/libxc/xc_domain_save.c: DEF_MAX_ITERS 29, DEF_MAX_FACTOR 3, and the last
            // iteration starts when `iter >= max_iters`, `sent_this_iter + skip_this_iter < 50` or
            // `total_sent > p2m_size * max_factor`; the domain is then suspended and the rest sent.
            // Xen has no bandwidth x downtime switchover rule and no default rate cap here.
            p.maxBandwidthBytesPerSecond = nil
            m.maxLivePasses = 29
            m.maxSentFactor = 3
            m.minPagesPerPass = 50
            m.limitAction = .stopAndCopy
            m.switchoverRuleEnabled = false
        case .simgrid:
            Self.applySimGrid(to: &p)
        }
        p.management = m
    }

    static func applySimGrid(to p: inout MigrationParameters) {
        // src/plugins/vm/VmLiveMigration.cpp (MigrationTx): max_downtime defaults to 30 ms
        // when unset; the message sizes are bare memory bytes (no page headers, zero pages
        // or device state) and nothing is charged for setup or switchover. The migration
        // speed (`set_rate`) is the only cap, unset here. No timeouts (mig_timeout 1e7 s).
        p.precopyLoop = .simgrid
        p.maxBandwidthBytesPerSecond = nil
        p.downtimeLimitSeconds = 0.03
        p.pageHeaderBytes = 0
        p.deviceStateBytes = 0
        p.setupSeconds = 0
        p.switchoverOverheadSeconds = 0
        p.zeroScanBytesPerSecond = 0
    }
}

/// KubeVirt's fleet-level migration limits (pkg/virt-config/virt-config.go), for the fleet layer.
public enum KubeVirtDefaults {
    public static let parallelMigrationsPerCluster = 5
    public static let parallelOutboundMigrationsPerNode = 2
}
