import FleetModel
import FleetSimulation
import SimKernel

/// Subscribes to one run's facts and keeps what the reports need. It only records: every
/// statistic is computed afterwards from these records (`ReplicationMetrics`).
public final class RunRecorder: FactObserver {
    public let fleet: Fleet
    public private(set) var attempts: [AttemptRecord] = []
    public private(set) var hosts: [HostRecord]
    /// When each campaign wave started, in order.
    public private(set) var waveStarts: [(wave: Int, time: SimTime)] = []
    public private(set) var finalState: [FinalState?]
    public private(set) var finalReason: [String]
    public private(set) var finalHost: [HostID]
    /// Whether the campaign had to deal with the instance (false: a bystander).
    public private(set) var inCampaign: [Bool]
    /// Total time each instance waited for a target with capacity.
    public private(set) var waitedForCapacity: [SimTime]
    /// Every link's totals, from the end of the run.
    public private(set) var linkTotals: [LinkTotal] = []
    /// Cumulative bytes of the sampled links (rack up/downlinks, spine, client) over time.
    public private(set) var linkSamples: [(time: SimTime, bytesCarried: [(LinkID, Double)])] = []
    public private(set) var campaignStart: SimTime?
    public private(set) var campaignEnd: SimTime?
    /// The policy's plan for each planned instance: actions, reason, failed criteria.
    public private(set) var plannedActions: [[String]]
    public private(set) var planReason: [String]
    public private(set) var incompatibilities: [[String]]
    /// First notice of a reboot or manual migration, and what triggered the move.
    public private(set) var noticeAt: [SimTime?]
    public private(set) var noticeTrigger: [String]
    /// When the instance's last successful move ended.
    public private(set) var lastMoveEnd: [SimTime?]
    public private(set) var dataLost: [Bool]
    public private(set) var identifiersChanged: [[String]]
    /// Total time each instance was stopped, including a stop still open at the end.
    public private(set) var downtime: [SimTime]
    /// The part of it that was unplanned (host crash, post-copy pause).
    public private(set) var unplannedDowntime: [SimTime]
    /// Downtime of the whole fleet by cause, in `DowntimeCause.allCases` order.
    public private(set) var downtimeByCause: [SimTime] = Array(repeating: .zero, count: DowntimeCause.allCases.count)
    /// Host failures, in order: host, cause, time.
    public private(set) var hostFailures: [(host: HostID, cause: String, time: SimTime)] = []
    /// Every change of a link's capacity, in time order: the fraction of its nominal capacity
    /// in force from `time` on (a cut is 0, a restore 1). Utilisation divides by this.
    public private(set) var linkCapacityChanges: [(link: LinkID, fraction: Double, time: SimTime)] = []
    private var stoppedSince: [SimTime?]
    private var stopCause: [DowntimeCause]
    private var queuedAt: [SimTime?]
    private var waitingSince: [SimTime?]
    private var openAttempt: [Int?]
    /// The latest notice of each instance, until a crash withdraws it.
    private var currentNotice: [NoticeRecord?]

    public init(fleet: Fleet) {
        self.fleet = fleet
        hosts = Array(repeating: HostRecord(), count: fleet.hosts.count)
        let n = fleet.instances.count
        finalState = Array(repeating: nil, count: n)
        finalReason = Array(repeating: "", count: n)
        finalHost = fleet.instances.map(\.initialHost)
        inCampaign = Array(repeating: false, count: n)
        waitedForCapacity = Array(repeating: .zero, count: n)
        queuedAt = Array(repeating: nil, count: n)
        waitingSince = Array(repeating: nil, count: n)
        openAttempt = Array(repeating: nil, count: n)
        currentNotice = Array(repeating: nil, count: n)
        plannedActions = Array(repeating: [], count: n)
        planReason = Array(repeating: "", count: n)
        incompatibilities = Array(repeating: [], count: n)
        noticeAt = Array(repeating: nil, count: n)
        noticeTrigger = Array(repeating: "", count: n)
        lastMoveEnd = Array(repeating: nil, count: n)
        dataLost = Array(repeating: false, count: n)
        identifiersChanged = Array(repeating: [], count: n)
        downtime = Array(repeating: .zero, count: n)
        unplannedDowntime = Array(repeating: .zero, count: n)
        stoppedSince = Array(repeating: nil, count: n)
        stopCause = Array(repeating: .blackout, count: n)
    }

