/// A physical host.
public struct Host: Sendable {
    public let id: HostID
    public let name: String
    /// Shape family, e.g. OCI `VM.Standard.E4.Flex` hosts; instances only move between hosts
    /// of a compatible family.
    public let shapeFamily: String
    public let capacity: Resources
    public let nicBytesPerSecond: Double
    public let location: Location

    public init(id: HostID, name: String, shapeFamily: String, capacity: Resources,
                nicBytesPerSecond: Double, location: Location) {
        self.id = id
        self.name = name
        self.shapeFamily = shapeFamily
        self.capacity = capacity
        self.nicBytesPerSecond = nicBytesPerSecond
        self.location = location
    }
}
