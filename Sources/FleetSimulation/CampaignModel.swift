import DequeModule
import FleetModel
import MaintenancePolicy
import MigrationEngine
import SimKernel
import Stochastics

/// The state and rules of a maintenance campaign on the kernel.
///
/// Hosts enter maintenance wave by wave (one list, a fault domain or a rack at a time), at
/// most `maxHostsInMaintenance` at once. A host in maintenance accepts no instances; its
/// residents queue and leave under the concurrency limits (per-host outbound and inbound, a
/// global cap). Each move first reserves the target (so an instance in flight counts on
/// both hosts), then runs as a live migration on the network (the engine's controller
/// against its flow's max-min fair share) or as a reboot migration. A failed live migration
/// is retried on another target up to `liveAttempts` times, then falls back to reboot. A
/// drained host stays down for its maintenance duration, then accepts instances again (and
/// takes its own instances back when the campaign returns them).
///
/// The rules live in the `CampaignModel+*.swift` files: hosts and waves, dispatching moves,
/// reboot migration, live migration, the network.
struct CampaignModel: EventHandler {
    enum HostPhase { case inService, draining, down, returned }

    /// A move in progress.
    struct Move {
        var action: MoveAction
        let source: HostID
        let target: HostID
        let attempt: Int
        var stoppedAt: SimTime?
        var downtime: SimTime = .zero
        var liveSlot: Int?
        let isReturn: Bool
    }

    /// A live migration in progress: its controller, its flow, its pending event.
    struct LiveMigration {
        var controller: PrecopyController
        let flow: FlowID
        let path: [LinkID]
        var event: EventHandle?
        /// The controller's phase as the model last acted on it.
        var lastPhase: PrecopyController.Phase
    }

    let config: SimulationConfig
    let fleet: Fleet
    let replicationSeed: UInt64
    let placement: Placement
    let observers: [FactObserver]
    let topology: NetworkTopology

    var occupancy: Occupancy
    var allocator = BandwidthAllocator()
    var residents: [[InstanceID]]

    // hosts and waves
    var phase: [HostPhase]
    var queue: [Deque<InstanceID>]
    var outbound: [Int]
    var inbound: [Int]
    var inboundFull: [Bool]
    var inFlight = 0
    var waves: [[HostID]]
    var waveIndex = 0
    var nextInWave = 0
    var returnedInWave = 0
    var maxHostsAtOnce: Int
    var hostsInMaintenance = 0
    var campaignHostCount: Int
    var hostsReturned = 0
    var campaignEnd: SimTime?
    /// Hosts that will enter maintenance later in this campaign: poor targets.
    var upcoming: [Bool]
    var inCampaign: [Bool]
    var drainingHosts: [HostID] = []

    // instances
    var moves: [Move?]
    var liveSlots: [LiveMigration?] = []
    var freeLiveSlots: [Int] = []
    var flowOwner: [InstanceID?] = []
    var nextAction: [MoveAction]
    var liveAttemptsUsed: [Int]
    var avoidTarget: [HostID?]
    var attempts: [Int]
    var waiting: [InstanceID] = []
    var isWaiting: [Bool]
    var queued: [Bool]
    var home: [HostID?]
    /// Per host: its instances moved away during the campaign (to return them).
    var awayFrom: [[InstanceID]]
    var returnQueue: Deque<InstanceID> = []
    var finalState: [FinalState?]
    var finalReason: [String]
    var pendingReassign: [SimTime]
    var pendingBoot: [SimTime]

