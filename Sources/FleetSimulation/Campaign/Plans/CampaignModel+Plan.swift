import DequeModule
import FleetModel
import MaintenancePolicy
import SimKernel
import Stochastics

/// Plans: the policy's chain of actions for each instance, notices and due dates, and the
/// fallback from one action to the next.
extension CampaignModel {
    /// The plan of an instance on a host entering maintenance; then its first step.
    mutating func startPlan(_ i: InstanceID, on h: HostID, kernel: inout Kernel<CampaignEvent>) {
        let now = kernel.now
        let instance = fleet[i]
        let (actions, reason, incompatibilities) = rules.plans.plan(for: instance, hostShape: fleet[h].shapeFamily)
        plans.actions[i.int] = actions
        plans.step[i.int] = 0
        plans.stepAttempts[i.int] = 0
        finalState[i.int] = nil
        assert(status[i.int] == .idle, "planned twice: \(status[i.int])")
        status[i.int] = .planned
        emit(.planned(instance: i, actions: actions, reason: reason,
                      incompatibilities: incompatibilities, time: now))
        beginStep(i, on: h, kernel: &kernel)
    }

    /// Start the instance's current step: queue it, send a notice, or stop it in place.
    mutating func beginStep(_ i: InstanceID, on h: HostID, kernel: inout Kernel<CampaignEvent>) {
        let now = kernel.now
        guard let action = plans.currentAction(i) else {
            resolve(i, .skipped, reason: .planExhausted)
            return
        }
        switch action {
        case .live, .cold:
            enqueue(i, on: h, at: now)
        case .reboot(let variant):
            guard rules.notifiesReboots else { enqueue(i, on: h, at: now); return }
            // OCI: a notice now, the move at the customer's time or after the due date.
            let stream = RandomStream(scenarioSeed: replicationSeed, entity: fleet[i].name,
                                      purpose: "reboot-notice#\(plans.step[i.int])", kind: config.generator)
            let r = policy.resolveReboot(variant, attributes: fleet[i].attributes, draws: RebootDraws { stream.uniform() })
            plans.rebootResolution[i.int] = r
            status[i.int] = .awaitingNotice
            let start = now + SimTime(seconds: r.startSeconds)
            emit(.noticeSent(instance: i, action: .reboot, dueAt: now + SimTime(seconds: r.dueSeconds), extended: r.extended,
                             startsAt: start,
                             trigger: .reboot(r.trigger), time: now))
            kernel.schedule(at: start, .stepDue(i))
        case .manual:
            let stream = RandomStream(scenarioSeed: replicationSeed, entity: fleet[i].name,
                                      purpose: "manual-notice#\(plans.step[i.int])", kind: config.generator)
            let m = policy.resolveManual(fleet[i], draws: ManualDraws { stream.uniform() })
            plans.manualResolution[i.int] = m
            status[i.int] = .awaitingNotice
            let deadline = now + SimTime(seconds: policy.manual.deadlineSeconds)
            switch m.outcome {
            case .customerMigrated:
                let start = now + SimTime(seconds: m.startSeconds)
                emit(.noticeSent(instance: i, action: .manual, dueAt: deadline, extended: false, startsAt: start,
                                 trigger: .customerMigrates, time: now))
                kernel.schedule(at: start, .stepDue(i))
            case .deadlinePassed:
                emit(.noticeSent(instance: i, action: .manual, dueAt: deadline, extended: false, startsAt: deadline,
                                 trigger: .manualDeadline, time: now))
                kernel.schedule(at: deadline, .manualDeadline(i))
            }
        case .stop:
            stopInPlace(i, on: h, reason: .stoppedByPolicy, at: now)
        }
    }

    /// A notified reboot or manual migration is due: it joins the front of its host's queue.
    mutating func stepDue(_ i: InstanceID, kernel: inout Kernel<CampaignEvent>) {
        guard status[i.int] == .awaitingNotice, let h = occupancy.hostOf[i.int] else { return }
        status[i.int] = .planned
        enqueue(i, on: h, at: kernel.now, front: true)
        dispatch(h, kernel: &kernel)
    }

    /// The customer never acted on a manual migration: the instance is stopped where it is,
    /// and the host's maintenance goes ahead. (The seed does not say what happens at the
    /// deadline; stopping the instance is fleetsim's assumption.)
    mutating func manualDeadline(_ i: InstanceID, kernel: inout Kernel<CampaignEvent>) {
        guard status[i.int] == .awaitingNotice, let h = occupancy.hostOf[i.int] else { return }
        status[i.int] = .planned
        stopInPlace(i, on: h, reason: .manualDeadlinePassed, at: kernel.now)
        checkDrained(h, kernel: &kernel)
    }

    /// The instance stops on its host and stays there; the drain completes without it.
    mutating func stopInPlace(_ i: InstanceID, on h: HostID, reason: ResolutionReason, at now: SimTime) {
        attempts[i.int] += 1
        status[i.int] = .stoppedInPlace(since: now)
        emit(.attemptStarted(instance: i, attempt: attempts[i.int], action: .stop, source: h, target: h, time: now))
        emit(.instanceStopped(instance: i, cause: .stop, time: now))
        resolve(i, .stopped, reason: reason)
    }

    mutating func restartInPlace(_ i: InstanceID, at now: SimTime) {
        guard case .stoppedInPlace(let since) = status[i.int] else { return }
        status[i.int] = .idle
        emit(.instanceResumed(instance: i, time: now))
        endStopAttempt(i, stoppedAt: since, reason: .restartedWhenHostReturned, at: now)
        resolve(i, .restarted, reason: .restartedWhenHostReturned(after: finalReason[i.int] ?? .stoppedByPolicy))
    }

    /// A stop in place is one attempt from the stop until the instance runs again (its host
    /// returned) or the run ends: it always ends `completed`, never `running`.
    mutating func endStopAttempt(_ i: InstanceID, stoppedAt since: SimTime, reason: AttemptEndReason, at now: SimTime) {
        let downtime = now - since
        emit(.attemptEnded(instance: i, attempt: attempts[i.int], action: .stop, outcome: .completed, reason: reason,
                           downtime: downtime, downtimeParts: DowntimeBreakdown(stop: downtime), bytes: 0, time: now))
    }

    /// The current step failed for good: on to the next action of the plan.
    mutating func nextStep(_ i: InstanceID, on h: HostID, kernel: inout Kernel<CampaignEvent>) {
        plans.step[i.int] += 1
        plans.stepAttempts[i.int] = 0
        plans.avoidTarget[i.int] = nil
        beginStep(i, on: h, kernel: &kernel)
    }
}
