import FleetModel
import FleetSimulation
import SimKernel

/// The headline numbers of one replication, computed from its recorder after the run.
public struct ReplicationMetrics: Sendable {
    public let replication: Int
    public let seed: UInt64
    public let campaignCompleted: Bool
    /// From campaign start until the last campaign host returned to service.
    public let campaignMakespanSeconds: Double?
    /// From campaign start until the last campaign host was empty.
    public let drainMakespanSeconds: Double?
    public let endTimeSeconds: Double
    public let instances: Int
    /// Instances on campaign hosts (queued to move at least once).
    public let instancesInCampaign: Int
    /// Final states in `FinalState.allCases` order.
    public let finalStateCounts: [(state: FinalState, count: Int)]
    public let attempts: Int
    public let attemptsCompleted: Int
    /// Total downtime of each instance that moved, seconds.
    public let downtimeSeconds: [Double]
    /// Queueing delay of each attempt (queued until started), seconds.
    public let queueingDelaySeconds: [Double]
    /// Time each instance that had to wait for capacity waited, seconds.
    public let waitedForCapacitySeconds: [Double]
    public let hostsDrained: Int
    public let eventsProcessed: Int

    public init(result: RunResult, recorder: RunRecorder) {
        replication = result.replication
        seed = result.seed
        let start = recorder.campaignStart ?? .zero
        campaignCompleted = recorder.campaignEnd != nil
        campaignMakespanSeconds = recorder.campaignEnd.map { ($0 - start).seconds }
        let drainEnds = recorder.hosts.compactMap(\.drainEnd)
        let drainStarts = recorder.hosts.compactMap(\.drainStart)
        drainMakespanSeconds = (drainEnds.count == drainStarts.count && !drainEnds.isEmpty)
            ? (drainEnds.max()! - start).seconds : nil
        endTimeSeconds = result.endTime.seconds
        instances = recorder.fleet.instances.count
        var counts = Dictionary(uniqueKeysWithValues: FinalState.allCases.map { ($0, 0) })
        for state in recorder.finalState { if let state { counts[state, default: 0] += 1 } }
        finalStateCounts = FinalState.allCases.map { ($0, counts[$0] ?? 0) }
        instancesInCampaign = recorder.instances - (counts[.untouched] ?? 0)
        attempts = recorder.attempts.count
        attemptsCompleted = recorder.attempts.filter { $0.outcome == .completed }.count
        let perInstance = recorder.downtimeSecondsPerInstance()
        downtimeSeconds = recorder.fleet.instances.indices
            .filter { recorder.finalState[$0] == .moved }
            .map { perInstance[$0] }
        queueingDelaySeconds = recorder.attempts.map { $0.queueingDelay.seconds }
        waitedForCapacitySeconds = recorder.waitedForCapacity.filter { $0 > .zero }.map(\.seconds)
        hostsDrained = recorder.hosts.filter { $0.drainEnd != nil }.count
        eventsProcessed = result.eventsProcessed
    }

    public func count(_ state: FinalState) -> Int {
        finalStateCounts.first { $0.state == state }?.count ?? 0
    }
}

extension RunRecorder {
    var instances: Int { fleet.instances.count }
}