    init(config: SimulationConfig, fleet: Fleet, replicationSeed: UInt64, campaignHosts: [HostID],
         observers: [FactObserver]) throws(Occupancy.Violation) {
        self.config = config
        self.fleet = fleet
        self.replicationSeed = replicationSeed
        self.observers = observers
        placement = Placement(fleet: fleet, strategy: config.campaign.placement)
        occupancy = try Occupancy(fleet: fleet)
        var allocator = BandwidthAllocator()
        topology = NetworkTopology(fleet: fleet, layout: config.network, allocator: &allocator)
        self.allocator = allocator
        let nHosts = fleet.hosts.count
        let nInstances = fleet.instances.count
        residents = Array(repeating: [], count: nHosts)
        for instance in fleet.instances { residents[instance.initialHost.int].append(instance.id) }
        phase = Array(repeating: .inService, count: nHosts)
        queue = Array(repeating: Deque(), count: nHosts)
        outbound = Array(repeating: 0, count: nHosts)
        inbound = Array(repeating: 0, count: nHosts)
        inboundFull = Array(repeating: false, count: nHosts)
        upcoming = Array(repeating: false, count: nHosts)
        for h in campaignHosts { upcoming[h.int] = true }
        inCampaign = upcoming
        campaignHostCount = campaignHosts.count
        (waves, maxHostsAtOnce) = CampaignModel.waves(of: campaignHosts, fleet: fleet, campaign: config.campaign)
        moves = Array(repeating: nil, count: nInstances)
        nextAction = Array(repeating: config.campaign.move == .live ? .live : .reboot, count: nInstances)
        liveAttemptsUsed = Array(repeating: 0, count: nInstances)
        avoidTarget = Array(repeating: nil, count: nInstances)
        attempts = Array(repeating: 0, count: nInstances)
        isWaiting = Array(repeating: false, count: nInstances)
        queued = Array(repeating: false, count: nInstances)
        home = Array(repeating: nil, count: nInstances)
        awayFrom = Array(repeating: [], count: nHosts)
        finalState = Array(repeating: nil, count: nInstances)
        finalReason = Array(repeating: "", count: nInstances)
        pendingReassign = Array(repeating: .zero, count: nInstances)
        pendingBoot = Array(repeating: .zero, count: nInstances)
    }

    @inline(__always) func emit(_ fact: Fact) {
        for observer in observers { observer.observe(fact) }
    }

    mutating func handle(_ event: CampaignEvent, at now: SimTime, kernel: inout Kernel<CampaignEvent>) {
        switch event {
        case .start:
            emit(.campaignStarted(time: now))
            if campaignHostCount == 0 { finishCampaign(at: now); return }
            kernel.schedule(after: config.linkSampleInterval, .linkSample)
            startDrains(kernel: &kernel)
        case .rebootStopDone(let i):
            rebootStopped(i, kernel: &kernel)
        case .rebootReassignDone(let i):
            rebootReassigned(i, kernel: &kernel)
        case .rebootBootDone(let i):
            rebootBooted(i, kernel: &kernel)
        case .liveStep(let i):
            liveStep(i, kernel: &kernel)
        case .hostReturn(let h):
            hostReturned(h, kernel: &kernel)
        case .linkSample:
            sampleLinks(at: now)
            if campaignEnd == nil { kernel.schedule(after: config.linkSampleInterval, .linkSample) }
        }
    }

    /// Record where a move left the instance. An instance moved onto a host that is drained
    /// later moves again; its final state is settled only at the end of the run.
    mutating func resolve(_ i: InstanceID, _ state: FinalState, reason: String) {
        finalState[i.int] = state
        finalReason[i.int] = reason
    }

    /// At the end of a run every instance gets exactly one final state, in id order.
    mutating func resolveAll(at now: SimTime) {
        allocator.advance(toSeconds: now.seconds)
        for instance in fleet.instances {
            let i = instance.id.int
            let state: FinalState
            let reason: String
            if let m = moves[i] {
                (state, reason) = m.isReturn ? (.moved, "return in progress at horizon")
                                             : (.unresolved, "move in progress at horizon")
            } else if queued[i] {
                (state, reason) = (.unresolved, isWaiting[i] ? "waiting for capacity at horizon" : "queued at horizon")
            } else if let s = finalState[i] {
                (state, reason) = (s, finalReason[i])
            } else if let h = occupancy.hostOf[i], inCampaign[h.int] {
                (state, reason) = (.unresolved, "host not drained before horizon")
            } else {
                (state, reason) = (.untouched, "host not in campaign")
            }
            emit(.instanceResolved(instance: instance.id, state: state, reason: reason, time: now))
        }
        emitNetworkTotals(at: now)
    }
}
