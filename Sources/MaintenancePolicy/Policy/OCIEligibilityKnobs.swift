import FleetModel

/// OCI's live-migration criteria ("All criteria must be met for an instance to support live
/// migration", seed 003) and which shapes take which non-live path.
public struct OCIEligibilityKnobs: Sendable, Equatable {
    /// Shapes that support live migration.
    public var liveShapes: [ShapePattern]
    /// At most this many attached VNICs ("Maximum total number of attached VNICs is six").
    public var maxVNICs: Int
    /// Realms whose tenancies support live migration ("Tenancy is in the commercial realm").
    public var realms: [String]
    /// Networking launch types that support live migration ("paravirtualized networking").
    public var networking: [InstanceAttributes.Networking]
    /// Shielded instances: "Not supported".
    public var allowShielded: Bool
    /// Windows Defender Credential Guard enabled: "Not supported".
    public var allowCredentialGuard: Bool
    /// "bare metal instances ... do not support live migration".
    public var allowBareMetal: Bool
    /// "instances on dedicated virtual machine hosts do not support live migration".
    public var allowDedicatedHost: Bool
    /// Custom and Marketplace images: "Oracle Cloud Infrastructure attempts to live migrate
    /// the instance". The probability that one such attempt can succeed is a fleetsim
    /// assumption (0.9); OCI publishes none.
    public var attemptedImageSuccessProbability: Double
    /// VM shapes that support reboot migration: "standard, GPU, and dense I/O shapes".
    public var rebootVMShapes: [ShapePattern]
    /// Bare metal shapes that support reboot migration: "bare metal instances that use
    /// standard shapes". Other bare metal shapes are moved manually.
    public var rebootBareMetalShapes: [ShapePattern]
    /// Dense I/O shapes (local NVMe SSD): rebuilt on the due date, or SSD deleted on a
    /// proactive reboot.
    public var denseIOShapes: [ShapePattern]
    /// Host shapes that are dedicated VM hosts (OCI names them `DVH.*`): an instance on such
    /// a host counts as on a dedicated host even when its attributes do not say so.
    public var dedicatedHostShapes: [ShapePattern]

    public init(liveShapes: [ShapePattern], maxVNICs: Int, realms: [String], networking: [InstanceAttributes.Networking],
                allowShielded: Bool, allowCredentialGuard: Bool, allowBareMetal: Bool, allowDedicatedHost: Bool,
                attemptedImageSuccessProbability: Double, rebootVMShapes: [ShapePattern],
                rebootBareMetalShapes: [ShapePattern], denseIOShapes: [ShapePattern], dedicatedHostShapes: [ShapePattern]) {
        self.liveShapes = liveShapes
        self.maxVNICs = maxVNICs
        self.realms = realms
        self.networking = networking
        self.allowShielded = allowShielded
        self.allowCredentialGuard = allowCredentialGuard
        self.allowBareMetal = allowBareMetal
        self.allowDedicatedHost = allowDedicatedHost
        self.attemptedImageSuccessProbability = attemptedImageSuccessProbability
        self.rebootVMShapes = rebootVMShapes
        self.rebootBareMetalShapes = rebootBareMetalShapes
        self.denseIOShapes = denseIOShapes
        self.dedicatedHostShapes = dedicatedHostShapes
    }

    /// The seed's table ("Live Migration Support", 2025-01-13). "Series" is a prefix:
    /// `VM.Standard2.*` covers VM.Standard2.1, VM.Standard2.2, ...
    public static let liveShapesFromSeed: [ShapePattern] = [
        "VM.Standard1.*",
        "VM.Standard.A1.Flex",
        "VM.Standard.B1.*",
        "VM.Standard2.*",
        "VM.Standard3.Flex",
        "VM.Standard.E2.*",
        "VM.Standard.E2.1.Micro",
        "VM.Standard.E3.Flex",
        "VM.Standard.E4.Flex",
        "VM.Standard.E5.Flex",
        "VM.Optimized3.Flex",
    ]

    public static let oci = OCIEligibilityKnobs(
        liveShapes: liveShapesFromSeed,
        maxVNICs: 6,
        realms: ["commercial"],
        networking: [.paravirtualized],
        allowShielded: false,
        allowCredentialGuard: false,
        allowBareMetal: false,
        allowDedicatedHost: false,
        attemptedImageSuccessProbability: 0.9,
        // "Standard/GPU shapes (including Flex)" and "DenseIO shapes (including Flex)".
        rebootVMShapes: ["VM.Standard*", "VM.GPU*", "VM.DenseIO*"],
        rebootBareMetalShapes: ["BM.Standard*"],
        denseIOShapes: ["VM.DenseIO*", "BM.DenseIO*"],
        dedicatedHostShapes: ["DVH.*"]
    )
}
