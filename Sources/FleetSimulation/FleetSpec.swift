import FleetModel
import Stochastics

/// The fleet as a scenario describes it: explicit hosts and instances, and generated
/// populations whose attributes are drawn from distributions. `FleetBuilder` turns it into a
/// concrete `Fleet`.
public struct FleetSpec: Sendable {
    public var region: String
    public var hostGroups: [HostGroupSpec]
    public var hosts: [HostSpec]
    public var instanceGroups: [InstanceGroupSpec]
    public var instances: [InstanceSpec]

    public init(region: String = "region-1", hostGroups: [HostGroupSpec] = [], hosts: [HostSpec] = [],
                instanceGroups: [InstanceGroupSpec] = [], instances: [InstanceSpec] = []) {
        self.region = region
        self.hostGroups = hostGroups
        self.hosts = hosts
        self.instanceGroups = instanceGroups
        self.instances = instances
    }
}

/// "count hosts like this": names are `<name>-<index>` with a zero-padded index; hosts are
/// laid out rack by rack, racks dealt round-robin over the fault domains.
public struct HostGroupSpec: Sendable {
    public var name: String
    public var count: Int
    public var shapeFamily: String
    public var ocpus: Double
    public var memoryBytes: Int64
    public var nicBytesPerSecond: Double
    public var availabilityDomain: String
    public var faultDomains: [String]
    public var hostsPerRack: Int

    public init(name: String, count: Int, shapeFamily: String, ocpus: Double, memoryBytes: Int64,
                nicBytesPerSecond: Double, availabilityDomain: String = "AD-1",
                faultDomains: [String] = ["FAULT-DOMAIN-1"], hostsPerRack: Int = 32) {
        self.name = name
        self.count = count
        self.shapeFamily = shapeFamily
        self.ocpus = ocpus
        self.memoryBytes = memoryBytes
        self.nicBytesPerSecond = nicBytesPerSecond
        self.availabilityDomain = availabilityDomain
        self.faultDomains = faultDomains
        self.hostsPerRack = hostsPerRack
    }
}

/// One host given by hand.
public struct HostSpec: Sendable {
    public var name: String
    public var shapeFamily: String
    public var ocpus: Double
    public var memoryBytes: Int64
    public var nicBytesPerSecond: Double
    public var availabilityDomain: String
    public var faultDomain: String
    public var rack: String

    public init(name: String, shapeFamily: String, ocpus: Double, memoryBytes: Int64, nicBytesPerSecond: Double,
                availabilityDomain: String = "AD-1", faultDomain: String = "FAULT-DOMAIN-1", rack: String = "rack-1") {
        self.name = name
        self.shapeFamily = shapeFamily
        self.ocpus = ocpus
        self.memoryBytes = memoryBytes
        self.nicBytesPerSecond = nicBytesPerSecond
        self.availabilityDomain = availabilityDomain
        self.faultDomain = faultDomain
        self.rack = rack
    }
}

/// How generated instances are first placed on hosts.
public enum InitialPlacement: String, Sendable, CaseIterable {
    /// Fill hosts in fleet order (first fit): realistic for a fleet filled over time.
    case pack
    /// Put each instance on the host with the most free memory: an evenly loaded fleet.
    case spread
}

/// "count instances like this", attributes drawn per instance from its own random stream.
public struct InstanceGroupSpec: Sendable {
    public var name: String
    public var count: Int
    public var shape: String
    /// Host shape family the instances run on (defaults to `shape`).
    public var hostFamily: String
    public var ocpus: Distribution
    public var memoryBytes: Distribution
    public var placement: InitialPlacement
    /// Restrict initial placement to hosts of these host groups (empty: any compatible host).
    public var hostGroups: [String]
    public var attributes: InstanceAttributes
    public var guest: GuestSpec
    /// Consecutive instances form anti-affinity groups of this size (`<name>-aa-<k>`): no two
    /// members on one host. 0 or 1: no anti-affinity.
    public var antiAffinityGroupSize: Int

    public init(name: String, count: Int, shape: String, hostFamily: String? = nil, ocpus: Distribution,
                memoryBytes: Distribution, placement: InitialPlacement = .spread, hostGroups: [String] = [],
                attributes: InstanceAttributes = InstanceAttributes(), guest: GuestSpec = GuestSpec(),
                antiAffinityGroupSize: Int = 0) {
        self.name = name
        self.count = count
        self.shape = shape
        self.hostFamily = hostFamily ?? shape
        self.ocpus = ocpus
        self.memoryBytes = memoryBytes
        self.placement = placement
        self.hostGroups = hostGroups
        self.attributes = attributes
        self.guest = guest
        self.antiAffinityGroupSize = antiAffinityGroupSize
    }
}

/// How a generated group's guests dirty memory, drawn per instance.
public struct GuestSpec: Sendable {
    /// Dirty rate over all memory (or over the cold part when a hot region is given), bytes/s.
    public var dirtyBytesPerSecond: Distribution
    /// Fraction of memory that is hot, and its own dirty rate.
    public var hotFraction: Double
    public var hotDirtyBytesPerSecond: Distribution
    public var zeroPageFraction: Double
    /// `distribution: sequential` (writes on pages not yet written since the last sync).
    public var sequentialWrites = false

    public init(dirtyBytesPerSecond: Distribution = .constant(0), hotFraction: Double = 0,
                hotDirtyBytesPerSecond: Distribution = .constant(0), zeroPageFraction: Double = 0) {
        self.dirtyBytesPerSecond = dirtyBytesPerSecond
        self.hotFraction = hotFraction
        self.hotDirtyBytesPerSecond = hotDirtyBytesPerSecond
        self.zeroPageFraction = zeroPageFraction
    }
}

/// One instance given by hand, on a named host.
public struct InstanceSpec: Sendable {
    public var name: String
    public var shape: String
    public var ocpus: Double
    public var memoryBytes: Int64
    public var host: String
    public var attributes: InstanceAttributes
    public var guest: GuestDirtying
    public var antiAffinityGroup: String?

    public init(name: String, shape: String, ocpus: Double, memoryBytes: Int64, host: String,
                attributes: InstanceAttributes = InstanceAttributes(), guest: GuestDirtying = GuestDirtying(),
                antiAffinityGroup: String? = nil) {
        self.name = name
        self.shape = shape
        self.ocpus = ocpus
        self.memoryBytes = memoryBytes
        self.host = host
        self.attributes = attributes
        self.guest = guest
        self.antiAffinityGroup = antiAffinityGroup
    }
}
