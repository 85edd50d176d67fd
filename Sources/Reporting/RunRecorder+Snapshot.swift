import FleetModel
import FleetSimulation
import SimKernel

/// Everything a finished `RunRecorder` holds that the reports read, without the fleet: what
/// a run shard (`run --shard K/N`) writes for each of its replications, and what `merge`
/// restores recorders from. The fleet is rebuilt from the scenario, so a restored recorder
/// renders the same report files, byte for byte, as the one that watched the run.
///
/// Tuples become small structs here (tuples are not `Codable`); times stay integer
/// nanoseconds, so nothing is rounded on the way through a file.
public struct RunRecorderSnapshot: Codable, Sendable {
    public struct WaveStart: Codable, Sendable { var wave: Int; var time: SimTime }
    public struct LinkBytes: Codable, Sendable { var link: LinkID; var bytes: Double }
    public struct LinkSample: Codable, Sendable { var time: SimTime; var bytesCarried: [LinkBytes] }
    public struct HostFailure: Codable, Sendable { var host: HostID; var cause: String; var time: SimTime }
    public struct CapacityChange: Codable, Sendable { var link: LinkID; var fraction: Double; var time: SimTime }

    var attempts: [AttemptRecord]
    var hosts: [HostRecord]
    var waveStarts: [WaveStart]
    var finalState: [FinalState?]
    var finalReason: [String]
    var finalHost: [HostID]
    var inCampaign: [Bool]
    var waitedForCapacity: [SimTime]
    var linkTotals: [LinkTotal]
    var linkSamples: [LinkSample]
    var campaignStart: SimTime?
    var campaignEnd: SimTime?
    var plannedActions: [[String]]
    var planReason: [String]
    var incompatibilities: [[String]]
    var noticeAt: [SimTime?]
    var noticeTrigger: [String]
    var lastMoveEnd: [SimTime?]
    var dataLost: [Bool]
    var identifiersChanged: [[String]]
    var downtime: [SimTime]
    var unplannedDowntime: [SimTime]
    var downtimeByCause: [SimTime]
    var hostFailures: [HostFailure]
    var linkCapacityChanges: [CapacityChange]

    /// The fleet-sized arrays must match the fleet the recorder is restored onto.
    func fits(_ fleet: Fleet) -> Bool {
        let n = fleet.instances.count
        let perInstance = [finalState.count, finalReason.count, finalHost.count, inCampaign.count, waitedForCapacity.count,
                           plannedActions.count, planReason.count, incompatibilities.count, noticeAt.count,
                           noticeTrigger.count, lastMoveEnd.count, dataLost.count, identifiersChanged.count,
                           downtime.count, unplannedDowntime.count]
        return perInstance.allSatisfy { $0 == n } && hosts.count == fleet.hosts.count
            && downtimeByCause.count == DowntimeCause.allCases.count
    }
}

extension RunRecorder {
    /// What the reports read, for a run shard's file.
    public var snapshot: RunRecorderSnapshot {
        RunRecorderSnapshot(
            attempts: attempts, hosts: hosts, waveStarts: waveStarts.map { .init(wave: $0.wave, time: $0.time) },
            finalState: finalState, finalReason: finalReason, finalHost: finalHost, inCampaign: inCampaign,
            waitedForCapacity: waitedForCapacity, linkTotals: linkTotals,
            linkSamples: linkSamples.map { .init(time: $0.time, bytesCarried: $0.bytesCarried.map { .init(link: $0.0, bytes: $0.1) }) },
            campaignStart: campaignStart, campaignEnd: campaignEnd, plannedActions: plannedActions, planReason: planReason,
            incompatibilities: incompatibilities, noticeAt: noticeAt, noticeTrigger: noticeTrigger, lastMoveEnd: lastMoveEnd,
            dataLost: dataLost, identifiersChanged: identifiersChanged, downtime: downtime,
            unplannedDowntime: unplannedDowntime, downtimeByCause: downtimeByCause,
            hostFailures: hostFailures.map { .init(host: $0.host, cause: $0.cause, time: $0.time) },
            linkCapacityChanges: linkCapacityChanges.map { .init(link: $0.link, fraction: $0.fraction, time: $0.time) })
    }
}
