import DequeModule
import FleetModel
import MaintenancePolicy
import MigrationEngine
import SimKernel

/// Live migration: the engine's controller runs against its flow's max-min fair share. The
/// model schedules one event per migration, at the controller's next decision point, and
/// moves it whenever the flow's rate changes.
extension CampaignModel {
    mutating func startLive(_ i: InstanceID, step: LiveStep, kernel: inout Kernel<CampaignEvent>) {
        let now = kernel.now
        flows.advance(to: now)
        guard let move = moves[i.int] else { return }
        let instance = fleet[i]
        plans.attemptBegan(i)
        let parameters = engineParameters(for: instance, step: step)
        // Injected fault: the target cannot set the migration up (device attach timeout).
        if let delay = failures.plan.oracle.setupError(instance: instance.name, attempt: move.attempt) {
            kernel.schedule(after: delay, .setupFailed(i, epoch: epoch[i.int]))
            return
        }
        let path = topology.path(from: move.source, to: move.target)
        // The flow is capped at the migration's max_bandwidth: QEMU sends each 100 ms quota
        // in a burst, so over any window its average never exceeds the cap.
        let flow = flows.startFlow(path: path, maxBytesPerSecond: parameters.maxBandwidthBytesPerSecond ?? .infinity,
                                   for: i, kernel: &kernel)
        // The controller is built in place of the argument, so it moves into the migration
        // (bound to a name first, it was copied: ~1.3 KB and its references per migration).
        let lm = LiveMigration(
            controller: PrecopyController(parameters: parameters,
                                          guest: guestModel(instance, pageSizeBytes: parameters.pageSizeBytes),
                                          startSeconds: 0, linkBytesPerSecond: flows.rate(of: flow)),
            flow: flow, path: path, start: now)
        // Injected faults: an internal error during the first pass, or an abort with a
        // probability per GiB sent (docs/failure-reference.md).
        // The first pass is drawn on as the engine sends it (zero pages are 9 bytes on the wire),
        // so an idle guest meets its abort point as surely as a busy one.
        if let point = failures.plan.oracle.abortPoint(instance: instance.name, attempt: move.attempt,
                                                     firstPassBytes: parameters.firstPassWireBytes) {
            lm.abortAtBytes = point.bytesSent
            lm.abortReason = point.cause
            lm.abortWithinFirstPass = point.cause == .internalError
        }
        live.add(lm, for: i)
        scheduleLiveStep(i, lm, kernel: &kernel)
    }

    /// (Re)schedule the migration's event at its controller's next decision point. The
    /// migration is passed down from the event's handler rather than looked up again: each
    /// lookup retained and released it.
    ///
    /// When the decision point moves later (a slower rate), the pending event is kept: it
    /// fires early, finds nothing due (`liveStep` leaves the controller alone) and is set
    /// again. A shared uplink re-rates many flows on every start and end, and most re-rates
    /// are small; keeping the early event avoids a cancel and an insert for each.
    mutating func scheduleLiveStep(_ i: InstanceID, _ lm: LiveMigration, kernel: inout Kernel<CampaignEvent>,
                                   immediately: Bool = false) {
        let relative = lm.nextDecisionNanoseconds
        // The controller has handled every decision point up to now, so a pending one is
        // strictly later: at least a nanosecond. (A point a fraction of a nanosecond ahead
        // rounds to `now`, and would otherwise be rescheduled at `now` for ever.)
        let next = immediately ? kernel.now.nanoseconds
            : relative == Int64.max ? Int64.max : max(lm.start.nanoseconds + relative, kernel.now.nanoseconds + 1)
        if let old = lm.event {
            if kernel.queue.isPending(old), let at = lm.eventTime, at <= next, at >= kernel.now.nanoseconds { return }
            kernel.cancel(old)
        }
        // No bandwidth (a cut link): nothing happens until the rate changes.
        if next == Int64.max {
            lm.event = nil
            lm.eventTime = nil
        } else {
            let at = SimTime(nanoseconds: max(next, kernel.now.nanoseconds))
            lm.event = kernel.schedule(at: at, .liveStep(i))
            lm.eventTime = at.nanoseconds
        }
    }

    mutating func liveStep(_ i: InstanceID, kernel: inout Kernel<CampaignEvent>) {
        guard let slot = live.slot(of: i), let lm = live[slot] else { return }
        let start = lm.start
        let now = kernel.now
        lm.event = nil
        lm.eventTime = nil
        let relative = (now - start).nanoseconds
        // Nothing due yet: an event kept after the rate fell (`scheduleLiveStep`). The
        // controller is not advanced, so where its clock stops (and its floating-point sums
        // split) depends only on rate changes, decisions and failures, never on which events
        // happened to be kept: the same whether the event was kept or moved.
        if lm.phase == lm.lastPhase && relative < lm.nextDecisionNanoseconds {
            scheduleLiveStep(i, lm, kernel: &kernel)
            return
        }
        // At a quiet bound: find the decision point behind it, from the state and rate the
        // bound was found for (the same look-ahead as without bounds), and wait for it.
        if lm.phase == lm.lastPhase && lm.nextIsBound {
            lm.resolveNextDecision()
            if relative < lm.nextDecisionNanoseconds {
                scheduleLiveStep(i, lm, kernel: &kernel)
                return
            }
        }
        flows.advance(to: now)
        lm.advance(toNanoseconds: relative)
        followPhase(i, slot: slot, lm, kernel: &kernel)
    }

