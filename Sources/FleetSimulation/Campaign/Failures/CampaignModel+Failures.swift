import DequeModule
import FleetModel
import MaintenancePolicy
import MigrationEngine
import SimKernel
import Stochastics

/// Failures during the campaign (the failure plan's events and the per-attempt faults) and
/// their consequences:
/// - a failed host stops every instance on it (an unplanned outage); instances with remote
///   storage restart on another host, the others wait for the repair;
/// - a failure of the source during pre-copy crashes the guest like any other instance on
///   that host; a failure of the target aborts the attempt and the policy decides (retry
///   elsewhere, fall back); a failure of either host during post-copy loses the guest, which
///   is restarted from its boot volume;
/// - a cut link stalls pre-copy until the stall timeout, then aborts it; it pauses post-copy
///   (the guest is frozen) until the link returns.
extension CampaignModel {
    /// At the campaign's start: every event of the replication's failure plan, at its time.
    mutating func scheduleFailures(kernel: inout Kernel<CampaignEvent>) {
        for (k, event) in failures.plan.events.enumerated() { kernel.schedule(at: event.time, .failure(Int32(k))) }
    }

    mutating func failureEvent(_ k: Int, kernel: inout Kernel<CampaignEvent>) {
        // The run is about the campaign: new failures after it has ended are not its concern,
        // but repairs still bring back what earlier failures took down.
        switch failures.plan.events[k] {
        case .hostFailed(let h, let cause, _):
            guard hosts.campaignEnd == nil else { return }
            hostFailed(h, cause: cause, kernel: &kernel)
        case .hostRepaired(let h, _): hostRepaired(h, kernel: &kernel)
        case .linkDegraded(let link, let fraction, _, _):
            guard hosts.campaignEnd == nil else { return }
            setLinkFraction(link, fraction, kernel: &kernel)
        case .linkRestored(let link, _): setLinkFraction(link, 1, kernel: &kernel)
        case .rackPowerLost, .rackPowerRestored: break   // its hosts' own events follow
        }
    }

    // MARK: hosts

    mutating func hostFailed(_ h: HostID, cause: FailureCause, kernel: inout Kernel<CampaignEvent>) {
        guard !failures.hostDown[h.int] else { return }
        let now = kernel.now
        flows.advance(to: now)
        failures.hostDown[h.int] = true
        setAccepting(h, false)
        emit(.hostFailed(host: h, cause: cause, time: now))
        forEachMoveInvolving(h) { model, i, sourceFailed in
            model.moveHitByFailure(i, sourceFailed: sourceFailed, kernel: &kernel)
        }
        // An instance stopped in place is not running: the failure takes nothing from it (it
        // stays stopped, and its stop goes on as one downtime with one cause).
        for i in residents[h.int] where moves[i.int] == nil && !status[i.int].isDownAwaitingRepair
            && !status[i.int].isStoppedInPlace {
            crash(i, on: h, kernel: &kernel)
        }
        capacityChanged(kernel: &kernel)
    }

    /// Call `body` for every move from or to `h`, in increasing instance order, each as it is
    /// when its turn comes: exactly what a scan of every instance would do (a move `body` adds
    /// for a later instance is visited too), over the moves in flight only. The scan of all
    /// instances, once per host failure, was ~5 % of region-1m at x0.3 and grew with the
    /// square of the fleet (perf, 2026-12-07).
    mutating func forEachMoveInvolving(_ h: HostID, _ body: (inout CampaignModel, InstanceID, _ sourceFailed: Bool) -> Void) {
        var pending = moves.instances(above: -1)
        var k = 0
        var additions = moves.additions
        while k < pending.count {
            let i = pending[k]
            k += 1
            if let source = moves[i]?.source, let target = moves[i]?.target, source == h || target == h {
                body(&self, InstanceID(i), source == h)
            }
            if moves.additions != additions {
                additions = moves.additions
                pending = moves.instances(above: i)
                k = 0
            }
        }
    }

    mutating func hostRepaired(_ h: HostID, kernel: inout Kernel<CampaignEvent>) {
        guard failures.hostDown[h.int] else { return }
        let now = kernel.now
        failures.hostDown[h.int] = false
        if hosts.state[h.int] == .inService || hosts.state[h.int] == .returned { setAccepting(h, true) }
        emit(.hostRepaired(host: h, time: now))
        for i in residents[h.int] where status[i.int] == .downAwaitingRepair {
            status[i.int] = .idle
            emit(.instanceResumed(instance: i, time: now))
            // Back up on a host being drained: it still has to leave.
            if hosts.state[h.int] == .draining && !status[i.int].isPending && !status[i.int].isStoppedInPlace {
                startPlan(i, on: h, kernel: &kernel)
            }
        }
        if hosts.state[h.int] == .draining { dispatch(h, kernel: &kernel) }
        capacityChanged(kernel: &kernel)
    }

