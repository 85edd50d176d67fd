/// A guest: a VM or a container, with what it consumes and what the policy reads about it.
public struct Instance: Sendable {
    public let id: InstanceID
    public let name: String
    /// Compute shape, e.g. `VM.Standard.E4.Flex`.
    public let shape: String
    public let demand: Resources
    /// Where the scenario placed it before the campaign.
    public let initialHost: HostID
    public var attributes: InstanceAttributes
    public var guest: GuestDirtying
    /// Instances sharing an anti-affinity group never share a host (index into
    /// `Fleet.antiAffinityGroups`; nil: none).
    public var antiAffinityGroup: Int32?

    public init(id: InstanceID, name: String, shape: String, demand: Resources, initialHost: HostID,
                attributes: InstanceAttributes = InstanceAttributes(), guest: GuestDirtying = GuestDirtying(),
                antiAffinityGroup: Int32? = nil) {
        self.id = id
        self.name = name
        self.shape = shape
        self.demand = demand
        self.initialHost = initialHost
        self.attributes = attributes
        self.guest = guest
        self.antiAffinityGroup = antiAffinityGroup
    }
}
