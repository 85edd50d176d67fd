import FleetSimulation
import Foundation
import Scenario

/// How much memory a run may take (`--max-memory`), and estimates of what a scenario or a
/// migration would take, made before anything is allocated: a fleet of 10^10 hosts,
/// `--replications 1e9` or a page bitmap of a 1 PiB guest is refused with the figure, instead
/// of dying in the allocator.
public struct MemoryBudget: Sendable {
    public let limitBytes: Double

    public init(limitBytes: Double) { self.limitBytes = limitBytes }

    /// The default: half the machine's physical memory, leaving the rest to the system and to
    /// whatever else runs (CI machines are shared).
    public static var defaultLimitBytes: Double { Double(ProcessInfo.processInfo.physicalMemory) / 2 }

    /// A failure naming what needs the memory, how much and the limit.
    public func check(_ neededBytes: Double, for what: String, flag: String = "--max-memory", file: String? = nil) throws(CommandFailure) {
        guard neededBytes > limitBytes else { return }
        throw .badInput("\(file.map { "\($0): " } ?? "")error: \(flag): expected a run that fits the memory limit of \(MemoryText.bytes(limitBytes)) (default: half the physical memory), found \(what), which needs about \(MemoryText.bytes(neededBytes))")
    }

    // Heap per entity, rounded up from runs of the shipped scenarios (large-fleet: 10,000
    // hosts and 160,000 instances: about 310 MB measured, 350 MiB estimated). Rough on
    // purpose: the estimate only has to tell a feasible run from an impossible one.
    static let bytesPerHost = 4_096.0
    static let bytesPerInstance = 512.0
    /// A replication's metrics and recorder are kept until the reports are written.
    static let keptBytesPerReplication = 4_096.0
    static let keptBytesPerInstancePerReplication = 256.0
    /// A replication in flight holds its model, kernel and observers.
    static let runningBytesPerInstance = 1_024.0
    static let runningBytesPerHost = 4_096.0

    /// Hosts and instances a scenario would build (counts may be absurd: Doubles, no trap).
    public static func fleetSize(_ config: SimulationConfig, scale: Double?) -> (hosts: Double, instances: Double) {
        let factor = scale ?? 1
        func scaled(_ n: Int) -> Double { scale == nil ? Double(n) : max(1, (Double(n) * factor).rounded()) }
        let hosts = config.fleet.hostGroups.reduce(0.0) { $0 + scaled($1.count) } + Double(config.fleet.hosts.count)
        let instances = config.fleet.instanceGroups.reduce(0.0) { $0 + scaled($1.count) } + Double(config.fleet.instances.count)
        return (hosts, instances)
    }

    /// The memory a whole run of `replications`, `jobs` at a time, would need.
    public static func estimate(hosts: Double, instances: Double, replications: Double, jobs: Double) -> Double {
        let fleet = hosts * bytesPerHost + instances * bytesPerInstance
        let kept = replications * (keptBytesPerReplication + instances * keptBytesPerInstancePerReplication)
        let running = min(jobs, replications) * (instances * runningBytesPerInstance + hosts * runningBytesPerHost)
        return fleet + kept + running
    }
}
