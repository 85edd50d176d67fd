import FleetModel
import SimKernel

/// The network side of live migrations: flow ownership, rate changes, link samples.
extension CampaignModel {
    mutating func syncNetwork(to now: SimTime) {
        allocator.advance(toSeconds: now.seconds)
    }

    mutating func setOwner(of flow: FlowID, to instance: InstanceID?) {
        while flowOwner.count <= flow.index { flowOwner.append(nil) }
        flowOwner[flow.index] = instance
    }

    /// After a network operation: the allocator defers re-rating, so ask for one `.rerate`
    /// at this instant (after the events already queued for it), which re-rates every flow
    /// the instant's operations touched at once. Must run after every allocator operation.
    mutating func applyRateChanges(kernel: inout Kernel<CampaignEvent>) {
        guard allocator.hasPendingRerating, !rerateScheduled else { return }
        rerateScheduled = true
        kernel.schedule(after: .zero, .rerate)
    }

    /// Tell every migration whose flow changed rate since the instant's first network
    /// operation; each controller gives its new next decision time and the event moves there.
    mutating func rerate(kernel: inout Kernel<CampaignEvent>) {
        rerateScheduled = false
        allocator.flushRerating()
        let changes = allocator.lastChanges
        guard !changes.isEmpty else { return }
        let now = kernel.now
        for change in changes {
            guard change.flow.index < flowOwner.count, let j = flowOwner[change.flow.index] else { continue }
            if liveSlotOf[j.int] < 0 {
                // Not a live migration: the flow is a cold move's copy.
                transferRateChanged(j, rate: change.newBytesPerSecond, kernel: &kernel)
                continue
            }
            let slot = Int(liveSlotOf[j.int])
            guard slot >= 0, let lm = liveSlots[slot] else { continue }
            let start = lm.start
            lm.rateChanged(atNanoseconds: (now - start).nanoseconds, linkBytesPerSecond: change.newBytesPerSecond)
            if change.newBytesPerSecond <= 0 || lm.stalledSince != nil || change.oldBytesPerSecond <= 0 {
                liveRateChanged(j, slot: slot, rate: change.newBytesPerSecond, kernel: &kernel)
            }
            // Catching up to `now` may have crossed a decision point: handle it in an event
            // at `now` rather than here, in the middle of another flow's change.
            let crossed = lm.phase != lm.lastPhase
            scheduleLiveStep(j, slot: slot, kernel: &kernel, immediately: crossed)
        }
    }

    mutating func sampleLinks(at now: SimTime) {
        syncNetwork(to: now)
        var samples: [(LinkID, Double)] = []
        for link in topology.rackUp + topology.rackDown { samples.append((link, allocator.bytesCarried(on: link))) }
        if let spine = topology.spine { samples.append((spine, allocator.bytesCarried(on: spine))) }
        samples.append((topology.client, allocator.bytesCarried(on: topology.client)))
        emit(.linkSample(time: now, bytesCarried: samples))
    }

    func emitNetworkTotals(at now: SimTime) {
        var totals: [LinkTotal] = []
        totals.reserveCapacity(topology.links.count)
        for (k, info) in topology.links.enumerated() {
            let link = LinkID(Int32(k))
            totals.append(LinkTotal(link: link, name: info.name, kind: info.kind,
                                    capacityBytesPerSecond: info.capacityBytesPerSecond,
                                    bytesCarried: allocator.bytesCarried(on: link),
                                    peakFlows: allocator.peakFlowCount(on: link)))
        }
        emit(.networkTotals(links: totals, time: now))
    }
}
