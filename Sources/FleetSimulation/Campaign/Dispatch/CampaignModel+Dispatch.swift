import DequeModule
import FleetModel
import MaintenancePolicy
import SimKernel
import Stochastics

/// Starting moves under the concurrency limits, waiting for capacity, retrying.
extension CampaignModel {
    enum StartResult { case started, noCapacity, limited, failedAtOnce }

    /// Whether a move out of `h` could start now as far as the source and fleet-wide limits go.
    func sourceSlotFree(_ h: HostID) -> Bool {
        let limits = queues.slots.limits
        if queues.slots.atGlobalLimit { return false }
        if queues.slots.atOutboundLimit(h) { return false }
        if let p = limits.hostLimit(nicBytesPerSecond: fleet[h].nicBytesPerSecond), queues.slots.migrations(on: h) >= p { return false }
        return true
    }

    /// Queue `i` for a move off `h` (at the front: a retry, or a notice that came due).
    mutating func enqueue(_ i: InstanceID, on h: HostID, at now: SimTime, front: Bool = false) {
        if front { queues.byHost[h.int].prepend(i) } else { queues.byHost[h.int].append(i) }
        queues.mayDispatch(h)
        emit(.moveQueued(instance: i, time: now))
    }

    /// Forget a move without scheduling anything (the caller decides what comes next); its
    /// slots are free again.
    mutating func releaseMove(_ i: InstanceID) {
        guard let move = moves[i.int] else { return }
        moves[i.int] = nil
        epoch[i.int] &+= 1
        if move.usesSlots {
            queues.slots.release(source: move.source, target: move.target)
            queues.mayDispatch(move.source)
        }
    }

    /// Start moves out of `h` while its limits allow; finish its drain when it is empty.
    mutating func dispatch(_ h: HostID, kernel: inout Kernel<CampaignEvent>) {
        while sourceSlotFree(h), let i = queues.byHost[h.int].popFirst() {
            switch tryStart(i, from: h, isReturn: false, kernel: &kernel) {
            case .started, .failedAtOnce:
                continue
            case .noCapacity:
                noTarget(i, on: h, at: kernel.now)
            case .limited:
                // The chosen target is at its own limit: try again when a move ends.
                queues.byHost[h.int].prepend(i)
                queues.mayDispatch(h)
                checkDrained(h, kernel: &kernel)
                return
            }
        }
        checkDrained(h, kernel: &kernel)
    }

    /// No host has room for `i` (or none satisfies its anti-affinity or spread rules).
    mutating func noTarget(_ i: InstanceID, on h: HostID, at now: SimTime) {
        switch rules.onNoTarget {
        case .wait:
            status[i.int] = .waitingForCapacity
            queues.waiting.append(i)
            emit(.waitingForCapacity(instance: i, time: now))
        case .skip:
            resolve(i, .skipped, reason: .noTargetSkipped)
        case .stop:
            stopInPlace(i, on: h, reason: .noTargetStopped, at: now)
        }
    }

    /// Choose a target for `i` leaving `source`: another host than the last failed one when
    /// possible (it is made a last resort for this one query).
    mutating func chooseTarget(_ i: InstanceID, leaving source: HostID) -> HostID? {
        guard let avoid = plans.avoidTarget[i.int] else { return placement.target(for: i, leaving: source, occupancy: occupancy) }
        let was = placement.isDeprioritized(avoid)
        placement.setDeprioritized(avoid, true)
        let target = placement.target(for: i, leaving: source, occupancy: occupancy)
        placement.setDeprioritized(avoid, was)
        return target
    }

    /// Try to place and start moving `i` off `source` by its current action.
    mutating func tryStart(_ i: InstanceID, from source: HostID, isReturn: Bool,
                           kernel: inout Kernel<CampaignEvent>) -> StartResult {
        let instance = fleet[i]
        let now = kernel.now
        guard let planned = isReturn ? returnAction(i) : plans.currentAction(i) else { return .noCapacity }
        let action = MoveAction(planned)
        // OCI attempts custom and Marketplace images: a failed draw is an attempt that fails
        // before any data moves.
        if case .live(let liveStep) = planned, !isReturn, let p = liveStep.attemptSuccessProbability {
            let stream = RandomStream(scenarioSeed: replicationSeed, entity: instance.name,
                                      purpose: "live-gate#\(attempts[i.int] + 1)", kind: config.generator)
            if !stream.bernoulli(p) {
                attempts[i.int] += 1
                emit(.attemptStarted(instance: i, attempt: attempts[i.int], action: .live, source: source, target: source, time: now))
                emit(.attemptEnded(instance: i, attempt: attempts[i.int], action: .live, outcome: .aborted,
                                   reason: .liveNotPossibleForImage, downtime: .zero, downtimeParts: DowntimeBreakdown(), bytes: 0, time: now))
                liveAttemptFailed(i, on: source, failedTarget: nil, isReturn: false, kernel: &kernel)
                return .failedAtOnce
            }
        }
        let target: HostID
        if isReturn {
            guard let h = returns.home[i.int], occupancy.canHost(instance.demand, on: h) else { return .noCapacity }
            target = h
        } else {
            guard let t = chooseTarget(i, leaving: source) else { return .noCapacity }
            target = t
        }
        guard queues.slots.tryAcquire(source: source, target: target, fleet: fleet) else { return .limited }
        do { try occupancy.reserve(i, demand: instance.demand, on: target) } catch {
            preconditionFailure("placement chose a host without room: \(error)")
        }
        placement.didReserve(i, on: target, occupancy: occupancy)
        attempts[i.int] += 1
        moves[i.int] = Move(action: action, source: source, target: target, attempt: attempts[i.int], isReturn: isReturn)
        emit(.reserved(instance: i, target: target, time: now))
        emit(.attemptStarted(instance: i, attempt: attempts[i.int], action: action, source: source, target: target, time: now))
        switch planned {
        case .live(let liveStep): startLive(i, step: liveStep, kernel: &kernel)
        case .reboot: startReboot(i, kernel: &kernel)
        case .manual: startManual(i, kernel: &kernel)
        case .cold(let copy): startCold(i, copyRootFS: copy, kernel: &kernel)
        case .stop: preconditionFailure("stop in place is not a move")
        }
        return .started
    }