    public func observe(_ fact: Fact) {
        switch fact {
        case .campaignStarted(let t): campaignStart = t
        case .campaignEnded(let t): campaignEnd = t
        case .waveStarted(let wave, let t): waveStarts.append((wave, t))
        case .hostDrainStarted(let h, let t):
            hosts[h.int].drainStart = t
            hosts[h.int].wave = waveStarts.last?.wave ?? 0
        case .hostDrained(let h, let t): hosts[h.int].drainEnd = t
        case .hostReturned(let h, let t): hosts[h.int].returned = t
        case .moveQueued(let i, let t): queuedAt[i.int] = t
        case .waitingForCapacity(let i, let t): waitingSince[i.int] = t
        case .attemptStarted(let i, let attempt, let action, let source, let target, let t):
            startAttempt(i, attempt: attempt, action: action, source: source, target: target, at: t)
        case .moved(let i, let from, let to, _):
            hosts[from.int].instancesMoved += 1
            finalHost[i.int] = to
        case .attemptEnded(let i, _, let action, let outcome, let reason, let downtime, let parts, let bytes, let t):
            endAttempt(i, action: action, outcome: outcome, reason: reason, downtime: downtime, parts: parts, bytes: bytes, at: t)
        case .instanceResolved(let i, let state, let reason, let campaign, let t):
            resolve(i, state: state, reason: reason, inCampaign: campaign, at: t)
        case .linkSample(let t, let bytes): linkSamples.append((t, bytes))
        case .networkTotals(let links, _): linkTotals = links
        case .instanceStopped(let i, let cause, let t):
            stoppedSince[i.int] = t
            stopCause[i.int] = cause
            if cause == .crash { currentNotice[i.int] = nil }   // the model withdraws it
        case .instanceResumed(let i, let t): closeStop(i, at: t)
        case .hostFailed(let h, let cause, let t): hostFailures.append((h, cause.description, t))
        case .linkCapacityChanged(let link, let fraction, let t): linkCapacityChanges.append((link, fraction, t))
        case .planned(let i, let actions, let reason, let failed, _):
            // The first plan an instance was given is the one reported.
            if plannedActions[i.int].isEmpty {
                plannedActions[i.int] = actions.map(\.name)
                planReason[i.int] = reason.description
                incompatibilities[i.int] = failed.map(\.rawValue)
            }
        case .noticeSent(let i, let action, let dueAt, let extended, _, let trigger, let t):
            if noticeAt[i.int] == nil { noticeAt[i.int] = t }
            currentNotice[i.int] = NoticeRecord(action: action, sentAt: t, dueAt: dueAt, extended: extended)
            noticeTrigger[i.int] = trigger.description
        case .dataLost(let i, _): dataLost[i.int] = true
        case .identifiersChanged(let i, let ids, _): identifiersChanged[i.int] = ids.map(\.rawValue)
        case .hostRepaired, .reserved, .reservationCancelled, .flowEnded, .switchover, .livePasses:
            break
        }
    }

    /// Opens an attempt row; the time since the instance started waiting for capacity (if
    /// it did) is added to its wait.
    private func startAttempt(_ i: InstanceID, attempt: Int, action: MoveAction, source: HostID, target: HostID, at t: SimTime) {
        stopWaitingForCapacity(i, at: t)
        openAttempt[i.int] = attempts.count
        // An attempt that was never queued (a restart after a crash) waited for nothing.
        var record = AttemptRecord(instance: i, attempt: attempt, action: action, source: source,
                                   target: target, queuedAt: queuedAt[i.int] ?? t, startedAt: t)
        record.notice = Self.notice(currentNotice[i.int], covers: action)
        attempts.append(record)
        queuedAt[i.int] = nil
    }

