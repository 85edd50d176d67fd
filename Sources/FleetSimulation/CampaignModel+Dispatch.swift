import DequeModule
import FleetModel
import SimKernel

/// Starting moves under the concurrency limits, waiting for capacity, retrying.
extension CampaignModel {
    enum StartResult { case started, noCapacity, limited }

    var globalSlotFree: Bool { config.campaign.maxConcurrentMigrations.map { inFlight < $0 } ?? true }

    func outboundFree(_ h: HostID) -> Bool { outbound[h.int] < config.campaign.maxOutboundPerHost }

    /// Start moves out of `h` while its limits allow; finish its drain when it is empty.
    mutating func dispatch(_ h: HostID, kernel: inout Kernel<CampaignEvent>) {
        while outboundFree(h), globalSlotFree, let i = queue[h.int].first {
            switch tryStart(i, from: h, isReturn: false, kernel: &kernel) {
            case .started:
                queue[h.int].removeFirst()
            case .noCapacity:
                queue[h.int].removeFirst()
                switch config.campaign.onNoTarget {
                case .wait:
                    isWaiting[i.int] = true
                    waiting.append(i)
                    emit(.waitingForCapacity(instance: i, time: kernel.now))
                case .skip:
                    queued[i.int] = false
                    resolve(i, .skipped, reason: "no target with capacity")
                }
            case .limited:
                // Every target with room is at its inbound limit: try again when a move ends.
                checkDrained(h, kernel: &kernel)
                return
            }
        }
        checkDrained(h, kernel: &kernel)
    }

    /// Try to place and start moving `i` off `source`.
    mutating func tryStart(_ i: InstanceID, from source: HostID, isReturn: Bool,
                           kernel: inout Kernel<CampaignEvent>) -> StartResult {
        let instance = fleet[i]
        let target: HostID
        if isReturn {
            guard let h = home[i.int], occupancy.canHost(instance.demand, on: h) else { return .noCapacity }
            if inboundFull[h.int] { return .limited }
            target = h
        } else {
            var blocked = inboundFull
            if let avoid = avoidTarget[i.int] { blocked[avoid.int] = true }
            guard let t = placement.target(for: instance, leaving: source, fleet: fleet, occupancy: occupancy,
                                           deprioritized: upcoming, blocked: blocked) else {
                // Distinguish "no room anywhere" from "room, but only behind inbound limits".
                let anyRoom = placement.target(for: instance, leaving: source, fleet: fleet, occupancy: occupancy) != nil
                return anyRoom ? .limited : .noCapacity
            }
            target = t
        }
        do { try occupancy.reserve(i, demand: instance.demand, on: target) } catch {
            preconditionFailure("placement chose a host without room: \(error)")
        }
        let now = kernel.now
        attempts[i.int] += 1
        outbound[source.int] += 1
        inbound[target.int] += 1
        if let limit = config.campaign.maxInboundPerHost, inbound[target.int] >= limit { inboundFull[target.int] = true }
        inFlight += 1
        let action = nextAction[i.int]
        moves[i.int] = Move(action: action, source: source, target: target, attempt: attempts[i.int], isReturn: isReturn)
        emit(.reserved(instance: i, target: target, time: now))
        emit(.attemptStarted(instance: i, attempt: attempts[i.int], action: action, source: source, target: target, time: now))
        switch action {
        case .live: startLive(i, kernel: &kernel)
        case .reboot, .manual: startReboot(i, kernel: &kernel)
        }
        return .started
    }

    /// A move is over (either way): free its slots, and let everything blocked try again.
    mutating func endMove(_ i: InstanceID, completed: Bool, kernel: inout Kernel<CampaignEvent>) {
        guard let move = moves[i.int] else { return }
        moves[i.int] = nil
        outbound[move.source.int] -= 1
        inbound[move.target.int] -= 1
        inboundFull[move.target.int] = false
        inFlight -= 1
        if completed {
            if move.isReturn {
                resolve(i, .moved, reason: "returned to its host after maintenance")
            } else {
                queued[i.int] = false
                avoidTarget[i.int] = nil
                resolve(i, .moved, reason: move.action == .live ? "live migration" : "reboot migration")
                if let h = home[i.int], h == move.source { awayFrom[h.int].append(i) }
            }
        }
        capacityChanged(kernel: &kernel)
    }

    /// Slots or capacity freed: waiting instances (oldest first), then draining hosts' queues,
    /// then returns get another try.
    mutating func capacityChanged(kernel: inout Kernel<CampaignEvent>) {
        if !waiting.isEmpty {
            var still: [InstanceID] = []
            var touched: [HostID] = []
            for i in waiting {
                guard let source = occupancy.hostOf[i.int] else { continue }
                if outboundFree(source), globalSlotFree,
                   case .started = tryStart(i, from: source, isReturn: false, kernel: &kernel) {
                    isWaiting[i.int] = false
                    touched.append(source)
                } else {
                    still.append(i)
                }
            }
            waiting = still
            for h in touched { checkDrained(h, kernel: &kernel) }
        }
        for h in drainingHosts where globalSlotFree { dispatch(h, kernel: &kernel) }
        var remaining: Deque<InstanceID> = []
        while let i = returnQueue.popFirst() {
            guard let source = occupancy.hostOf[i.int], moves[i.int] == nil, !queued[i.int] else { continue }
            if outboundFree(source), globalSlotFree,
               case .started = tryStart(i, from: source, isReturn: true, kernel: &kernel) {
                continue
            }
            remaining.append(i)
        }
        returnQueue = remaining
    }
}
