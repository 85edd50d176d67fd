import DequeModule
import FleetModel
import MaintenancePolicy
import MigrationEngine
import SimKernel
import Stochastics

/// The state and rules of a maintenance campaign on the kernel.
///
/// Hosts enter maintenance wave by wave (one list, a fault domain or a rack at a time), at
/// most `maxHostsInMaintenance` at once. A host in maintenance accepts no instances. Each of
/// its instances gets a plan from the maintenance policy: a chain of actions (live
/// migration, reboot migration, manual migration, cold move, stop in place) tried in order.
/// Moves run under the concurrency limits; each reserves its target first (an instance in
/// flight counts on both hosts). Live migrations run the engine's controller against their
/// flow's max-min fair share of the network; cold moves copy the root disk over a flow;
/// reboot and manual migrations start when their notice matures (the customer acts, or the
/// platform does after the due date). A drained host stays down for its maintenance
/// duration, then accepts instances again (and takes its own back when the campaign returns
/// them).
///
/// The rules live in the `CampaignModel+*.swift` files: hosts and waves, plans and notices,
/// dispatching, phased moves (reboot, manual, cold), live migration, the network.
struct CampaignModel: EventHandler {
    enum HostPhase { case inService, draining, down, returned }

    /// A move in progress.
    struct Move {
        let action: MoveAction
        let source: HostID
        let target: HostID
        let attempt: Int
        let isReturn: Bool
        var stoppedAt: SimTime?
        var downtime: SimTime = .zero
        /// `downtime` by part, charged up to `downtimeChargedUntil` (nil: from `stoppedAt`).
        var downtimeParts = DowntimeBreakdown()
        var downtimeChargedUntil: SimTime?
        /// Phased moves: durations of stop, middle (reassign, relaunch, copy) and start.
        var phaseDurations: [SimTime] = []
        var phase = 0
        /// A reboot migration that fails: the instance comes back up on its source.
        var fails = false
        var staysStopped = false
        var transfer: Transfer?
        /// Bytes a cold move copied (live migrations report the engine's own count).
        var copiedBytes: Double = 0
        /// Migrations hold concurrency slots; a restart after a host failure does not.
        var usesSlots = true
    }

    /// A cold move's root-disk copy on the network.
    struct Transfer {
        let flow: FlowID
        let path: [LinkID]
        var remainingBytes: Double
        var rate: Double
        var since: SimTime
        var event: EventHandle?
    }

    /// A live migration in progress: its controller, its flow, its pending event. The
    /// controller's clock starts at 0 when the migration starts (relative seconds keep the
    /// engine's floating-point arithmetic exact to the nanosecond however late in a
    /// campaign it runs). A class: the model touches it on every event of the migration, and
    /// a struct would be copied (with a retain of everything the controller holds) each time.
    final class LiveMigration {
        var controller: PrecopyController
        let flow: FlowID
        let path: [LinkID]
        let start: SimTime
        var event: EventHandle?
        /// When `event` fires (absolute ns).
        var eventTime: Int64?
        /// The controller's phase as the model last acted on it.
        var lastPhase: PrecopyController.Phase
        /// The controller's phase and next decision point (relative ns) after the last call,
        /// cached so the model never reads through the controller (which would copy it).
        var phase: PrecopyController.Phase
        var nextDecisionNanoseconds: Int64
        var bytesSent: Double = 0
        /// Injected fault: abort once this many bytes are sent, for this reason.
        var abortAtBytes: Double?
        var abortReason = ""
        /// The abort point lies inside the first pass (the per-attempt internal error), so it
        /// strikes before any switchover.
        var abortWithinFirstPass = false
        /// The reason to report instead of the engine's (an injected abort).
        var overrideReason: String?
        /// The flow has no bandwidth since this time (a cut link).
        var stalledSince: SimTime?

        init(controller: PrecopyController, flow: FlowID, path: [LinkID], start: SimTime) {
            self.controller = controller
            self.flow = flow
            self.path = path
            self.start = start
            self.event = nil
            self.eventTime = nil
            self.lastPhase = controller.phase
            self.phase = controller.phase
            self.nextDecisionNanoseconds = controller.nextDecisionNanoseconds
        }

