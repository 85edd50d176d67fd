import FleetModel
import SimKernel

/// The end of a run: every instance's final state, and what flows still running carried.
extension CampaignModel {
    /// Record where the campaign left the instance (settled finally at the end of the run:
    /// an instance moved onto a host drained later moves again).
    mutating func resolve(_ i: InstanceID, _ state: FinalState, reason: String) {
        finalState[i.int] = state
        finalReason[i.int] = reason
        if status[i.int].isPending { status[i.int] = .idle }
    }

    /// At the end of a run every instance gets exactly one final state, in id order.
    mutating func resolveAll(at now: SimTime) {
        flows.settle(at: now)
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
            } else if let s = finalState[i], !(failures.crashed[i] && s == .moved && failures.lostInPostcopy[i]) {
                (state, reason) = (s, finalReason[i])
            } else if failures.lostInPostcopy[i] {
                (state, reason) = (.lost, "lost in post-copy; restarted from its boot volume")
            } else if failures.crashed[i] {
                (state, reason) = (.crashed, "host failure; restarted")
            } else if let h = occupancy.hostOf[i], hosts.inCampaign[h.int] {
                (state, reason) = (.unresolved, "host not drained before horizon")
                campaignHostAtEnd = true
            } else {
                (state, reason) = (.untouched, "host not in campaign")
            }
            if case .stoppedInPlace(let since) = status[i] {
                endStopAttempt(instance.id, stoppedAt: since, reason: "still stopped at the end of the run", at: now)
            }
            emit(.instanceResolved(instance: instance.id, state: state, reason: reason,
                                   inCampaign: !plans.actions[i].isEmpty || campaignHostAtEnd || hosts.inCampaign[instance.initialHost.int],
                                   time: now))
        }
        // Flows still running at the horizon: account for what they carried so far.
        for case let (i, move?) in moves.enumerated() {
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
        emitNetworkTotals(at: now)
    }
}