    /// Act on the controller's phase changes: the guest stops at stop-and-copy or post-copy
    /// blackout (and the copy runs at link speed, uncapped), resumes when post-copy goes
    /// active or the migration ends.
    mutating func followPhase(_ i: InstanceID, slot: Int, _ lm: LiveMigration, kernel: inout Kernel<CampaignEvent>) {
        let now = kernel.now
        let phase = lm.phase
        if phase != lm.lastPhase {
            lm.lastPhase = phase
            switch phase {
            case .stopAndCopy, .postcopyBlackout:
                if let attempt = moves[i.int]?.attempt {
                    lm.switchedOver = true
                    emit(.switchover(instance: i, attempt: attempt, mode: phase == .stopAndCopy ? .stopAndCopy : .postcopy, time: now))
                }
                stopGuest(i, cause: .blackout, at: now)
                // QEMU lifts max_bandwidth for the final copy; post-copy has its own cap.
                let cap = phase == .stopAndCopy ? Double.infinity
                    : (lm.controller.parameters.postcopy?.maxPostcopyBandwidthBytesPerSecond ?? .infinity)
                flows.setMaxRate(cap == 0 ? .infinity : cap, of: lm.flow, kernel: &kernel)
            case .postcopyActive, .acknowledging:
                resumeGuest(i, at: now)
            case .finished:
                finishLive(i, slot: slot, lm, kernel: &kernel)
                return
            case .setup, .precopy:
                break
            }
        }
        scheduleLiveStep(i, lm, kernel: &kernel)
    }

    mutating func finishLive(_ i: InstanceID, slot: Int, _ lm: LiveMigration, kernel: inout Kernel<CampaignEvent>) {
        guard let move = moves[i.int], let outcome = lm.controller.outcome else { return }
        let now = kernel.now
        if let old = lm.event { kernel.cancel(old) }
        let networkBytes = flows.endFlow(lm.flow, kernel: &kernel)
        live.remove(slot: slot, of: i)
        emit(.flowEnded(instance: i, path: lm.path, networkBytes: networkBytes, engineBytes: outcome.bytesSent, time: now))
        emit(.livePasses(instance: i, attempt: move.attempt, start: lm.start, passes: outcome.passes,
                         dirtySyncCount: outcome.dirtySyncCount, finalThrottlePercent: outcome.finalThrottlePercent, time: now))
        if outcome.state == .completed && !lm.switchedOver {
            // A switchover with nothing left to copy (engine downtime 0) starts and ends
            // between two of the model's events: publish it, with no stop of the guest.
            emit(.switchover(instance: i, attempt: move.attempt, mode: outcome.reason == .postcopy ? .postcopy : .stopAndCopy,
                             time: now))
        }
        resumeGuest(i, at: now)
        let downtime = moves[i.int]!.downtime
        let parts = moves[i.int]!.downtimeParts
        let reason: AttemptEndReason = lm.overrideReason.map { .injectedAbort($0) } ?? .engine(outcome.reason)
        switch outcome.state {
        case .completed:
            commitMove(i, at: now)
            emit(.attemptEnded(instance: i, attempt: move.attempt, action: .live, outcome: .completed,
                               reason: reason, downtime: downtime, downtimeParts: parts, bytes: outcome.bytesSent, time: now))
            endMove(i, completed: true, kernel: &kernel)
        case .lost:
            // A host failed in post-copy: the running guest is gone; it restarts from its
            // boot volume wherever there is room.
            cancelReservation(i, at: now)
            emit(.attemptEnded(instance: i, attempt: move.attempt, action: .live, outcome: .lost,
                               reason: reason, downtime: downtime, downtimeParts: parts, bytes: outcome.bytesSent, time: now))
            lostInPostcopy(i, source: move.source, kernel: &kernel)
        case .aborted, .running:
            // The guest keeps running on the source (unless the source itself failed); give
            // up the target.
            cancelReservation(i, at: now)
            emit(.attemptEnded(instance: i, attempt: move.attempt, action: .live, outcome: .aborted,
                               reason: reason, downtime: downtime, downtimeParts: parts, bytes: outcome.bytesSent, time: now))
            if failures.hostDown[move.source.int] {
                releaseMove(i)
                crash(i, on: move.source, kernel: &kernel)
                capacityChanged(kernel: &kernel)
            } else {
                liveAttemptFailed(i, on: move.source, failedTarget: move.target, isReturn: move.isReturn, kernel: &kernel)
                endMove(i, completed: false, kernel: &kernel)
            }
        }
    }
}
