import FleetModel

/// A host's rank under a strategy: smaller is better, compared field by field, the host id
/// last, so every key is unique and ties go to the lowest id. The index and the reference scan
/// both rank hosts through `PlacementKey.make`, so they cannot disagree on what "best" means.
public struct PlacementKey: Comparable, Hashable, Sendable {
    public var primary: Int64
    public var secondary: Double
    public var host: Int32

    @inlinable public init(primary: Int64, secondary: Double, host: Int32) {
        self.primary = primary
        self.secondary = secondary
        self.host = host
    }

    @inlinable public static func < (a: PlacementKey, b: PlacementKey) -> Bool {
        if a.primary != b.primary { return a.primary < b.primary }
        if a.secondary != b.secondary { return a.secondary < b.secondary }
        return a.host < b.host
    }

    /// The key of `host` with `freeMemoryBytes`, `freeOcpus` and `residents` under `strategy`.
    @inlinable public static func make(_ strategy: PlacementStrategy, host: HostID, freeMemoryBytes: Int64,
                                       freeOcpus: Double, residents: Int) -> PlacementKey {
        switch strategy {
        case .leastLoaded:
            return PlacementKey(primary: -freeMemoryBytes, secondary: -freeOcpus, host: host.index)
        case .bestFit:
            return PlacementKey(primary: freeMemoryBytes, secondary: freeOcpus, host: host.index)
        case .spread:
            return PlacementKey(primary: Int64(residents), secondary: -Double(freeMemoryBytes), host: host.index)
        case .fewestInstances:
            return PlacementKey(primary: Int64(residents), secondary: 0, host: host.index)
        case .firstFit:
            return PlacementKey(primary: 0, secondary: 0, host: host.index)
        }
    }
}