    /// A host of a move in progress failed.
    mutating func moveHitByFailure(_ i: InstanceID, sourceFailed: Bool, kernel: inout Kernel<CampaignEvent>) {
        guard let move = moves[i.int] else { return }
        let now = kernel.now
        if let slot = live.slot(of: i), let lm = live[slot] {
            let t = (now - lm.start).seconds
            lm.apply { $0.hostFailed(sourceFailed ? .source : .target, atSeconds: t) }
            followPhase(i, slot: slot, lm, kernel: &kernel)
            return
        }
        // Offline moves (reboot, manual, cold, restart) and a live attempt still in setup.
        if move.stage == .start && !move.fails {
            // Already on the target, booting there.
            guard !sourceFailed else { return }
            endAttempt(i, reason: .targetHostFailedDuringBoot, kernel: &kernel)
            crash(i, on: move.target, kernel: &kernel)
            return
        }
        cancelReservation(i, at: now)
        endAttempt(i, reason: sourceFailed ? .sourceHostFailed : .targetHostFailed, kernel: &kernel)
        if sourceFailed {
            crash(i, on: move.source, kernel: &kernel)
        } else if move.action == .restart {
            crash(i, on: move.source, kernel: &kernel)
        } else {
            // The target failed before the instance got there: it comes back up where it was
            // and its plan retries (or falls back).
            retryAfterFailedAttempt(i, on: move.source, failedTarget: move.target, kernel: &kernel)
        }
    }

    /// Close an aborted move: its downtime so far, its flow, its slots.
    mutating func endAttempt(_ i: InstanceID, reason: AttemptEndReason, kernel: inout Kernel<CampaignEvent>) {
        guard let move = moves[i.int] else { return }
        let now = kernel.now
        if let t = move.transfer {
            if let e = t.event { kernel.cancel(e) }
            let networkBytes = flows.endFlow(t.flow, kernel: &kernel)
            let sent = Double(fleet[i].attributes.rootDiskBytes) - max(0, t.remainingBytes - t.rate * (now - t.since).seconds)
            emit(.flowEnded(instance: i, path: t.path, networkBytes: networkBytes, engineBytes: sent, time: now))
            moves[i.int]?.transfer = nil
        }
        resumeGuest(i, at: now)
        emit(.attemptEnded(instance: i, attempt: move.attempt, action: move.action, outcome: .aborted, reason: reason,
                           downtime: moves[i.int]!.downtime, downtimeParts: moves[i.int]!.downtimeParts, bytes: 0, time: now))
        releaseMove(i)
    }

    // MARK: crashes and restarts

    /// A host failed while `i` was in post-copy (its attempt already ended `lost`): the
    /// running guest is gone, and it restarts from its boot volume wherever there is room.
    mutating func lostInPostcopy(_ i: InstanceID, source: HostID, kernel: inout Kernel<CampaignEvent>) {
        releaseMove(i)
        failures.lostInPostcopy[i.int] = true
        crash(i, on: source, kernel: &kernel)
        capacityChanged(kernel: &kernel)
    }

    /// `i` went down with host `h`. With remote storage it restarts on another host (as an
    /// HA restart: no migration slot); otherwise, or when no host has room, it waits for the
    /// repair.
    mutating func crash(_ i: InstanceID, on h: HostID, kernel: inout Kernel<CampaignEvent>) {
        let now = kernel.now
        failures.crashed[i.int] = true
        emit(.instanceStopped(instance: i, cause: .crash, time: now))
        // Its campaign step is interrupted: out of every queue, notice withdrawn.
        queues.withdraw(i, from: h, wasWaiting: status[i.int] == .waitingForCapacity)
        // (Never down awaiting repair here: such an instance has no move and is skipped by
        // the failure of its host.)
        status[i.int] = .idle
        guard fleet[i].attributes.storage == .remote, startRestart(i, from: h, kernel: &kernel) else {
            status[i.int] = .downAwaitingRepair
            return
        }
    }

    // MARK: links

    mutating func setLinkFraction(_ link: LinkID, _ fraction: Double, kernel: inout Kernel<CampaignEvent>) {
        let now = kernel.now
        flows.advance(to: now)
        flows.setCapacity(topology.info(link).capacityBytesPerSecond * fraction, of: link, kernel: &kernel)
        emit(.linkCapacityChanged(link: link, fraction: fraction, time: now))
    }

}