        func take(_ step: PrecopyController.Step) {
            phase = step.phase
            nextDecisionNanoseconds = step.nextDecisionNanoseconds
            bytesSent = step.bytesSent
        }

        /// Let the controller run to `t` (relative ns), aborting at an injected abort point
        /// on the way (`advanceAbortingAtInjectedPoint`).
        func advance(toNanoseconds t: Int64) {
            if abortAtBytes != nil { advanceAbortingAtInjectedPoint(toNanoseconds: t) } else { advanceController(toNanoseconds: t) }
        }

        func advanceController(toNanoseconds t: Int64) { take(controller.step(toNanoseconds: t)) }

        func rateChanged(atNanoseconds t: Int64, linkBytesPerSecond rate: Double) {
            // Catch up first, so a rate change never carries the controller past an abort point.
            if abortAtBytes != nil {
                advance(toNanoseconds: t)
                if phase == .finished { return }
            }
            take(controller.stepRateChanged(atNanoseconds: t, linkBytesPerSecond: rate))
        }

        /// An external event on the controller (host or link failure, cancel).
        func apply(_ event: (inout PrecopyController) -> Void) { take(controller.stepAfter(event)) }
    }

    let config: SimulationConfig
    let fleet: Fleet
    let replicationSeed: UInt64
    let observers: [FactObserver]
    let topology: NetworkTopology
    let policy: MaintenancePolicyConfig
    /// What differs between a policy and none, decided once (`CampaignRules`).
    let rules: CampaignRules

    var occupancy: Occupancy
    var placement: PlacementIndex
    var slots: MigrationSlots
    var allocator = BandwidthAllocator()
    var residents: [[InstanceID]]

    // hosts and waves
    var phase: [HostPhase]
    var queue: [Deque<InstanceID>]
    var waves: [[HostID]]
    var waveIndex = 0
    var nextInWave = 0
    var returnedInWave = 0
    var maxHostsAtOnce: Int
    var hostsInMaintenance = 0
    var campaignHostCount: Int
    var hostsReturned = 0
    var campaignEnd: SimTime?
    var inCampaign: [Bool]
    var drainingHosts: [HostID] = []

    // instances
    var moves: [Move?]
    var liveSlots: [LiveMigration?] = []
    /// Each instance's live migration slot (-1: none). Kept apart from `moves` so the hot
    /// path never copies a `Move`.
    var liveSlotOf: [Int32]
    var freeLiveSlots: [Int] = []
    var flowOwner: [InstanceID?] = []
    var plan: [[PlannedAction]]
    var step: [Int]
    var stepAttempts: [Int]
    /// Failed attempts to move each instance back to its host (`return_instances`).
    var returnFailures: [Int]
    var avoidTarget: [HostID?]
    var attempts: [Int]
    var waiting: [InstanceID] = []
    /// Where each instance stands in the campaign (`InstanceStatus`).
    var status: [InstanceStatus]
    var rebootResolution: [RebootResolution?]
    var manualResolution: [ManualResolution?]
    /// A cold move whose root disk must be copied once it has stopped.
    var needsCopy: [Bool]
    var home: [HostID?]
    /// Per host: its instances moved away during the campaign (to return them).
    var awayFrom: [[InstanceID]]
    var returnQueue: Deque<InstanceID> = []
    /// A `.rerate` is queued for this instant.
    var rerateScheduled = false
    var finalState: [FinalState?]
    var finalReason: [String]
    /// Every move of an instance gets a new epoch; events of earlier moves are ignored.
    var epoch: [UInt32]

    // failures
    let failurePlan: FailurePlan
    var hostDown: [Bool]
    var crashedAt: [SimTime]
    /// Had an unplanned outage; lost its running state in post-copy.
    var crashed: [Bool]
    var lostInPostcopy: [Bool]

