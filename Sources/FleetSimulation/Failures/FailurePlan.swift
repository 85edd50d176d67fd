import FleetModel
import SimKernel
import Stochastics

/// Every hardware failure of one replication, decided before the run starts, and the oracle
/// of per-attempt faults.
///
/// The plan depends on the failure configuration, the fleet, the network's names, the
/// replication seed and the horizon: nothing the policy or the campaign does. Policy A and
/// policy B run with the same seed see the same failures (common random numbers). Each
/// random process has its own stream, named after its entity (`host`, `FD/rack`, `nic:host`)
/// and purpose, so adding a host or a rack changes no other entity's failures.
public struct FailurePlan: Sendable {
    /// Time-ordered; at equal times: restorations, then degradations, then failures (a rack's
    /// power loss before its hosts'), then by host, rack or link index.
    public let events: [FailureEvent]
    /// Merged outages of each host, by host, then start.
    public let hostOutages: [HostOutage]
    public let oracle: MigrationFaultOracle
    /// How long a pre-copy attempt waits on a cut link before aborting.
    public let linkStallTimeout: SimTime
    public let horizon: SimTime

    /// No failures at all.
    public static func none(replicationSeed: UInt64 = 0, horizon: SimTime = .max) -> FailurePlan {
        FailurePlan(events: [], hostOutages: [], oracle: MigrationFaultOracle(faults: MigrationFaults(), replicationSeed: replicationSeed),
                    linkStallTimeout: MigrationFaults().linkStallTimeout, horizon: horizon)
    }

    init(events: [FailureEvent], hostOutages: [HostOutage], oracle: MigrationFaultOracle, linkStallTimeout: SimTime, horizon: SimTime) {
        self.events = events
        self.hostOutages = hostOutages
        self.oracle = oracle
        self.linkStallTimeout = linkStallTimeout
        self.horizon = horizon
    }

    /// More events than this from one random process before the horizon is an input error
    /// (a mean time between failures of seconds, a rate per second where per year was meant).
    public static let maxEventsPerProcess = 100_000

    /// The plan of one replication (`replicationSeed` as from `CampaignRunner.replicationSeed`).
    /// Events at or after `horizon` are left out. Unknown host, rack or link names throw, with
    /// the key path of the entry (`failures.hosts.scheduled[2].host`).
    public static func make(config: FailureConfig, fleet: Fleet, topology: NetworkTopology,
                            replicationSeed: UInt64, horizon: SimTime,
                            generator: GeneratorKind = .mt19937) throws(FleetBuildError) -> FailurePlan {
        var builder = FailurePlanBuilder(names: FailureNames(fleet: fleet, topology: topology), seed: replicationSeed,
                                         horizon: horizon, generator: generator)
        try builder.addHostFailures(config.hosts)
        try builder.addRackFaults(config.racks)
        try builder.addLinkFaults(config.links)
        let (events, outages) = builder.finish()
        return FailurePlan(events: events, hostOutages: outages,
                           oracle: MigrationFaultOracle(faults: config.migrations, replicationSeed: replicationSeed,
                                                        generator: generator),
                           linkStallTimeout: config.migrations.linkStallTimeout, horizon: horizon)
    }

    /// The events that concern `host` (its failures and repairs).
    public func events(of host: HostID) -> [FailureEvent] {
        events.filter {
            switch $0 {
            case .hostFailed(let h, _, _), .hostRepaired(let h, _): return h == host
            default: return false
            }
        }
    }

    /// The merged outages of `host`.
    public func outages(of host: HostID) -> [HostOutage] { hostOutages.filter { $0.host == host } }

    /// Whether `host` is down at `time` (failed at or before it, repaired after it).
    public func isDown(_ host: HostID, at time: SimTime) -> Bool {
        outages(of: host).contains { $0.start <= time && time < ($0.end ?? .max) }
    }

    /// A drawn duration in seconds as `SimTime`: negative draws are 0, draws too large for
    /// the clock (or infinite) are `.max`.
    static func duration(seconds: Double) -> SimTime {
        if seconds.isNaN || seconds <= 0 { return .zero }
        if seconds >= 9.2e9 { return .max }
        return SimTime(seconds: seconds)
    }
}
