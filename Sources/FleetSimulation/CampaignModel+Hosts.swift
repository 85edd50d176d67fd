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

    mutating func startDrain(_ h: HostID, kernel: inout Kernel<CampaignEvent>) {
        let now = kernel.now
        hostsInMaintenance += 1
        phase[h.int] = .draining
        upcoming[h.int] = false
        occupancy.setAccepting(h, false)
        drainingHosts.append(h)
        emit(.hostDrainStarted(host: h, time: now))
        for i in residents[h.int].sorted() where moves[i.int] == nil {
            queued[i.int] = true
            finalState[i.int] = nil
            if config.campaign.returnInstances && home[i.int] == nil { home[i.int] = h }
            queue[h.int].append(i)
            emit(.moveQueued(instance: i, time: now))
        }
        dispatch(h, kernel: &kernel)
    }

    /// A drained host: empty queue, nothing leaving, nothing waiting.
    mutating func checkDrained(_ h: HostID, kernel: inout Kernel<CampaignEvent>) {
        guard phase[h.int] == .draining, queue[h.int].isEmpty, outbound[h.int] == 0 else { return }
        guard !residents[h.int].contains(where: { queued[$0.int] }) else { return }
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
        occupancy.setAccepting(h, true)
        hostsInMaintenance -= 1
        hostsReturned += 1
        returnedInWave += 1
        emit(.hostReturned(host: h, time: now))
        if config.campaign.returnInstances {
            for i in awayFrom[h.int] where home[i.int] == h && occupancy.hostOf[i.int] != h
                && moves[i.int] == nil && !queued[i.int] {
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
