import FleetModel

/// How many instances one evacuation moves at once.
public enum EvacuationPool: Sendable, Equatable {
    /// A fixed number. LXD evacuates one instance at a time (lxd/api_cluster.go
    /// `evacuateInstances`: a plain loop over the member's instances).
    case fixed(Int)
    /// One slot per this many host CPUs, at least one. Incus:
    /// `numParallelEvacs := max(runtime.NumCPU()/16, 1)` (cmd/incusd/api_cluster_evacuation.go).
    case perHostCPUs(Int)

    /// The pool size on a host with `hostCPUs` CPUs (threads, as `runtime.NumCPU` counts).
    public func size(hostCPUs: Int) -> Int {
        switch self {
        case .fixed(let n): return max(n, 1)
        case .perHostCPUs(let divisor): return max(hostCPUs / max(divisor, 1), 1)
        }
    }
}

/// LXD / Incus cluster evacuation (`lxc cluster evacuate`, per-instance `cluster.evacuate`)
/// and `lxc move` (seed 000). The per-instance setting itself is
/// `InstanceAttributes.evacuate`.
public struct LXDEvacuationKnobs: Sendable, Equatable {
    /// Device types that cannot migrate: under `cluster.evacuate=auto` any of them forces a
    /// stop. LXD asks each device (`dev.CanMigrate()` in `canMigrate`); the base device
    /// returns false (lxd/device/device_common.go), so GPUs, USB devices and the like pin
    /// the instance, while host-path disks and unmanaged NICs are the non-migratable cases of
    /// the disk and nic types.
    public var nonMigratableDevices: [String]
    /// `lxc move --mode`: "pull (default)".
    public var transferMode: TransferMode
    /// Concurrent moves per evacuated member.
    public var pool: EvacuationPool
    /// What happens when no target member is available.
    public var onNoTarget: EvacuationNoTarget
    /// Clean shutdown timeout before a forced stop: `boot.host_shutdown_timeout`, default
    /// 30 s (`evacuateHostShutdownDefaultTimeout = 30` in LXD and Incus).
    public var gracefulStopTimeoutSeconds: Double
    /// `lxc cluster restore`: bring evacuated instances back to their origin member
    /// (`volatile.evacuate.origin`) when it returns.
    public var restore: Bool
    /// Whether `cluster.evacuate=auto` live-migrates a basic container with CRIU (seed 000:
    /// "only very basic containers (non-systemd containers without a network device) can be
    /// migrated reliably"). LXD's own `canMigrate` limits automatic live migration to VMs
    /// ("Limit automatic live-migration to virtual machines for now"): set false to match it.
    public var containerLiveInAuto: Bool

    public init(nonMigratableDevices: [String], transferMode: TransferMode, pool: EvacuationPool,
                onNoTarget: EvacuationNoTarget, gracefulStopTimeoutSeconds: Double, restore: Bool,
                containerLiveInAuto: Bool) {
        self.nonMigratableDevices = nonMigratableDevices
        self.transferMode = transferMode
        self.pool = pool
        self.onNoTarget = onNoTarget
        self.gracefulStopTimeoutSeconds = gracefulStopTimeoutSeconds
        self.restore = restore
        self.containerLiveInAuto = containerLiveInAuto
    }

    public static let lxd = LXDEvacuationKnobs(
        nonMigratableDevices: ["gpu", "usb", "disk-host-path", "nic-unmanaged"],
        transferMode: .pull,
        pool: .fixed(1),
        onNoTarget: .skip,
        gracefulStopTimeoutSeconds: 30,
        restore: true,
        containerLiveInAuto: true
    )

    /// Incus: LXD's rules, a pool of one move per 16 host CPUs, and stop in place when no
    /// target is found (the instance is stopped before the target is chosen, so a cold move
    /// with no target leaves it stopped on the member).
    public static let incus: LXDEvacuationKnobs = {
        var k = lxd
        k.pool = .perHostCPUs(16)
        k.onNoTarget = .stop
        return k
    }()
}
