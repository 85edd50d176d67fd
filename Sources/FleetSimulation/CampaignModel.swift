import DequeModule
import FleetModel
import MaintenancePolicy
import SimKernel
import Stochastics

/// The state and rules of a maintenance campaign on the kernel.
///
/// Hosts enter maintenance in campaign order, at most `maxHostsInMaintenance` at once. A host
/// in maintenance accepts no instances; its residents queue and leave at most
/// `maxOutboundPerHost` at a time, each by reboot migration: a target is chosen and reserved,
/// the instance stops, is reassigned (the source is released) and boots on the target. A
/// drained host stays down for its maintenance duration, then accepts instances again.
struct CampaignModel: EventHandler {
    enum HostPhase { case inService, draining, down, returned }

    let config: SimulationConfig
    let fleet: Fleet
    let replicationSeed: UInt64
    let placement: Placement
    let observers: [FactObserver]

    var occupancy: Occupancy
    var residents: [[InstanceID]]
    var phase: [HostPhase]
    var queue: [Deque<InstanceID>]
    var outbound: [Int]
    var waitingOn: [Int]          // per host: its instances waiting for capacity
    var waiting: [InstanceID] = [] // all waiting instances, in the order they started waiting
    var isWaiting: [Bool]
    var queued: [Bool]
    var finalState: [FinalState?]
    var finalReason: [String]
    /// Hosts that will enter maintenance later in this campaign: poor targets.
    var upcoming: [Bool]
    /// Hosts the campaign drains (at any point).
    var inCampaign: [Bool]
    var attempts: [Int]
    var moveSource: [HostID?]
    var stoppedAt: [SimTime]
    var pendingReassign: [SimTime]
    var pendingBoot: [SimTime]
    var campaignHosts: [HostID]
    var nextCampaignHost = 0
    var hostsInMaintenance = 0
    var hostsReturned = 0
    var campaignEnd: SimTime?

