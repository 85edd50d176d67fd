import FleetModel

/// How a target host is chosen among those that can take an instance.
public enum PlacementStrategy: String, Sendable, CaseIterable {
    /// The host with the most free memory (then most free OCPUs): spreads load, leaves
    /// headroom everywhere. Nova's default weighers (RAM, then CPU) behave this way.
    case leastLoaded = "least_loaded"
    /// The host with the least free memory that still fits: packs, keeps whole hosts free.
    case bestFit = "best_fit"
    /// The host with the fewest resident instances (LXD's cluster scheduler counts
    /// instances, not resources).
    case fewestInstances = "fewest_instances"
    /// The first host in fleet order that fits.
    case firstFit = "first_fit"
}
