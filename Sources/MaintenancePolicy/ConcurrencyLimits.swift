/// How many migrations may run at once: per host outbound, per host inbound, per host in
/// either direction (a limit that may depend on the host's NIC speed), and fleet-wide. `nil`
/// means unlimited. Work beyond a limit queues (`MigrationSlots` does the accounting).
///
/// Presets are the defaults real orchestrators ship; every value can be overridden key by key
/// (`overriding(_:with:)`, or `init(preset:overrides:)` from a scenario's keys).
public struct ConcurrencyLimits: Sendable, Equatable {
    /// A per-host limit that applies when the host's NIC reaches `minBytesPerSecond`.
    public struct NICTier: Sendable, Equatable {
        public var minBytesPerSecond: Double
        public var limit: Int
        public init(minBytesPerSecond: Double, limit: Int) {
            precondition(limit >= 0, "a concurrency limit cannot be negative")
            self.minBytesPerSecond = minBytesPerSecond
            self.limit = limit
        }
    }

    public enum Preset: String, Sendable, CaseIterable {
        case nova, kubevirt, vsphere, lxd, incus, unlimited
    }

    /// The integer limits a scenario may override, by their scenario names.
    public enum Key: String, Sendable, CaseIterable {
        case outboundPerHost = "outbound_per_host"
        case inboundPerHost = "inbound_per_host"
        case perHost = "per_host"
        case global
    }

    /// Migrations leaving one host at once.
    public var outboundPerHost: Int?
    /// Migrations arriving at one host at once.
    public var inboundPerHost: Int?
    /// Migrations touching one host at once, leaving or arriving.
    public var perHost: Int?
    /// Limits on migrations touching one host, by the host's NIC speed: the tier with the
    /// highest `minBytesPerSecond` the NIC reaches applies (a NIC below every tier gets the
    /// lowest tier's limit). Empty: none. Combined with `perHost` by taking the smaller.
    public var perHostByNIC: [NICTier]
    /// Migrations in the whole fleet at once.
    public var global: Int?

    public init(outboundPerHost: Int? = nil, inboundPerHost: Int? = nil, perHost: Int? = nil,
                perHostByNIC: [NICTier] = [], global: Int? = nil) {
        for v in [outboundPerHost, inboundPerHost, perHost, global] {
            precondition((v ?? 0) >= 0, "a concurrency limit cannot be negative")
        }
        self.outboundPerHost = outboundPerHost
        self.inboundPerHost = inboundPerHost
        self.perHost = perHost
        self.perHostByNIC = perHostByNIC.sorted { $0.minBytesPerSecond < $1.minBytesPerSecond }
        self.global = global
    }

    /// `preset` with `overrides` applied key by key (a nil value lifts that limit).
    public init(preset: Preset, overrides: [Key: Int?] = [:], incusCPUThreads: Int = Self.assumedIncusCPUThreads) {
        var limits = Self.preset(preset, incusCPUThreads: incusCPUThreads)
        for (key, value) in overrides { limits = limits.overriding(key, with: value) }
        self = limits
    }

    /// A copy with `key` set to `value` (nil: unlimited).
    public func overriding(_ key: Key, with value: Int?) -> ConcurrencyLimits {
        precondition((value ?? 0) >= 0, "a concurrency limit cannot be negative")
        var copy = self
        switch key {
        case .outboundPerHost: copy.outboundPerHost = value
        case .inboundPerHost: copy.inboundPerHost = value
        case .perHost: copy.perHost = value
        case .global: copy.global = value
        }
        return copy
    }

    /// The limit on migrations touching a host with this NIC, leaving or arriving (nil: none).
    public func hostLimit(nicBytesPerSecond: Double) -> Int? {
        var nicLimit: Int?
        if let lowest = perHostByNIC.first {
            nicLimit = lowest.limit
            for tier in perHostByNIC where nicBytesPerSecond >= tier.minBytesPerSecond { nicLimit = tier.limit }
        }
        switch (perHost, nicLimit) {
        case let (a?, b?): return min(a, b)
        case let (a?, nil): return a
        case let (nil, b): return b
        }
    }

    /// One gigabit and ten gigabits per second, in bytes per second.
    public static let oneGbEBytesPerSecond = 1e9 / 8
    public static let tenGbEBytesPerSecond = 10e9 / 8

    /// The CPU thread count the `incus` preset assumes when none is given: an assumption (a
    /// 64-thread server), not an Incus default; Incus sizes its pool from the evacuating
    /// server's own CPU count.
    public static let assumedIncusCPUThreads = 64

    public static func preset(_ preset: Preset, incusCPUThreads: Int = assumedIncusCPUThreads) -> ConcurrencyLimits {
        switch preset {
        case .nova:
            // Nova `[DEFAULT] max_concurrent_live_migrations = 1` (nova/conf/compute.py):
            // "enforced to avoid outbound live migrations overwhelming the host/network";
            // counted by the source compute host. Nothing limits inbound or fleet-wide.
            return ConcurrencyLimits(outboundPerHost: 1)
        case .kubevirt:
            // KubeVirt MigrationConfiguration defaults (pkg/virt-config/virt-config.go):
            // ParallelOutboundMigrationsPerNodeDefault = 2, ParallelMigrationsPerClusterDefault = 5.
            return ConcurrencyLimits(outboundPerHost: 2, global: 5)
        case .vsphere:
            // vCenter's cost model, "Limits on Simultaneous Migrations" (vSphere 6.5/6.7
            // vCenter Server and Host Management, docs.vmware.com GUID-25EA5833-03B5-4EDD-A167-
            // 87578B8009B3): a vMotion costs 1 against the host's vMotion network, whose
            // maximum cost is 4 on 1GigE and 8 on 10GigE, and 1 against each host, whose
            // maximum cost is 8 (vCenter `maxCostPerHost`). Both ends of a migration pay.
            // Below 1GigE vMotion is unsupported; such a NIC gets the 1GigE limit here.
            return ConcurrencyLimits(perHost: 8, perHostByNIC: [
                NICTier(minBytesPerSecond: oneGbEBytesPerSecond, limit: 4),
                NICTier(minBytesPerSecond: tenGbEBytesPerSecond, limit: 8),
            ])
        case .lxd:
            // LXD `lxc cluster evacuate` moves a member's instances one after the other: a
            // sequential loop in `evacuateInstances` (lxd/api_cluster.go, canonical/lxd).
            return ConcurrencyLimits(outboundPerHost: 1)
        case .incus:
            // Incus evacuates through an errgroup limited to max(runtime.NumCPU()/16, 1)
            // (`evacuateInstances`, cmd/incusd/api_cluster_evacuation.go, lxc/incus), sized from
            // the evacuating server's CPU threads: 4 for the assumed 64-thread server.
            return ConcurrencyLimits(outboundPerHost: max(incusCPUThreads / 16, 1))
        case .unlimited:
            return ConcurrencyLimits()
        }
    }
}
