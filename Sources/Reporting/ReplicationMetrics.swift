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
    /// Instances the campaign had to deal with (planned for a move, or on a campaign host
    /// the horizon caught undrained). With failures this differs between replications.
    public let instancesInCampaign: Int
    /// Final states of the campaign's instances, in `FinalState.allCases` order; they sum to
    /// `instancesInCampaign`.
    public let finalStateCounts: [(state: FinalState, count: Int)]
    /// Final states of the bystanders (instances outside the campaign: `untouched`, or hit by
    /// a failure), in `FinalState.allCases` order; they sum to `instances - instancesInCampaign`.
    public let bystanderStateCounts: [(state: FinalState, count: Int)]
    public let attempts: Int
    public let attemptsCompleted: Int
    /// Total downtime of each instance that moved, seconds.
    public let downtimeSeconds: [Double]
    /// The same instances' downtime split: planned (maintenance) and unplanned (host crash,
    /// post-copy pause), seconds, in the same order.
    public let plannedDowntimePerMovedSeconds: [Double]
    public let unplannedDowntimePerMovedSeconds: [Double]
    /// Queueing delay of each attempt (queued until started), seconds.
    public let queueingDelaySeconds: [Double]
    /// Time each instance that had to wait for capacity waited, seconds.
    public let waitedForCapacitySeconds: [Double]
    public let hostsDrained: Int
    public let eventsProcessed: Int
    /// Per action (in `MoveAction.allCases` order): attempts, completed, aborted.
    public let attemptsByAction: [(action: MoveAction, attempts: Int, completed: Int, aborted: Int)]
    /// Aborted attempts by reason, sorted by reason.
    public let abortReasons: [(reason: String, count: Int)]
    /// Moved instances by the action of their last completed move.
    public let movedBy: [(action: MoveAction, count: Int)]
    /// Instances moved by reboot after at least one failed live attempt.
    public let fellBackToReboot: Int
    /// Bytes every attempt put on the wire: live migrations and cold moves' disk copies.
    public let bytesOnWire: Double
    /// Bytes of live migrations only, and of cold moves' root-disk copies only.
    public let liveMigrationBytes: Double
    public let coldCopyBytes: Double
    /// Highest sampled utilisation of any rack uplink, downlink, the spine or the client link.
    public let peakUplinkUtilisation: Double?
    /// Instances per plan reason ("eligible", "not eligible for live migration: shielded", ...).
    public let planReasons: [(reason: String, count: Int)]
    /// Instances failing each OCI live-migration criterion.
    public let incompatibilities: [(criterion: String, count: Int)]
    /// Campaign instances per (final state, final reason), sorted.
    public let finalReasons: [(state: FinalState, reason: String, count: Int)]
    /// From the first notice to the end of the move, for notified instances that moved.
    public let noticeToResolutionSeconds: [Double]
    public let dataLostInstances: Int
    /// Planned and unplanned downtime of the whole fleet, seconds, and by cause.
    public let plannedDowntimeSeconds: Double
    public let unplannedDowntimeSeconds: Double
    public let downtimeByCauseSeconds: [(cause: DowntimeCause, seconds: Double)]
    /// Unplanned downtime of each instance that had any, seconds.
    public let unplannedDowntimePerInstanceSeconds: [Double]
    /// Instances lost in post-copy, by name.
    public let lostInstances: [String]
    public let hostFailures: Int
    public let identifiersChangedInstances: Int

    public init(result: RunResult, recorder: RunRecorder) {
        replication = result.replication
        seed = result.seed
        endTimeSeconds = result.endTime.seconds
        eventsProcessed = result.eventsProcessed
        instances = recorder.fleet.instances.count

        let start = recorder.campaignStart ?? .zero
        campaignCompleted = recorder.campaignEnd != nil
        campaignMakespanSeconds = recorder.campaignEnd.map { ($0 - start).seconds }
        drainMakespanSeconds = Self.drainMakespanSeconds(recorder, campaignStart: start)
        hostsDrained = recorder.hosts.filter { $0.drainEnd != nil }.count
        hostFailures = recorder.hostFailures.count

        instancesInCampaign = recorder.inCampaign.filter { $0 }.count
        finalStateCounts = Self.finalStateCounts(recorder, inCampaign: true)
        bystanderStateCounts = Self.finalStateCounts(recorder, inCampaign: false)
        finalReasons = Self.finalReasons(recorder)
        lostInstances = recorder.fleet.instances.filter { recorder.finalState[$0.id.int] == .lost }.map(\.name)
        dataLostInstances = recorder.dataLost.filter { $0 }.count
        identifiersChangedInstances = recorder.identifiersChanged.filter { !$0.isEmpty }.count
        planReasons = Self.counted(recorder.planReason.filter { !$0.isEmpty })
        incompatibilities = Self.counted(recorder.incompatibilities.flatMap { $0 })
        noticeToResolutionSeconds = Self.noticeToResolutionSeconds(recorder)

        attempts = recorder.attempts.count
        // Lazily: a filtered copy of the records is tens of MB in a large run.
        attemptsCompleted = recorder.attempts.lazy.filter { $0.outcome == .completed }.count
        attemptsByAction = Self.attemptsByAction(recorder.attempts)
        abortReasons = Self.counted(Array(recorder.attempts.lazy.filter { $0.outcome == .aborted }.map(\.reason)))
        queueingDelaySeconds = recorder.attempts.map { $0.queueingDelay.seconds }
        waitedForCapacitySeconds = recorder.waitedForCapacity.filter { $0 > .zero }.map(\.seconds)
        let history = MoveHistory(recorder)
        movedBy = MoveAction.allCases.map { ($0, history.movedCount(lastBy: $0)) }
        fellBackToReboot = history.fellBackToRebootCount

        bytesOnWire = recorder.attempts.reduce(0) { $0 + $1.bytes }
        liveMigrationBytes = recorder.attempts.reduce(0) { $0 + ($1.action == .live ? $1.bytes : 0) }
        coldCopyBytes = recorder.attempts.reduce(0) { $0 + ($1.action == .cold ? $1.bytes : 0) }
        peakUplinkUtilisation = LinkUtilisation.series(recorder).map(\.utilisation).max()

        let moved = recorder.fleet.instances.indices.filter { recorder.finalState[$0] == .moved }
        let perInstance = recorder.downtimeSecondsPerInstance()
        downtimeSeconds = moved.map { perInstance[$0] }
        unplannedDowntimePerMovedSeconds = moved.map { recorder.unplannedDowntime[$0].seconds }
        plannedDowntimePerMovedSeconds = moved.map { (recorder.downtime[$0] - recorder.unplannedDowntime[$0]).seconds }
        downtimeByCauseSeconds = zip(DowntimeCause.allCases, recorder.downtimeByCause).map { ($0, $1.seconds) }
        plannedDowntimeSeconds = downtimeByCauseSeconds.filter { $0.cause.isPlanned }.reduce(0) { $0 + $1.seconds }
        unplannedDowntimeSeconds = downtimeByCauseSeconds.filter { !$0.cause.isPlanned }.reduce(0) { $0 + $1.seconds }
        unplannedDowntimePerInstanceSeconds = recorder.unplannedDowntime.filter { $0 > .zero }.map(\.seconds)
    }

    static func counted(_ items: [String]) -> [(String, Int)] {
        var counts: [String: Int] = [:]
        for item in items { counts[item, default: 0] += 1 }
        return counts.keys.sorted().map { ($0, counts[$0]!) }
    }

    /// Campaign instances in `state`.
    public func count(_ state: FinalState) -> Int {
        finalStateCounts.first { $0.state == state }?.count ?? 0
    }

    /// Bystanders in `state`.
    public func bystanderCount(_ state: FinalState) -> Int {
        bystanderStateCounts.first { $0.state == state }?.count ?? 0
    }
}

extension RunRecorder {
    var instances: Int { fleet.instances.count }
}
