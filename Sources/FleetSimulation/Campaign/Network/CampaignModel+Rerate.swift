import FleetModel
import SimKernel

/// The network's events: the instant's re-rate handed to the flows' owners, link samples,
/// and the links' totals at the end of a run.
extension CampaignModel {
    /// `.rerate`: tell every move whose flow changed rate since the instant's first network
    /// operation (a live migration's controller gives its new next decision time and its
    /// event moves there; a cold move's copy moves its end).
    mutating func rerate(kernel: inout Kernel<CampaignEvent>) {
        let changes = flows.rerate()
        guard !changes.isEmpty else { return }
        for change in changes {
            guard let j = flows.owner(of: change.flow) else { continue }
            if let slot = live.slot(of: j) {
                liveFlowRateChanged(j, slot: slot, change: change, kernel: &kernel)
            } else {
                // Not a live migration: the flow is a cold move's copy.
                transferRateChanged(j, rate: change.newBytesPerSecond, kernel: &kernel)
            }
        }
    }

    mutating func sampleLinks(at now: SimTime) {
        flows.advance(to: now)
        var samples: [(LinkID, Double)] = []
        for link in topology.rackUp + topology.rackDown { samples.append((link, flows.bytesCarried(on: link))) }
        if let spine = topology.spine { samples.append((spine, flows.bytesCarried(on: spine))) }
        samples.append((topology.client, flows.bytesCarried(on: topology.client)))
        emit(.linkSample(time: now, bytesCarried: samples))
    }

    mutating func emitNetworkTotals(at now: SimTime) {
        var totals: [LinkTotal] = []
        totals.reserveCapacity(topology.links.count)
        for (k, info) in topology.links.enumerated() {
            let link = LinkID(Int32(k))
            totals.append(LinkTotal(link: link, name: info.name, kind: info.kind,
                                    capacityBytesPerSecond: info.capacityBytesPerSecond,
                                    bytesCarried: flows.bytesCarried(on: link),
                                    peakFlows: flows.peakFlowCount(on: link)))
        }
        emit(.networkTotals(links: totals, time: now))
    }
}

extension CampaignModel {
    /// The first link sample, one interval after the campaign starts.
    mutating func startLinkSamples(kernel: inout Kernel<CampaignEvent>) {
        kernel.schedule(after: config.linkSampleInterval, .linkSample)
    }

    /// `.linkSample`: every rack link's, the spine's and the client link's bytes so far; the
    /// next sample while the campaign lasts.
    mutating func linkSample(at now: SimTime, kernel: inout Kernel<CampaignEvent>) {
        sampleLinks(at: now)
        if hosts.campaignEnd == nil { kernel.schedule(after: config.linkSampleInterval, .linkSample) }
    }
}
