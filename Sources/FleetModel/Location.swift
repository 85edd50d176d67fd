/// Where a host sits: region > availability domain > fault domain > rack.
/// Names are the scenario's own; indices into the fleet's rack table make look-ups cheap.
public struct Location: Equatable, Sendable {
    public var region: String
    public var availabilityDomain: String
    public var faultDomain: String
    public var rack: String

    public init(region: String, availabilityDomain: String, faultDomain: String, rack: String) {
        self.region = region
        self.availabilityDomain = availabilityDomain
        self.faultDomain = faultDomain
        self.rack = rack
    }
}
