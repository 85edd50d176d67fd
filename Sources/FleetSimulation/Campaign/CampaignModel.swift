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
/// The model is an event router over subsystems, one folder of `Campaign/` each: host
/// scheduling (`Hosts/`), plan execution (`Plans/`), move dispatch and concurrency slots
/// (`Dispatch/`), live-migration driving (`Live/`), offline moves and cold transfers
/// (`Offline/`), the network's flows (`Network/`, the only owner of the bandwidth allocator)
/// and failure response (`Failures/`). Each owns its state (a struct written only by its own
/// folder) and the events it schedules; they call each other by method.
struct CampaignModel: EventHandler {
    let config: SimulationConfig
    let fleet: Fleet
    let replicationSeed: UInt64
    let observers: [FactObserver]
    let topology: NetworkTopology
    let policy: MaintenancePolicyConfig
    /// What differs between a policy and none, decided once (`CampaignRules`).
    let rules: CampaignRules

    // Each subsystem's own state (its folder under Campaign/ is the only writer:
    // CampaignOwnershipTests).
    var hosts: HostSchedule
    var returns: ReturnBook
    var plans: PlanBook
    var queues: MoveQueues
    var live: LiveMigrations
    var flows: FlowRegistry
    var failures: FailureState

    // Shared by the subsystems: where instances are and may go, the move each instance is
    // making, and where each stands in the campaign.
    var occupancy: Occupancy
    var placement: PlacementIndex
    var residents: [[InstanceID]]
    var moves: MoveTable
    var attempts: [Int]
    /// Every move of an instance gets a new epoch; events of earlier moves are ignored.
    var epoch: [UInt32]
    /// Where each instance stands in the campaign (`InstanceStatus`).
    var status: [InstanceStatus]
    var finalState: [FinalState?]
    var finalReason: [ResolutionReason?]

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
        flows = FlowRegistry(fleet: fleet, layout: config.network)
        topology = flows.topology
        let failurePlan = try FailurePlan.make(config: config.failures, fleet: fleet, topology: topology,
                                               replicationSeed: replicationSeed, horizon: config.horizon,
                                               generator: config.generator)
        let nHosts = fleet.hosts.count
        let nInstances = fleet.instances.count
        hosts = HostSchedule(fleet: fleet, campaignHosts: campaignHosts, campaign: config.campaign)
        // Hosts due for maintenance later in the campaign are poor targets: an instance put
        // there would have to move again.
        placement = PlacementIndex(fleet: fleet, strategy: config.campaign.placement, spread: config.campaign.spread,
                                   occupancy: occupancy, deprioritized: hosts.inCampaign)
        returns = ReturnBook(instanceCount: nInstances, hostCount: nHosts)
        plans = PlanBook(instanceCount: nInstances)
        queues = MoveQueues(hostCount: nHosts, limits: config.campaign.limits)
        live = LiveMigrations(instanceCount: nInstances)
        failures = FailureState(plan: failurePlan, hostCount: nHosts, instanceCount: nInstances)
        residents = Array(repeating: [], count: nHosts)
        for instance in fleet.instances { residents[instance.initialHost.int].append(instance.id) }
        moves = MoveTable(instanceCount: nInstances)
        attempts = Array(repeating: 0, count: nInstances)
        epoch = Array(repeating: 0, count: nInstances)
        status = Array(repeating: .idle, count: nInstances)
        finalState = Array(repeating: nil, count: nInstances)
        finalReason = Array(repeating: nil, count: nInstances)
    }

    /// Hand a fact to every observer. `mutating` though it changes nothing: a non-mutating
    /// method called from a mutating one gets `self` by value, and around the observers'
    /// opaque calls the optimiser copied the whole model to pass it (a retain and release of
    /// every array it holds, per fact: ~5 % of concurrent-10k's simulation, perf).
    @inline(__always) mutating func emit(_ fact: Fact) {
        for observer in observers { observer.observe(fact) }
    }

    /// The event router: every event belongs to one subsystem, which handles it and schedules
    /// its own follow-ups (docs/architecture.md, "Subsystems").
    mutating func handle(_ event: CampaignEvent, at now: SimTime, kernel: inout Kernel<CampaignEvent>) {
        // The network's clock follows the kernel's before anything can touch a flow (O(1):
        // bytes are integrated lazily), so no operation settles bytes at a stale time.
        flows.advance(to: now)
        switch event {
        // host scheduling (Hosts/)
        case .start: startCampaign(kernel: &kernel)
        case .hostReturn(let h): hostReturned(h, kernel: &kernel)
        // plan execution (Plans/)
        case .stepDue(let i): stepDue(i, kernel: &kernel)
        case .manualDeadline(let i): manualDeadline(i, kernel: &kernel)
        // live-migration driving (Live/)
        case .liveStep(let i): liveStep(i, kernel: &kernel)
        case .linkStall(let i, let e): if e == epoch[i.int] { linkStall(i, kernel: &kernel) }
        case .setupFailed(let i, let e): if e == epoch[i.int] { setupFailed(i, kernel: &kernel) }
        // offline moves and cold transfers (Offline/)
        case .stageDone(let i, let e): if e == epoch[i.int] { stageDone(i, kernel: &kernel) }
        case .transferDone(let i): transferDone(i, kernel: &kernel)
        // the network (Network/)
        case .rerate: rerate(kernel: &kernel)
        case .linkSample: linkSample(at: now, kernel: &kernel)
        // failure response (Failures/)
        case .failure(let k): failureEvent(Int(k), kernel: &kernel)
        }
    }
}
