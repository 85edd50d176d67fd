import FleetModel
import Stochastics

/// What varies between replications besides the run's own draws (durations, customers,
/// failures, faults), which always vary.
///
/// - `none`: the fleet and every guest's workload are drawn once, from the scenario seed;
///   replications differ only in what happens to that one fleet.
/// - `workload` (default): the fleet (shapes, placement, attributes) is drawn once; each
///   replication draws every generated guest's dirty rates afresh. A confidence interval then
///   covers the guests' behaviour, which the scenario gives as a distribution, not a value.
/// - `fleet`: each replication draws the whole generated fleet afresh (shapes, placement and
///   workloads), for questions about a kind of fleet rather than one fleet.
///
/// Whatever the mode, replication r's draws depend only on (scenario seed, r), so two
/// policies run with the same seed see the same fleet and workloads per replication (common
/// random numbers).
public enum ReplicationResample: String, Sendable, CaseIterable {
    case none
    case workload
    case fleet

    /// The default: a scenario's dirty rates are distributions, and the interval should say
    /// how much the answer depends on them.
    public static let `default` = ReplicationResample.workload

    /// The fleet replication `replication` runs on, given the fleet drawn from the scenario
    /// seed.
    public func fleet(for replication: Int, base: Fleet, config: SimulationConfig) throws(FleetBuildError) -> Fleet {
        let seed = CampaignRunner.replicationSeed(scenarioSeed: config.seed, replication: replication)
        switch self {
        case .none: return base
        case .workload: return FleetBuilder.redrawWorkloads(of: base, spec: config.fleet, seed: seed,
                                                            generator: config.generator)
        case .fleet: return try FleetBuilder.build(config.fleet, seed: seed, generator: config.generator)
        }
    }
}
