import FleetModel
import SimKernel

/// The end of a run: every instance's final state, and what flows still running carried.
extension CampaignModel {
    /// Record where the campaign left the instance (settled finally at the end of the run:
    /// an instance moved onto a host drained later moves again).
    mutating func resolve(_ i: InstanceID, _ state: FinalState, reason: ResolutionReason) {
        finalState[i.int] = state
        finalReason[i.int] = reason
        if status[i.int].isPending { status[i.int] = .idle }
    }

    /// At the end of a run every instance gets exactly one final state, in id order.
    mutating func resolveAll(at now: SimTime) {
        flows.settle(at: now)
        for instance in fleet.instances {
            let i = instance.id.int
            let (state, reason) = settledState(of: instance.id)
            if case .stoppedInPlace(let since) = status[i] {
                endStopAttempt(instance.id, stoppedAt: since, reason: .stillStoppedAtEnd, at: now)
            }
            let inCampaign = !plans.actions[i].isEmpty || reason == .hostNotDrained || hosts.inCampaign[instance.initialHost.int]
            emit(.instanceResolved(instance: instance.id, state: state, reason: reason, inCampaign: inCampaign, time: now))
        }
        emitFlowsAtHorizon(at: now)
        emitNetworkTotals(at: now)
    }

    /// Where the run leaves `i`: a move or a wait the horizon cut short, else its recorded
    /// final state (a crash overrides a move it lost in post-copy), else what failures did to
    /// it, else its host's fate.
    func settledState(of id: InstanceID) -> (FinalState, ResolutionReason) {
        let i = id.int
        if let m = moves[i] { return m.isReturn ? (.moved, .returnInProgressAtHorizon) : (.unresolved, .moveInProgressAtHorizon) }
        switch status[i] {
        case .downAwaitingRepair: return (.unresolved, .downAwaitingRepairAtHorizon)
        case .waitingForCapacity: return (.unresolved, .waitingForCapacityAtHorizon)
        case .awaitingNotice: return (.unresolved, .awaitingNoticeAtHorizon)
        case .planned: return (.unresolved, .queuedAtHorizon)
        case .idle, .stoppedInPlace: break
        }
        if let s = finalState[i], let reason = finalReason[i], !(failures.crashed[i] && s == .moved && failures.lostInPostcopy[i]) {
            return (s, reason)
        }
        if failures.lostInPostcopy[i] { return (.lost, .lostInPostcopy) }
        if failures.crashed[i] { return (.crashed, .restartedAfterHostFailure) }
        if let h = occupancy.hostOf[i], hosts.inCampaign[h.int] { return (.unresolved, .hostNotDrained) }
        return (.untouched, .hostNotInCampaign)
    }

    /// Flows still running at the horizon: account for what they carried so far.
    mutating func emitFlowsAtHorizon(at now: SimTime) {
        for (i, move) in moves.inProgress {
            if let lm = live.migration(of: InstanceID(i)) {
                emit(.flowEnded(instance: InstanceID(i), path: lm.path, networkBytes: flows.bytesSent(by: lm.flow),
                                engineBytes: lm.controller.bytesSent, time: now))
            }
            if let t = move.transfer {
                let sent = Double(fleet.instances[i].attributes.rootDiskBytes) - max(0, t.remainingBytes - t.rate * (now - t.since).seconds)
                emit(.flowEnded(instance: InstanceID(i), path: t.path, networkBytes: flows.bytesSent(by: t.flow),
                                engineBytes: sent, time: now))
            }
        }
    }
}
