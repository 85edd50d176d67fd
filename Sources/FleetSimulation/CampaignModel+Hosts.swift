import FleetModel
import SimKernel
import Stochastics

/// Hosts: waves, drains, maintenance, return to service.
extension CampaignModel {
    /// The campaign's hosts grouped into waves, and how many may be in maintenance at once.
    static func waves(of hosts: [HostID], fleet: Fleet, campaign: CampaignConfig) -> ([[HostID]], Int) {
        func grouped(by key: (Host) -> String) -> [[HostID]] {
            var order: [String] = []
            var groups: [String: [HostID]] = [:]
            for h in hosts {
                let k = key(fleet[h])
                if groups[k] == nil { order.append(k) }
                groups[k, default: []].append(h)
            }
            return order.map { groups[$0]! }
        }
        switch campaign.order {
        case .list: return ([hosts], campaign.maxHostsInMaintenance)
        case .byFaultDomain:
            return (grouped { $0.location.availabilityDomain + "/" + $0.location.faultDomain }, campaign.maxHostsInMaintenance)
        case .byRack:
            return (grouped { $0.location.faultDomain + "/" + $0.location.rack }, campaign.maxHostsInMaintenance)
        case .rolling(let fraction):
            return ([hosts], max(1, Int((fraction * Double(hosts.count)).rounded(.up))))
        }
    }

    mutating func finishCampaign(at now: SimTime) {
        campaignEnd = now
        emit(.campaignEnded(time: now))
    }

    mutating func startDrains(kernel: inout Kernel<CampaignEvent>) {
        while waveIndex < waves.count {
            let wave = waves[waveIndex]
            while hostsInMaintenance < maxHostsAtOnce && nextInWave < wave.count {
                if nextInWave == 0 { emit(.waveStarted(wave: waveIndex + 1, time: kernel.now)) }
                let h = wave[nextInWave]
                nextInWave += 1
                startDrain(h, kernel: &kernel)
            }
            // The next wave starts only when every host of this one is back in service.
            guard returnedInWave == wave.count else { return }
            waveIndex += 1
            nextInWave = 0
            returnedInWave = 0
        }
    }

    mutating func setAccepting(_ h: HostID, _ value: Bool) {
        occupancy.setAccepting(h, value)
        placement.hostChanged(h, occupancy: occupancy)
    }

    mutating func startDrain(_ h: HostID, kernel: inout Kernel<CampaignEvent>) {
        let now = kernel.now
        hostsInMaintenance += 1
        phase[h.int] = .draining
        placement.setDeprioritized(h, false)
        setAccepting(h, false)
        drainingHosts.append(h)
        emit(.hostDrainStarted(host: h, time: now))
        for i in residents[h.int].sorted() where moves[i.int] == nil && status[i.int] == .idle {
            if rules.returnsInstances && home[i.int] == nil { home[i.int] = h }
            startPlan(i, on: h, kernel: &kernel)
        }
        dispatch(h, kernel: &kernel)
    }

    /// At campaign start, every instance of a campaign host whose plan starts with a reboot or
    /// manual migration gets its notice; the move happens when it is due, even before its
    /// host's turn. The other instances are planned when their host enters maintenance.
    mutating func sendEarlyNotices(kernel: inout Kernel<CampaignEvent>) {
        for wave in waves {
            for h in wave {
                for i in residents[h.int].sorted() where !status[i.int].isDownAwaitingRepair {
                    let first = policy.plan(for: fleet[i], hostShape: fleet[h].shapeFamily).actions.first
                    switch first {
                    case .reboot?, .manual?:
                        if rules.returnsInstances && home[i.int] == nil { home[i.int] = h }
                        startPlan(i, on: h, kernel: &kernel)
                    default: break
                    }
                }
            }
        }
    }

    /// A drained host: nothing queued, leaving, waiting or awaiting a notice.
    mutating func checkDrained(_ h: HostID, kernel: inout Kernel<CampaignEvent>) {
        guard phase[h.int] == .draining, queue[h.int].isEmpty, slots.outbound[h.int] == 0 else { return }
        guard !residents[h.int].contains(where: { status[$0.int].isPending || status[$0.int].isDownAwaitingRepair }) else { return }
        phase[h.int] = .down
        drainingHosts.removeAll { $0 == h }
        emit(.hostDrained(host: h, time: kernel.now))
        let stream = RandomStream(scenarioSeed: replicationSeed, entity: fleet[h].name, purpose: "maintenance",
                                  kind: config.generator)
        let down = SimTime(seconds: max(0, config.campaign.maintenanceDuration.sample(stream)))
        kernel.schedule(after: down, .hostReturn(h))
    }

    mutating func hostReturned(_ h: HostID, kernel: inout Kernel<CampaignEvent>) {
        let now = kernel.now
        phase[h.int] = .returned
        setAccepting(h, !hostDown[h.int])
        hostsInMaintenance -= 1
        hostsReturned += 1
        returnedInWave += 1
        emit(.hostReturned(host: h, time: now))
        // Instances stopped in place start again when their host is back (`lxc cluster
        // restore`, or the campaign returning instances).
        if rules.returnsInstances {
            for i in residents[h.int] where status[i.int].isStoppedInPlace { restartInPlace(i, at: now) }
            for i in awayFrom[h.int] where home[i.int] == h && occupancy.hostOf[i.int] != h
                && moves[i.int] == nil && !status[i.int].isPending && !status[i.int].isDownAwaitingRepair {
                returnQueue.append(i)
                emit(.moveQueued(instance: i, time: now))
            }
            awayFrom[h.int] = []
        }
        capacityChanged(kernel: &kernel)
        startDrains(kernel: &kernel)
        if hostsReturned == campaignHostCount { finishCampaign(at: now) }
    }
}