    init(config: SimulationConfig, fleet: Fleet, replicationSeed: UInt64, campaignHosts: [HostID],
         observers: [FactObserver]) throws {
        self.config = config
        self.fleet = fleet
        self.replicationSeed = replicationSeed
        self.observers = observers
        policy = config.policy ?? .preset(.generic)
        rules = CampaignRules(config: config)
        let occupancy = try Occupancy(fleet: fleet)
        self.occupancy = occupancy
        var allocator = BandwidthAllocator()
        let topology = NetworkTopology(fleet: fleet, layout: config.network, allocator: &allocator)
        // One re-rating per instant, however many flows start or end in it (`.rerate`).
        allocator.defersRerating = true
        self.topology = topology
        self.allocator = allocator
        failurePlan = try FailurePlan.make(config: config.failures, fleet: fleet, topology: topology,
                                           replicationSeed: replicationSeed, horizon: config.horizon,
                                           generator: config.generator)
        let nHosts = fleet.hosts.count
        let nInstances = fleet.instances.count
        var upcoming = Array(repeating: false, count: nHosts)
        for h in campaignHosts { upcoming[h.int] = true }
        inCampaign = upcoming
        // Hosts due for maintenance later in the campaign are poor targets: an instance put
        // there would have to move again.
        placement = PlacementIndex(fleet: fleet, strategy: config.campaign.placement, spread: config.campaign.spread,
                                   occupancy: occupancy, deprioritized: upcoming)
        slots = MigrationSlots(limits: config.campaign.limits, hostCount: nHosts)
        residents = Array(repeating: [], count: nHosts)
        for instance in fleet.instances { residents[instance.initialHost.int].append(instance.id) }
        phase = Array(repeating: .inService, count: nHosts)
        queue = Array(repeating: Deque(), count: nHosts)
        campaignHostCount = campaignHosts.count
        (waves, maxHostsAtOnce) = CampaignModel.waves(of: campaignHosts, fleet: fleet, campaign: config.campaign)
        moves = Array(repeating: nil, count: nInstances)
        liveSlotOf = Array(repeating: -1, count: nInstances)
        plan = Array(repeating: [], count: nInstances)
        step = Array(repeating: 0, count: nInstances)
        stepAttempts = Array(repeating: 0, count: nInstances)
        returnFailures = Array(repeating: 0, count: nInstances)
        avoidTarget = Array(repeating: nil, count: nInstances)
        attempts = Array(repeating: 0, count: nInstances)
        status = Array(repeating: .idle, count: nInstances)
        rebootResolution = Array(repeating: nil, count: nInstances)
        manualResolution = Array(repeating: nil, count: nInstances)
        needsCopy = Array(repeating: false, count: nInstances)
        home = Array(repeating: nil, count: nInstances)
        awayFrom = Array(repeating: [], count: nHosts)
        finalState = Array(repeating: nil, count: nInstances)
        finalReason = Array(repeating: "", count: nInstances)
        epoch = Array(repeating: 0, count: nInstances)
        hostDown = Array(repeating: false, count: nHosts)
        crashedAt = Array(repeating: .zero, count: nInstances)
        crashed = Array(repeating: false, count: nInstances)
        lostInPostcopy = Array(repeating: false, count: nInstances)
    }

    @inline(__always) func emit(_ fact: Fact) {
        for observer in observers { observer.observe(fact) }
    }

