import FleetModel
import SimKernel
import Stochastics
@testable import FleetSimulation

/// A fleet of generated hosts (`e4-NN`), `hostsPerRack` to a rack, racks dealt over two
/// fault domains, and its network.
func failureFleet(hosts: Int = 8, hostsPerRack: Int = 4, spine: Double? = nil,
                  oversubscription: Double = 4) throws -> (Fleet, NetworkTopology) {
    let group = HostGroupSpec(name: "e4", count: hosts, shapeFamily: "E4", ocpus: 64, memoryBytes: 512 << 30,
                              nicBytesPerSecond: 3.125e9, faultDomains: ["FD-1", "FD-2"], hostsPerRack: hostsPerRack)
    let fleet = try FleetBuilder.build(FleetSpec(hostGroups: [group]), seed: 1)
    return (fleet, topology(fleet, spine: spine, oversubscription: oversubscription))
}

/// A fleet of hosts given by name, each in its own rack (`rack-<name>`).
func namedFleet(_ names: [String]) throws -> (Fleet, NetworkTopology) {
    let specs = names.map { HostSpec(name: $0, shapeFamily: "E4", ocpus: 64, memoryBytes: 512 << 30, nicBytesPerSecond: 3.125e9,
                                      faultDomain: "FD-1", rack: "rack-" + $0) }
    let fleet = try FleetBuilder.build(FleetSpec(hosts: specs), seed: 1)
    return (fleet, topology(fleet))
}

func topology(_ fleet: Fleet, spine: Double? = nil, oversubscription: Double = 4) -> NetworkTopology {
    var allocator = BandwidthAllocator()
    return NetworkTopology(fleet: fleet, layout: NetworkLayout(oversubscription: oversubscription, spineBytesPerSecond: spine),
                           allocator: &allocator)
}

func plan(_ config: FailureConfig, _ net: (Fleet, NetworkTopology), seed: UInt64 = 7,
          horizon: SimTime = .days(30)) throws -> FailurePlan {
    try FailurePlan.make(config: config, fleet: net.0, topology: net.1, replicationSeed: seed, horizon: horizon)
}

/// The building error of `body`, or nil when it does not throw.
func buildError(_ body: () throws -> Void) -> FleetBuildError? {
    do {
        try body()
        return nil
    } catch let e as FleetBuildError {
        return e
    } catch {
        return nil
    }
}

let day = 86_400.0

/// Random host failures only: exponential with the given mean, a fixed repair.
func mtbfConfig(meanDays: Double, repair: Double = 3_600) -> FailureConfig {
    FailureConfig(hosts: HostFailures(timeToFailureSeconds: .exponential(mean: meanDays * day), repairSeconds: .constant(repair)))
}

/// The failure times of each host, by host name.
func failureTimes(_ p: FailurePlan, _ fleet: Fleet) -> [String: [SimTime]] {
    var out: [String: [SimTime]] = [:]
    for case let .hostFailed(h, _, t) in p.events { out[fleet[h].name, default: []].append(t) }
    return out
}
