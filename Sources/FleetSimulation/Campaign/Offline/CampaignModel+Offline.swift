import FleetModel
import MaintenancePolicy
import SimKernel
import Stochastics

/// Offline moves, in three stages — stop, middle, start — with the instance down throughout:
/// reboot migration (stop, reassign, boot), manual migration (terminate, relaunch and
/// reattach, restart applications) and the cold move (stop, copy the root disk, start).
/// The instance changes host at the end of the middle stage.
extension CampaignModel {
    mutating func startReboot(_ i: InstanceID, kernel: inout Kernel<CampaignEvent>) {
        guard let move = moves[i.int] else { return }
        if !move.isReturn, rules.rebootTimingsFromPolicy, let r = plans.rebootResolution[i.int] {
            // OCI timings: DenseIO rebuilt on the due date keeps its data and is down for hours.
            moves[i.int]?.stageDurations = StageDurations(stop: SimTime(seconds: r.stopSeconds),
                                                          middle: SimTime(seconds: r.reassignSeconds + r.rebuildSeconds),
                                                          start: SimTime(seconds: r.bootSeconds))
            moves[i.int]?.fails = r.failed
            moves[i.int]?.staysStopped = r.staysStopped
            if r.nvmeDataLost { emit(.dataLost(instance: i, time: kernel.now)) }
        } else {
            // One stream per (instance, attempt): a retry draws afresh, and other instances'
            // moves never shift this one's draws.
            let stream = RandomStream(scenarioSeed: replicationSeed, entity: fleet[i].name,
                                      purpose: "reboot-migration#\(attempts[i.int])", kind: config.generator)
            let reboot = config.rebootMigration
            // Drawn in this order: stop, reassign, boot.
            let drawn = [reboot.stopSeconds, reboot.reassignSeconds, reboot.bootSeconds]
                .map { SimTime(seconds: max(0, $0.sample(stream))) }
            moves[i.int]?.stageDurations = StageDurations(stop: drawn[0], middle: drawn[1], start: drawn[2])
        }
        beginStages(i, kernel: &kernel)
    }

    mutating func startManual(_ i: InstanceID, kernel: inout Kernel<CampaignEvent>) {
        guard let m = plans.manualResolution[i.int] else { return }
        moves[i.int]?.stageDurations = StageDurations(stop: SimTime(seconds: m.terminateSeconds),
                                                      middle: SimTime(seconds: m.relaunchSeconds + m.reattachSeconds),
                                                      start: SimTime(seconds: m.restartApplicationsSeconds))
        if m.nvmeDataLost { emit(.dataLost(instance: i, time: kernel.now)) }
        beginStages(i, kernel: &kernel)
    }

    /// Cold move: a graceful stop cut at the stop timeout (LXD forces the stop after it), the
    /// root-disk copy as a network flow, then a boot on the target.
    mutating func startCold(_ i: InstanceID, copyRootFS: Bool, kernel: inout Kernel<CampaignEvent>) {
        let stream = RandomStream(scenarioSeed: replicationSeed, entity: fleet[i].name,
                                  purpose: "cold-move#\(attempts[i.int])", kind: config.generator)
        let reboot = config.rebootMigration
        let stop = min(max(0, reboot.stopSeconds.sample(stream)), policy.lxd.gracefulStopTimeoutSeconds)
        let boot = max(0, reboot.bootSeconds.sample(stream))
        moves[i.int]?.stageDurations = StageDurations(stop: SimTime(seconds: stop), middle: .zero, start: SimTime(seconds: boot))
        moves[i.int]?.stage = .stop
        stopGuest(i, cause: .cold, at: kernel.now)
        kernel.schedule(after: moves[i.int]!.stageDurations.stop, .stageDone(i, epoch: epoch[i.int]))
        if copyRootFS && fleet[i].attributes.rootDiskBytes > 0 { moves[i.int]?.needsCopy = true }
    }

    mutating func beginStages(_ i: InstanceID, kernel: inout Kernel<CampaignEvent>) {
        moves[i.int]?.stage = .stop
        let cause: DowntimeCause
        switch moves[i.int]?.action {
        case .manual?: cause = .manual
        case .restart?: cause = .crash
        default: cause = .reboot
        }
        stopGuest(i, cause: cause, at: kernel.now)
        kernel.schedule(after: moves[i.int]!.stageDurations.stop, .stageDone(i, epoch: epoch[i.int]))
    }