    init(config: SimulationConfig, fleet: Fleet, replicationSeed: UInt64, campaignHosts: [HostID],
         observers: [FactObserver]) throws(Occupancy.Violation) {
        self.config = config
        self.fleet = fleet
        self.replicationSeed = replicationSeed
        self.observers = observers
        self.campaignHosts = campaignHosts
        placement = Placement(fleet: fleet, strategy: config.campaign.placement)
        occupancy = try Occupancy(fleet: fleet)
        let nHosts = fleet.hosts.count
        let nInstances = fleet.instances.count
        residents = Array(repeating: [], count: nHosts)
        for instance in fleet.instances { residents[instance.initialHost.int].append(instance.id) }
        phase = Array(repeating: .inService, count: nHosts)
        queue = Array(repeating: Deque(), count: nHosts)
        outbound = Array(repeating: 0, count: nHosts)
        waitingOn = Array(repeating: 0, count: nHosts)
        isWaiting = Array(repeating: false, count: nInstances)
        queued = Array(repeating: false, count: nInstances)
        finalState = Array(repeating: nil, count: nInstances)
        finalReason = Array(repeating: "", count: nInstances)
        upcoming = Array(repeating: false, count: nHosts)
        for h in campaignHosts { upcoming[h.int] = true }
        inCampaign = upcoming
        attempts = Array(repeating: 0, count: nInstances)
        moveSource = Array(repeating: nil, count: nInstances)
        stoppedAt = Array(repeating: .zero, count: nInstances)
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
            if campaignHosts.isEmpty { finishCampaign(at: now); return }
            startDrains(kernel: &kernel)
        case .stopDone(let i):
            kernel.schedule(after: pendingReassign[i.int], .reassignDone(i))
        case .reassignDone(let i):
            let source = moveSource[i.int]!
            let target = occupancy.reservedOn[i.int]!
            do { try occupancy.commitMove(i, demand: fleet[i].demand, from: source) } catch {
                preconditionFailure("campaign bookkeeping: \(error)")
            }
            if let k = residents[source.int].firstIndex(of: i) { residents[source.int].remove(at: k) }
            residents[target.int].append(i)
            emit(.moved(instance: i, from: source, to: target, time: now))
            kernel.schedule(after: pendingBoot[i.int], .bootDone(i))
        case .bootDone(let i):
            let source = moveSource[i.int]!
            emit(.instanceResumed(instance: i, time: now))
            emit(.attemptEnded(instance: i, attempt: attempts[i.int], action: .reboot, outcome: .completed,
                               reason: "rebooted on target", downtime: now - stoppedAt[i.int], time: now))
            resolve(i, .moved, reason: "reboot migration", at: now)
            moveSource[i.int] = nil
            outbound[source.int] -= 1
            dispatch(source, kernel: &kernel)
        case .hostReturn(let h):
            phase[h.int] = .returned
            occupancy.setAccepting(h, true)
            hostsInMaintenance -= 1
            hostsReturned += 1
            emit(.hostReturned(host: h, time: now))
            retryWaiting(kernel: &kernel)
            startDrains(kernel: &kernel)
            if hostsReturned == campaignHosts.count { finishCampaign(at: now) }
        }
    }

    mutating func finishCampaign(at now: SimTime) {
        campaignEnd = now
        emit(.campaignEnded(time: now))
    }

    mutating func startDrains(kernel: inout Kernel<CampaignEvent>) {
        while hostsInMaintenance < config.campaign.maxHostsInMaintenance && nextCampaignHost < campaignHosts.count {
            let h = campaignHosts[nextCampaignHost]
            nextCampaignHost += 1
            startDrain(h, kernel: &kernel)
        }
    }

    mutating func startDrain(_ h: HostID, kernel: inout Kernel<CampaignEvent>) {
        let now = kernel.now
        hostsInMaintenance += 1
        phase[h.int] = .draining
        occupancy.setAccepting(h, false)
        emit(.hostDrainStarted(host: h, time: now))
        upcoming[h.int] = false
        for i in residents[h.int].sorted() {
            queued[i.int] = true
            finalState[i.int] = nil
            queue[h.int].append(i)
            emit(.moveQueued(instance: i, time: now))
        }
        dispatch(h, kernel: &kernel)
    }

    /// Start moves out of `h` while its outbound limit allows; finish its drain when empty.
    mutating func dispatch(_ h: HostID, kernel: inout Kernel<CampaignEvent>) {
        while outbound[h.int] < config.campaign.maxOutboundPerHost, let i = queue[h.int].popFirst() {
            if !tryStart(i, from: h, kernel: &kernel) {
                switch config.campaign.onNoTarget {
                case .wait:
                    isWaiting[i.int] = true
                    waitingOn[h.int] += 1
                    waiting.append(i)
                    emit(.waitingForCapacity(instance: i, time: kernel.now))
                case .skip:
                    resolve(i, .skipped, reason: "no target with capacity", at: kernel.now)
                }
            }
        }
        checkDrained(h, kernel: &kernel)
    }

    mutating func checkDrained(_ h: HostID, kernel: inout Kernel<CampaignEvent>) {
        guard phase[h.int] == .draining, queue[h.int].isEmpty, outbound[h.int] == 0, waitingOn[h.int] == 0 else { return }
        phase[h.int] = .down
        emit(.hostDrained(host: h, time: kernel.now))
        let stream = RandomStream(scenarioSeed: replicationSeed, entity: fleet[h].name, purpose: "maintenance",
                                  kind: config.generator)
        let down = SimTime(seconds: max(0, config.campaign.maintenanceDuration.sample(stream)))
        kernel.schedule(after: down, .hostReturn(h))
    }

    /// Try to place and start moving `i`; false when no host has room.
    mutating func tryStart(_ i: InstanceID, from source: HostID, kernel: inout Kernel<CampaignEvent>) -> Bool {
        let instance = fleet[i]
        guard let target = placement.target(for: instance, leaving: source, fleet: fleet, occupancy: occupancy,
                                            deprioritized: upcoming) else {
            return false
        }
        do { try occupancy.reserve(i, demand: instance.demand, on: target) } catch {
            preconditionFailure("placement chose a host without room: \(error)")
        }
        let now = kernel.now
        attempts[i.int] += 1
        outbound[source.int] += 1
        moveSource[i.int] = source
        emit(.reserved(instance: i, target: target, time: now))
        emit(.attemptStarted(instance: i, attempt: attempts[i.int], action: .reboot, source: source, target: target, time: now))
        // One stream per (instance, attempt): a retry draws afresh, and other instances'
        // moves never shift this one's draws.
        let stream = RandomStream(scenarioSeed: replicationSeed, entity: instance.name,
                                  purpose: "reboot-migration#\(attempts[i.int])", kind: config.generator)
        let reboot = config.rebootMigration
        let stop = SimTime(seconds: max(0, reboot.stopSeconds.sample(stream)))
        pendingReassign[i.int] = SimTime(seconds: max(0, reboot.reassignSeconds.sample(stream)))
        pendingBoot[i.int] = SimTime(seconds: max(0, reboot.bootSeconds.sample(stream)))
        stoppedAt[i.int] = now
        emit(.instanceStopped(instance: i, time: now))
        kernel.schedule(after: stop, .stopDone(i))
        return true
    }

    /// Capacity changed: give every waiting instance, oldest first, another try.
    mutating func retryWaiting(kernel: inout Kernel<CampaignEvent>) {
        guard !waiting.isEmpty else { return }
        var still: [InstanceID] = []
        var touched: [HostID] = []
        for i in waiting {
            guard let source = occupancy.hostOf[i.int] else { continue }
            if outbound[source.int] < config.campaign.maxOutboundPerHost, tryStart(i, from: source, kernel: &kernel) {
                isWaiting[i.int] = false
                waitingOn[source.int] -= 1
                touched.append(source)
            } else {
                still.append(i)
            }
        }
        waiting = still
        for h in touched { checkDrained(h, kernel: &kernel) }
    }

    /// Record where a move left the instance. An instance moved onto a host that is drained
    /// later moves again; its final state is settled only at the end of the run.
    mutating func resolve(_ i: InstanceID, _ state: FinalState, reason: String, at now: SimTime) {
        finalState[i.int] = state
        finalReason[i.int] = reason
    }

    /// At the end of a run every instance gets exactly one final state, in id order.
    mutating func resolveAll(at now: SimTime) {
        for instance in fleet.instances {
            let i = instance.id.int
            let state: FinalState
            let reason: String
            if let s = finalState[i] {
                (state, reason) = (s, finalReason[i])
            } else if queued[i] {
                (state, reason) = (.unresolved, isWaiting[i] ? "waiting for capacity at horizon" : "in progress at horizon")
            } else if let h = occupancy.hostOf[i], inCampaign[h.int] {
                (state, reason) = (.unresolved, "host not drained before horizon")
            } else {
                (state, reason) = (.untouched, "host not in campaign")
            }
            emit(.instanceResolved(instance: instance.id, state: state, reason: reason, time: now))
        }
    }
}
