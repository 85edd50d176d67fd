import FleetModel

/// How a target host is chosen among those that can take an instance. Every strategy breaks
/// remaining ties by the lowest host id, so the same state always gives the same answer.
///
/// Whatever the strategy, a target must have room for the instance's CPU and memory (counting
/// reservations), accept instances, share the source's shape family and honour anti-affinity:
/// fleetsim never overcommits a host (`Occupancy`'s invariant).
public enum PlacementStrategy: String, Sendable, CaseIterable {
    /// The host with the most free memory, then the most free OCPUs: spreads load, leaves
    /// headroom everywhere. Modelled on Nova's default weighers (`RAMWeigher` with the default
    /// positive `ram_weight_multiplier`, and `CPUWeigher`; nova/scheduler/weights/ram.py,
    /// cpu.py). Nova adds the normalised weights; fleetsim ranks memory first and OCPUs only
    /// on a tie, which is what Nova does when RAM differences dominate.
    case leastLoaded = "least_loaded"
    /// The host with the least free memory that still fits (then the least free OCPUs): packs,
    /// keeps whole hosts free.
    case bestFit = "best_fit"
    /// The host with the fewest resident instances, ties by the most free memory: spreads the
    /// number of guests (and so the blast radius of a host failure) rather than bytes.
    case spread
    /// The host with the fewest resident instances, ties by the lowest host id: LXD's cluster
    /// scheduler (`GetNodeWithLeastInstances` in lxd/db/node.go) counts instances and takes the
    /// first member with the fewest (it also counts instances being created; fleetsim counts
    /// residents only). LXD ignores capacity when it schedules; fleetsim does not:
    /// a host without room for the instance is skipped, so the no-overcommit invariant holds.
    /// This is a deliberate deviation: where LXD would pick a full member and fail the move,
    /// fleetsim picks the next-fewest member that has room.
    case fewestInstances = "fewest_instances"
    /// The lowest host id that fits.
    case firstFit = "first_fit"
}