    mutating func stageDone(_ i: InstanceID, kernel: inout Kernel<CampaignEvent>) {
        let now = kernel.now
        chargeDowntime(i, upTo: now)   // before the stage changes: the time belongs to the one ending
        guard var move = moves[i.int] else { return }
        switch move.stage {
        case .stop:
            move.stage = .middle
            let copies = move.action == .cold && move.needsCopy
            move.needsCopy = false
            moves[i.int] = move
            if copies {
                startTransfer(i, kernel: &kernel)
            } else {
                kernel.schedule(after: move.stageDurations.middle, .stageDone(i, epoch: epoch[i.int]))
            }
        case .middle:
            move.stage = .start
            moves[i.int] = move
            if move.fails {
                // A failed reboot migration: the instance comes back up where it was.
                cancelReservation(i, at: now)
            } else {
                commitMove(i, at: now)
            }
            kernel.schedule(after: move.stageDurations.start, .stageDone(i, epoch: epoch[i.int]))
        case .start:
            resumeGuest(i, at: now)
            let downtime = moves[i.int]!.downtime
            let parts = moves[i.int]!.downtimeParts
            if move.fails {
                emit(.attemptEnded(instance: i, attempt: move.attempt, action: move.action, outcome: .aborted,
                                   reason: .rebootMigrationFailed, downtime: downtime, downtimeParts: parts, bytes: 0, time: now))
                nextStep(i, on: move.source, kernel: &kernel)
                endMove(i, completed: false, kernel: &kernel)
                return
            }
            let reason: AttemptEndReason
            switch move.action {
            case .manual:
                reason = .relaunchedFromBootVolume
                if let m = plans.manualResolution[i.int], !m.changedIdentifiers.isEmpty {
                    emit(.identifiersChanged(instance: i, identifiers: m.changedIdentifiers, time: now))
                }
            case .cold: reason = .coldMoved
            case .restart: reason = .restartedAfterHostFailure
            default: reason = .rebooted(staysStopped: move.staysStopped)
            }
            let bytes = moves[i.int]!.copiedBytes
            emit(.attemptEnded(instance: i, attempt: move.attempt, action: move.action, outcome: .completed,
                               reason: reason, downtime: downtime, downtimeParts: parts, bytes: bytes, time: now))
            endMove(i, completed: true, kernel: &kernel)
        }
    }

    // MARK: shared by every kind of move

    mutating func stopGuest(_ i: InstanceID, cause: DowntimeCause, at now: SimTime) {
        guard moves[i.int]?.stoppedAt == nil else { return }
        moves[i.int]?.stoppedAt = now
        emit(.instanceStopped(instance: i, cause: cause, time: now))
    }

    mutating func resumeGuest(_ i: InstanceID, at now: SimTime) {
        guard let since = moves[i.int]?.stoppedAt else { return }
        chargeDowntime(i, upTo: now)
        moves[i.int]?.downtime += now - since
        moves[i.int]?.stoppedAt = nil
        moves[i.int]?.downtimeChargedUntil = nil
        emit(.instanceResumed(instance: i, time: now))
    }

    /// Charge the downtime since the last charge to the part the move is in: offline moves'
    /// stop, middle and start stages are stop, copy and boot; a live migration's is blackout.
    mutating func chargeDowntime(_ i: InstanceID, upTo now: SimTime) {
        guard let move = moves[i.int], let since = move.stoppedAt else { return }
        let part: DowntimeBreakdown.Part
        switch (move.action, move.stage) {
        case (.live, _): part = .blackout
        case (.stop, _), (_, .stop): part = .stop
        case (_, .middle): part = .copy
        case (_, .start): part = .boot
        }
        moves[i.int]?.downtimeParts.add(now - (move.downtimeChargedUntil ?? since), to: part)
        moves[i.int]?.downtimeChargedUntil = now
    }

    /// The instance now lives on its target; release the source.
    mutating func commitMove(_ i: InstanceID, at now: SimTime) {
        guard let move = moves[i.int] else { return }
        do { try occupancy.commitMove(i, demand: fleet[i].demand, from: move.source) } catch {
            preconditionFailure("campaign bookkeeping: \(error)")
        }
        placement.didCommitMove(i, from: move.source, to: move.target, occupancy: occupancy)
        if let k = residents[move.source.int].firstIndex(of: i) { residents[move.source.int].remove(at: k) }
        residents[move.target.int].append(i)
        emit(.moved(instance: i, from: move.source, to: move.target, time: now))
    }
}
