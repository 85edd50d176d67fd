import FleetModel
import SimKernel
import Stochastics

/// Reboot migration: stop, reassign to the target (the source is released), boot there.
/// Downtime = stop + reassign + boot, each drawn from the scenario's distributions.
extension CampaignModel {
    mutating func startReboot(_ i: InstanceID, kernel: inout Kernel<CampaignEvent>) {
        // One stream per (instance, attempt): a retry draws afresh, and other instances'
        // moves never shift this one's draws.
        let stream = RandomStream(scenarioSeed: replicationSeed, entity: fleet[i].name,
                                  purpose: "reboot-migration#\(attempts[i.int])", kind: config.generator)
        let reboot = config.rebootMigration
        let stop = SimTime(seconds: max(0, reboot.stopSeconds.sample(stream)))
        pendingReassign[i.int] = SimTime(seconds: max(0, reboot.reassignSeconds.sample(stream)))
        pendingBoot[i.int] = SimTime(seconds: max(0, reboot.bootSeconds.sample(stream)))
        stopGuest(i, at: kernel.now)
        kernel.schedule(after: stop, .rebootStopDone(i))
    }

    mutating func rebootStopped(_ i: InstanceID, kernel: inout Kernel<CampaignEvent>) {
        kernel.schedule(after: pendingReassign[i.int], .rebootReassignDone(i))
    }

    mutating func rebootReassigned(_ i: InstanceID, kernel: inout Kernel<CampaignEvent>) {
        commitMove(i, at: kernel.now)
        kernel.schedule(after: pendingBoot[i.int], .rebootBootDone(i))
    }

    mutating func rebootBooted(_ i: InstanceID, kernel: inout Kernel<CampaignEvent>) {
        guard let move = moves[i.int] else { return }
        resumeGuest(i, at: kernel.now)
        emit(.attemptEnded(instance: i, attempt: move.attempt, action: move.action, outcome: .completed,
                           reason: "rebooted on target", downtime: moves[i.int]!.downtime, bytes: 0, time: kernel.now))
        endMove(i, completed: true, kernel: &kernel)
    }

    // MARK: shared by every kind of move

    mutating func stopGuest(_ i: InstanceID, at now: SimTime) {
        guard moves[i.int]?.stoppedAt == nil else { return }
        moves[i.int]?.stoppedAt = now
        emit(.instanceStopped(instance: i, time: now))
    }

    mutating func resumeGuest(_ i: InstanceID, at now: SimTime) {
        guard let since = moves[i.int]?.stoppedAt else { return }
        moves[i.int]?.downtime += now - since
        moves[i.int]?.stoppedAt = nil
        emit(.instanceResumed(instance: i, time: now))
    }

    /// The instance now lives on its target; release the source.
    mutating func commitMove(_ i: InstanceID, at now: SimTime) {
        guard let move = moves[i.int] else { return }
        do { try occupancy.commitMove(i, demand: fleet[i].demand, from: move.source) } catch {
            preconditionFailure("campaign bookkeeping: \(error)")
        }
        if let k = residents[move.source.int].firstIndex(of: i) { residents[move.source.int].remove(at: k) }
        residents[move.target.int].append(i)
        emit(.moved(instance: i, from: move.source, to: move.target, time: now))
    }
}