    /// How an instance goes back home: the way its plan would first have moved it (live or
    /// cold), else by a plain reboot migration.
    func returnAction(_ i: InstanceID) -> PlannedAction? {
        switch plans.actions[i.int].first {
        case .live(let step)?: return .live(step)
        case .cold(let copy)?: return .cold(copyRootFS: copy)
        default: return .reboot(.vmStandard)
        }
    }

    /// A move is over (either way): free its slots, and let everything blocked try again.
    mutating func endMove(_ i: InstanceID, completed: Bool, kernel: inout Kernel<CampaignEvent>) {
        guard let move = moves[i.int] else { return }
        releaseMove(i)
        if completed && move.action == .restart {
            // Back up after a host failure: its final state says crashed (or lost).
            if status[i.int] == .downAwaitingRepair { status[i.int] = .idle }
        } else if completed {
            if move.isReturn {
                resolve(i, .moved, reason: .returnedHome)
            } else {
                plans.moveCompleted(i)
                resolve(i, .moved, reason: .migrated(move.action))
                returns.movedAway(i, from: move.source)
            }
        }
        capacityChanged(kernel: &kernel)
    }

    /// Give up a move's reservation (the move failed; the instance is still on its source).
    mutating func cancelReservation(_ i: InstanceID, at now: SimTime) {
        guard let move = moves[i.int] else { return }
        do { try occupancy.cancelReservation(i, demand: fleet[i].demand) } catch {
            preconditionFailure("campaign bookkeeping: \(error)")
        }
        placement.didCancelReservation(i, on: move.target, occupancy: occupancy)
        emit(.reservationCancelled(instance: i, target: move.target, time: now))
    }

    /// Slots or capacity freed: waiting instances (oldest first), then draining hosts' queues,
    /// then returns get another try.
    mutating func capacityChanged(kernel: inout Kernel<CampaignEvent>) {
        if !queues.waiting.isEmpty {
            var still: [InstanceID] = []
            var touched: [HostID] = []
            for i in queues.waiting {
                guard let source = occupancy.hostOf[i.int] else { continue }
                if sourceSlotFree(source), case let result = tryStart(i, from: source, isReturn: false, kernel: &kernel),
                   result == .started || result == .failedAtOnce {
                    // Unless the attempt that failed at once led elsewhere (a notice, a stop).
                    if status[i.int] == .waitingForCapacity { status[i.int] = .planned }
                    touched.append(source)
                } else {
                    still.append(i)
                }
            }
            queues.waiting = still
            for h in touched { checkDrained(h, kernel: &kernel) }
        }
        dispatchDrainingHosts(kernel: &kernel)
        retryReturns(kernel: &kernel)
    }

    /// Every draining host that may start a move or finish its drain, in the order the
    /// drains started, dispatched while its source limits allow. A draining host with nothing
    /// queued and a move out of it still running can do neither (its drain waits for that
    /// move), so it is left out until a move out of it ends or something is queued on it
    /// (`MoveQueues.mayDispatch`); visiting every draining host after every move was a
    /// quarter of the 10k benches' simulation. So is a host at its outbound limit (a move
    /// out of it that ends marks it). Same dispatches, same order, same outcome.
    ///
    /// Once the fleet-wide limit is reached no host can start a move, and the rest of the
    /// visit would only mark each remaining candidate again (backbone-10k: 2,000 draining
    /// hosts, 32 moves in flight, a visit per move end). The visit stops there and the rest
    /// stay marked for the next one. A host the visit would have dropped (not draining, or
    /// empty with moves still out) is dropped at a later visit, and could only have come
    /// back by being marked again (a queued move or a move that ends marks its host:
    /// `enqueue`, `releaseMove`; a drain that starts marks it too), so the hosts visited,
    /// and their order, are the same. The candidates wait in a heap keyed by drain order
    /// (`MoveQueues.nextCandidate`), so a visit that stops early costs what it visits.
    mutating func dispatchDrainingHosts(kernel: inout Kernel<CampaignEvent>) {
        if queues.slots.atGlobalLimit { return }
        queues.beginVisit()
        defer { queues.endVisit() }
        while let h = queues.nextCandidate() {
            guard hosts.state[h.int] == .draining else { continue }
            if queues.byHost[h.int].isEmpty && queues.slots.outbound[h.int] > 0 { continue }
            // At its outbound limit it can start nothing until a move out of it ends, and that
            // marks it again (`releaseMove`); marked now, it would only be visited for nothing
            // at every move's end (large-fleet: 300 draining hosts, one move out of each).
            if queues.slots.atOutboundLimit(h) { continue }
            queues.mayDispatch(h)
            if sourceSlotFree(h) { dispatch(h, kernel: &kernel) }
            if queues.slots.atGlobalLimit { return }
        }
    }
}

extension MoveAction {
    init(_ planned: PlannedAction) {
        switch planned {
        case .live: self = .live
        case .reboot: self = .reboot
        case .manual: self = .manual
        case .cold: self = .cold
        case .stop: self = .stop
        }
    }
}
