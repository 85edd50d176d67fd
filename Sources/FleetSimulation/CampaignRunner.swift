import FleetModel
import SimKernel
import Stochastics

/// What a run produced besides its facts.
public struct RunResult: Sendable, Codable {
    public let replication: Int
    public let seed: UInt64
    /// Simulated time when the run stopped (last event, or the horizon).
    public let endTime: SimTime
    /// When the last campaign host returned to service; nil if the horizon came first.
    public let campaignEnd: SimTime?
    public let eventsProcessed: Int
    /// The re-rating work behind the run's cost: printed by `fleetsim bench`, carried in
    /// run shards with the rest of the result, in no report.
    public let networkWork: NetworkWork
}

/// Runs one replication of a campaign.
public enum CampaignRunner {
    /// Replication r draws from streams seeded by (scenario seed, r). Replication 0 is not
    /// special-cased, so `--replications 1` and the first of `--replications 10` agree.
    public static func replicationSeed(scenarioSeed: UInt64, replication: Int) -> UInt64 {
        StreamSeed.derive(scenarioSeed: scenarioSeed, entity: "replication", purpose: String(replication))
    }

    /// The campaign's host list as ids; unknown or repeated names, and selections that match
    /// no host, are input errors.
    public static func campaignHosts(_ config: SimulationConfig, fleet: Fleet) throws(FleetBuildError) -> [HostID] {
        switch config.campaign.hosts {
        case .all:
            return fleet.hosts.map(\.id)
        case .faultDomain(let fd):
            let ids = fleet.hosts.filter { $0.location.faultDomain == fd }.map(\.id)
            if ids.isEmpty {
                let known = Set(fleet.hosts.map(\.location.faultDomain)).sorted().joined(separator: ", ")
                throw FleetBuildError(keyPath: "campaign.hosts.fault_domain", message: "no host in fault domain '\(fd)' (fault domains: \(known))")
            }
            return ids
        case .rack(let rack):
            let ids = fleet.hosts.filter { $0.location.rack == rack }.map(\.id)
            if ids.isEmpty {
                throw FleetBuildError(keyPath: "campaign.hosts.rack", message: "no host in rack '\(rack)'")
            }
            return ids
        case .names(let names):
            let byName = fleet.hostIndexByName()
            var seen = Set<String>()
            var ids: [HostID] = []
            for (k, name) in names.enumerated() {
                guard let id = byName[name] else {
                    let example = fleet.hosts.first.map { " (hosts are named like '\($0.name)')" } ?? ""
                    throw FleetBuildError(keyPath: "campaign.hosts[\(k)]", message: "no host named '\(name)'" + example)
                }
                guard seen.insert(name).inserted else {
                    throw FleetBuildError(keyPath: "campaign.hosts[\(k)]", message: "host '\(name)' is listed twice")
                }
                ids.append(id)
            }
            return ids
        }
    }

    /// Check the failure section against the fleet (names of hosts, racks, links) by building
    /// replication 0's failure plan; input errors surface before anything runs.
    public static func validateFailures(_ config: SimulationConfig, fleet: Fleet) throws(FleetBuildError) {
        guard !config.failures.isNone else { return }
        var allocator = BandwidthAllocator()
        let topology = NetworkTopology(fleet: fleet, layout: config.network, allocator: &allocator)
        _ = try FailurePlan.make(config: config.failures, fleet: fleet, topology: topology,
                                 replicationSeed: replicationSeed(scenarioSeed: config.seed, replication: 0),
                                 horizon: config.horizon, generator: config.generator)
    }

    public static func run(config: SimulationConfig, fleet: Fleet, replication: Int,
                           observers: [FactObserver]) throws -> RunResult {
        let seed = replicationSeed(scenarioSeed: config.seed, replication: replication)
        let hosts = try campaignHosts(config, fleet: fleet)
        var model = try CampaignModel(config: config, fleet: fleet, replicationSeed: seed,
                                      campaignHosts: hosts, observers: observers)
        var kernel = Kernel<CampaignEvent>()
        kernel.schedule(at: .zero, .start)
        kernel.run(until: config.horizon, handler: &model)
        if let stall = kernel.stall {
            throw NoProgressError(time: stall.time, event: "\(stall.payload)", events: kernel.maxEventsAtOneInstant)
        }
        // A campaign that did not finish ran (stalled or not) until the horizon.
        let end = model.hosts.campaignEnd == nil ? max(kernel.now, config.horizon) : kernel.now
        model.resolveAll(at: end)
        return RunResult(replication: replication, seed: seed, endTime: end,
                         campaignEnd: model.hosts.campaignEnd, eventsProcessed: kernel.eventsProcessed,
                         networkWork: model.flows.work)
    }
}

/// The kernel's watchdog stopped a run whose time no longer advanced: a model bug, reported
/// with where it happened instead of spinning until killed.
public struct NoProgressError: Error, CustomStringConvertible {
    public let time: SimTime
    public let event: String
    public let events: Int
    public var description: String {
        "no progress: more than \(events) events at simulated time \(time) (\(time.seconds) s) without time advancing; "
            + "the last was \(event). This is a bug in fleetsim; please report it with the scenario"
    }
}