    mutating func handle(_ event: CampaignEvent, at now: SimTime, kernel: inout Kernel<CampaignEvent>) {
        // The network's clock follows the kernel's before anything can touch a flow (O(1):
        // bytes are integrated lazily), so no operation settles bytes at a stale time.
        syncNetwork(to: now)
        switch event {
        case .start:
            emit(.campaignStarted(time: now))
            for (k, event) in failurePlan.events.enumerated() { kernel.schedule(at: event.time, .failure(Int32(k))) }
            if campaignHostCount == 0 { finishCampaign(at: now); return }
            kernel.schedule(after: config.linkSampleInterval, .linkSample)
            if rules.sendsEarlyNotices { sendEarlyNotices(kernel: &kernel) }
            startDrains(kernel: &kernel)
        case .phaseDone(let i, let e): if e == epoch[i.int] { phaseDone(i, kernel: &kernel) }
        case .failure(let k): failureEvent(Int(k), kernel: &kernel)
        case .linkStall(let i, let e): if e == epoch[i.int] { linkStall(i, kernel: &kernel) }
        case .setupFailed(let i, let e): if e == epoch[i.int] { setupFailed(i, kernel: &kernel) }
        case .liveStep(let i): liveStep(i, kernel: &kernel)
        case .rerate: rerate(kernel: &kernel)
        case .transferDone(let i): transferDone(i, kernel: &kernel)
        case .stepDue(let i): stepDue(i, kernel: &kernel)
        case .manualDeadline(let i): manualDeadline(i, kernel: &kernel)
        case .hostReturn(let h): hostReturned(h, kernel: &kernel)
        case .linkSample:
            sampleLinks(at: now)
            if campaignEnd == nil { kernel.schedule(after: config.linkSampleInterval, .linkSample) }
        }
    }

    /// Record where the campaign left the instance (settled finally at the end of the run:
    /// an instance moved onto a host drained later moves again).
    mutating func resolve(_ i: InstanceID, _ state: FinalState, reason: String) {
        finalState[i.int] = state
        finalReason[i.int] = reason
        if status[i.int].isPending { status[i.int] = .idle }
    }

    /// At the end of a run every instance gets exactly one final state, in id order.
    mutating func resolveAll(at now: SimTime) {
        allocator.flushRerating()
        allocator.advance(toSeconds: now.seconds)
        for instance in fleet.instances {
            let i = instance.id.int
            let state: FinalState
            let reason: String
            var campaignHostAtEnd = false
            if let m = moves[i] {
                (state, reason) = m.isReturn ? (.moved, "return in progress at horizon")
                                             : (.unresolved, "move in progress at horizon")
            } else if status[i] == .downAwaitingRepair {
                (state, reason) = (.unresolved, "down after a host failure, awaiting repair at horizon")
            } else if status[i].isPending {
                let why = status[i] == .waitingForCapacity ? "waiting for capacity at horizon"
                    : status[i] == .awaitingNotice ? "awaiting the customer or due date at horizon" : "queued at horizon"
                (state, reason) = (.unresolved, why)
            } else if let s = finalState[i], !(crashed[i] && s == .moved && lostInPostcopy[i]) {
                (state, reason) = (s, finalReason[i])
            } else if lostInPostcopy[i] {
                (state, reason) = (.lost, "lost in post-copy; restarted from its boot volume")
            } else if crashed[i] {
                (state, reason) = (.crashed, "host failure; restarted")
            } else if let h = occupancy.hostOf[i], inCampaign[h.int] {
                (state, reason) = (.unresolved, "host not drained before horizon")
                campaignHostAtEnd = true
            } else {
                (state, reason) = (.untouched, "host not in campaign")
            }
            if case .stoppedInPlace(let since) = status[i] {
                endStopAttempt(instance.id, stoppedAt: since, reason: "still stopped at the end of the run", at: now)
            }
            emit(.instanceResolved(instance: instance.id, state: state, reason: reason,
                                   inCampaign: !plan[i].isEmpty || campaignHostAtEnd || inCampaign[instance.initialHost.int],
                                   time: now))
        }
        // Flows still running at the horizon: account for what they carried so far.
        for case let (i, move?) in moves.enumerated() {
            if liveSlotOf[i] >= 0, let lm = liveSlots[Int(liveSlotOf[i])] {
                emit(.flowEnded(instance: InstanceID(i), path: lm.path, networkBytes: allocator.bytesSent(by: lm.flow),
                                engineBytes: lm.controller.bytesSent, time: now))
            }
            if let t = move.transfer {
                let sent = Double(fleet.instances[i].attributes.rootDiskBytes) - max(0, t.remainingBytes - t.rate * (now - t.since).seconds)
                emit(.flowEnded(instance: InstanceID(i), path: t.path, networkBytes: allocator.bytesSent(by: t.flow),
                                engineBytes: sent, time: now))
            }
        }
        emitNetworkTotals(at: now)
    }
}