    /// Closes the instance's open attempt row with how it ended.
    private func endAttempt(_ i: InstanceID, action: MoveAction, outcome: AttemptOutcome, reason: AttemptEndReason,
                            downtime: SimTime, parts: DowntimeBreakdown, bytes: Double, at t: SimTime) {
        if outcome == .completed && action != .stop { lastMoveEnd[i.int] = t }
        guard let k = openAttempt[i.int] else { return }
        attempts[k].endedAt = t
        attempts[k].downtime = downtime
        attempts[k].downtimeParts = parts
        attempts[k].bytes = bytes
        attempts[k].outcome = outcome
        attempts[k].reason = reason.text
        openAttempt[i.int] = nil
    }

    /// The instance's final state; a stop or a wait still open at the end is closed here.
    private func resolve(_ i: InstanceID, state: FinalState, reason: ResolutionReason, inCampaign campaign: Bool, at t: SimTime) {
        closeStop(i, at: t)
        finalState[i.int] = state
        inCampaign[i.int] = campaign
        finalReason[i.int] = reason.text
        stopWaitingForCapacity(i, at: t)
    }

    private func stopWaitingForCapacity(_ i: InstanceID, at t: SimTime) {
        guard let since = waitingSince[i.int] else { return }
        waitedForCapacity[i.int] += t - since
        waitingSince[i.int] = nil
    }

    /// A notice belongs to the attempts of the action it announced (retries included), and
    /// to the stop in place when a manual-migration deadline passes.
    static func notice(_ notice: NoticeRecord?, covers action: MoveAction) -> NoticeRecord? {
        guard let notice else { return nil }
        return notice.action == action || (notice.action == .manual && action == .stop) ? notice : nil
    }

    private func closeStop(_ i: InstanceID, at t: SimTime) {
        guard let since = stoppedSince[i.int] else { return }
        let d = t - since
        downtime[i.int] += d
        if !stopCause[i.int].isPlanned { unplannedDowntime[i.int] += d }
        let k = DowntimeCause.allCases.firstIndex(of: stopCause[i.int])!
        downtimeByCause[k] += d
        stoppedSince[i.int] = nil
    }

    /// Total downtime per instance (every stop, including one still open at the end), seconds.
    public func downtimeSecondsPerInstance() -> [Double] { downtime.map(\.seconds) }
}

extension RunRecorder {
    /// A finished run's recorder, restored from its snapshot onto the same fleet (`merge` of
    /// run shards). Nil when the snapshot was taken on a fleet of another size.
    public convenience init?(fleet: Fleet, restoring s: RunRecorderSnapshot) {
        guard s.fits(fleet) else { return nil }
        self.init(fleet: fleet)
        attempts = s.attempts
        hosts = s.hosts
        waveStarts = s.waveStarts.map { ($0.wave, $0.time) }
        finalState = s.finalState
        finalReason = s.finalReason
        finalHost = s.finalHost
        inCampaign = s.inCampaign
        waitedForCapacity = s.waitedForCapacity
        linkTotals = s.linkTotals
        linkSamples = s.linkSamples.map { ($0.time, $0.bytesCarried.map { ($0.link, $0.bytes) }) }
        campaignStart = s.campaignStart
        campaignEnd = s.campaignEnd
        plannedActions = s.plannedActions
        planReason = s.planReason
        incompatibilities = s.incompatibilities
        noticeAt = s.noticeAt
        noticeTrigger = s.noticeTrigger
        lastMoveEnd = s.lastMoveEnd
        dataLost = s.dataLost
        identifiersChanged = s.identifiersChanged
        downtime = s.downtime
        unplannedDowntime = s.unplannedDowntime
        downtimeByCause = s.downtimeByCause
        hostFailures = s.hostFailures.map { ($0.host, $0.cause, $0.time) }
        linkCapacityChanges = s.linkCapacityChanges.map { ($0.link, $0.fraction, $0.time) }
    }
}
