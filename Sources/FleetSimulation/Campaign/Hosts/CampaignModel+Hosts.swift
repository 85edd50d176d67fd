import DequeModule
import FleetModel
import SimKernel
import Stochastics

/// Hosts: waves, drains, maintenance, return to service.
extension CampaignModel {
    /// `.start`: the failure plan's events, the first link sample, early notices, the first
    /// drains.
    mutating func startCampaign(kernel: inout Kernel<CampaignEvent>) {
        let now = kernel.now
        emit(.campaignStarted(time: now))
        scheduleFailures(kernel: &kernel)
        if hosts.campaignHostCount == 0 { finishCampaign(at: now); return }
        startLinkSamples(kernel: &kernel)
        if rules.sendsEarlyNotices { sendEarlyNotices(kernel: &kernel) }
        startDrains(kernel: &kernel)
    }

    mutating func finishCampaign(at now: SimTime) {
        hosts.campaignEnd = now
        emit(.campaignEnded(time: now))
    }

    mutating func startDrains(kernel: inout Kernel<CampaignEvent>) {
        while hosts.waveIndex < hosts.waves.count {
            let wave = hosts.waves[hosts.waveIndex]
            while hosts.hostsInMaintenance < hosts.maxHostsAtOnce && hosts.nextInWave < wave.count {
                if hosts.nextInWave == 0 { emit(.waveStarted(wave: hosts.waveIndex + 1, time: kernel.now)) }
                let h = wave[hosts.nextInWave]
                hosts.nextInWave += 1
                startDrain(h, kernel: &kernel)
            }
            // The next wave starts only when every host of this one is back in service.
            guard hosts.returnedInWave == wave.count else { return }
            hosts.waveIndex += 1
            hosts.nextInWave = 0
            hosts.returnedInWave = 0
        }
    }

    mutating func setAccepting(_ h: HostID, _ value: Bool) {
        occupancy.setAccepting(h, value)
        placement.hostChanged(h, occupancy: occupancy)
    }

    mutating func startDrain(_ h: HostID, kernel: inout Kernel<CampaignEvent>) {
        let now = kernel.now
        hosts.hostsInMaintenance += 1
        hosts.state[h.int] = .draining
        placement.setDeprioritized(h, false)
        setAccepting(h, false)
        queues.drainStarted(h)
        emit(.hostDrainStarted(host: h, time: now))
        for i in residents[h.int].sorted() where moves[i.int] == nil && status[i.int] == .idle {
            if rules.returnsInstances && returns.home[i.int] == nil { returns.home[i.int] = h }
            startPlan(i, on: h, kernel: &kernel)
        }
        dispatch(h, kernel: &kernel)
    }

    /// At campaign start, every instance of a campaign host whose plan starts with a reboot or
    /// manual migration gets its notice; the move happens when it is due, even before its
    /// host's turn. The other instances are planned when their host enters maintenance.
    mutating func sendEarlyNotices(kernel: inout Kernel<CampaignEvent>) {
        for wave in hosts.waves {
            for h in wave {
                for i in residents[h.int].sorted() where !status[i.int].isDownAwaitingRepair {
                    let first = rules.plans.plan(for: fleet[i], hostShape: fleet[h].shapeFamily).actions.first
                    switch first {
                    case .reboot?, .manual?:
                        if rules.returnsInstances && returns.home[i.int] == nil { returns.home[i.int] = h }
                        startPlan(i, on: h, kernel: &kernel)
                    default: break
                    }
                }
            }
        }
    }

    /// A drained host: nothing queued, leaving, waiting or awaiting a notice.
    mutating func checkDrained(_ h: HostID, kernel: inout Kernel<CampaignEvent>) {
        guard hosts.state[h.int] == .draining, queues.byHost[h.int].isEmpty, queues.slots.outbound[h.int] == 0 else { return }
        guard !residents[h.int].contains(where: { status[$0.int].isPending || status[$0.int].isDownAwaitingRepair }) else { return }
        hosts.state[h.int] = .down
        emit(.hostDrained(host: h, time: kernel.now))
        let stream = RandomStream(scenarioSeed: replicationSeed, entity: fleet[h].name, purpose: "maintenance",
                                  kind: config.generator)
        let down = SimTime(seconds: max(0, config.campaign.maintenanceDuration.sample(stream)))
        kernel.schedule(after: down, .hostReturn(h))
    }

    mutating func hostReturned(_ h: HostID, kernel: inout Kernel<CampaignEvent>) {
        let now = kernel.now
        hosts.state[h.int] = .returned
        setAccepting(h, !failures.hostDown[h.int])
        hosts.hostsInMaintenance -= 1
        hosts.hostsReturned += 1
        hosts.returnedInWave += 1
        emit(.hostReturned(host: h, time: now))
        // Instances stopped in place start again when their host is back (`lxc cluster
        // restore`, or the campaign returning instances).
        if rules.returnsInstances {
            for i in residents[h.int] where status[i.int].isStoppedInPlace { restartInPlace(i, at: now) }
            for i in returns.awayFrom[h.int] where returns.home[i.int] == h && occupancy.hostOf[i.int] != h
                && moves[i.int] == nil && !status[i.int].isPending && !status[i.int].isDownAwaitingRepair {
                returns.queue.append(i)
                emit(.moveQueued(instance: i, time: now))
            }
            returns.awayFrom[h.int] = []
        }
        capacityChanged(kernel: &kernel)
        startDrains(kernel: &kernel)
        if hosts.hostsReturned == hosts.campaignHostCount { finishCampaign(at: now) }
    }

    /// Slots or capacity freed: the returns waiting for one get another try, oldest first.
    mutating func retryReturns(kernel: inout Kernel<CampaignEvent>) {
        var remaining: Deque<InstanceID> = []
        while let i = returns.queue.popFirst() {
            // A guest down after a host failure (local storage, awaiting its host's repair)
            // cannot be live-migrated home; it stays where it comes back up.
            guard let source = occupancy.hostOf[i.int], moves[i.int] == nil, !status[i.int].isPending,
                  !status[i.int].isDownAwaitingRepair else { continue }
            if sourceSlotFree(source), case .started = tryStart(i, from: source, isReturn: true, kernel: &kernel) {
                continue
            }
            remaining.append(i)
        }
        returns.queue = remaining
    }
}
