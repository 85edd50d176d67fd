/// What a maintenance policy reads about an instance (OCI's live-migration criteria, LXD's
/// evacuation rules). Defaults describe the common case: a VM from a platform image with
/// paravirtualized networking and a remote boot volume, in the commercial realm.
public struct InstanceAttributes: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable { case vm, container, bareMetal = "bare_metal" }
    /// OCI: platform images support live migration; custom and Marketplace images are
    /// "attempted".
    public enum ImageKind: String, Sendable, CaseIterable { case platform, custom, marketplace }
    /// OCI networking launch types: only paravirtualized supports live migration.
    public enum Networking: String, Sendable, CaseIterable { case paravirtualized, hardwareAssisted = "hardware_assisted", emulated }
    /// Where the root disk lives: remote storage moves with the instance, local must be copied
    /// (LXD cold migration copies a container's root filesystem unless storage is remote).
    public enum Storage: String, Sendable, CaseIterable { case remote, local }
    /// LXD `cluster.evacuate`.
    public enum Evacuate: String, Sendable, CaseIterable { case auto, liveMigrate = "live-migrate", migrate, stop }

    public var kind: Kind = .vm
    public var image: ImageKind = .platform
    public var networking: Networking = .paravirtualized
    public var shielded = false
    public var credentialGuard = false
    public var vnicCount = 1
    public var realm = "commercial"
    public var dedicatedHost = false
    /// Devices attached to the instance, by LXD device type (`gpu`, `usb`, `disk-host-path`,
    /// `nic-unmanaged`, ...). Some cannot migrate.
    public var devices: [String] = []
    public var storage: Storage = .remote
    /// Root disk or container root filesystem, copied by a cold move when storage is local.
    public var rootDiskBytes: Int64 = 0
    public var evacuate: Evacuate = .auto
    /// LXD `migration.stateful` (VMs).
    public var migrationStateful = false
    /// CRIU enabled on both hosts (containers).
    public var criu = false
    /// The container runs systemd (CRIU cannot checkpoint it reliably).
    public var systemd = true
    /// The container has a network device (CRIU cannot checkpoint it reliably).
    public var networkDevice = true
    /// OCI availability configuration: stay stopped after a reboot migration.
    public var stayStoppedAfterMigration = false
    /// Public IP from a reserved pool (kept across a manual migration).
    public var reservedPublicIP = false
    /// DenseIO: the customer backed up the local NVMe SSD.
    public var nvmeBackedUp = false

    public init() {}
}

/// How a guest writes its memory, for the live-migration engine: a uniform dirty rate over
/// all memory, or a hot region (a fraction of memory) taking its own rate on top of a cold
/// rate over the rest.
public struct GuestDirtying: Sendable, Equatable {
    public var dirtyBytesPerSecond: Double
    /// Fraction of memory that is hot (0: uniform writes).
    public var hotFraction: Double
    public var hotDirtyBytesPerSecond: Double
    /// Fraction of pages that are zero (cheap on the wire).
    public var zeroPageFraction: Double
    /// Writes land on pages not yet written since the last sync (`distribution: sequential`)
    /// rather than uniformly at random (`uniform`, the default).
    public var sequentialWrites: Bool = false

    public init(dirtyBytesPerSecond: Double = 0, hotFraction: Double = 0, hotDirtyBytesPerSecond: Double = 0,
                zeroPageFraction: Double = 0, sequentialWrites: Bool = false) {
        self.sequentialWrites = sequentialWrites
        self.dirtyBytesPerSecond = dirtyBytesPerSecond
        self.hotFraction = hotFraction
        self.hotDirtyBytesPerSecond = hotDirtyBytesPerSecond
        self.zeroPageFraction = zeroPageFraction
    }
}
