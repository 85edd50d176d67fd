import FleetModel
import SimKernel

/// The campaign's flows on the network, and the only owner of the bandwidth allocator.
///
/// Every flow operation (start, end, new cap, new link capacity) goes through here, and each
/// one asks for the instant's `.rerate` itself: the allocator defers re-rating, and one
/// `.rerate` event per instant, queued after the events already due then, re-rates every flow
/// the instant's operations touched at once (`BandwidthAllocator.flushRerating`). Before
/// this registry the rule "ask for a re-rate after every allocator operation" lived in a
/// comment, and each caller had to remember it.
///
/// A flow belongs to one instance: its live migration or its cold move's root-disk copy.
struct FlowRegistry {
    private var allocator: BandwidthAllocator
    /// The instance each flow carries (by flow index; nil once the flow ended).
    private var ownerOfFlow: [InstanceID?] = []
    /// A `.rerate` is queued for this instant.
    private var rerateQueued = false
    /// Re-ratings, flows filled, rate changes (`NetworkWork`; flows filled from the allocator).
    private var counted = NetworkWork()
    var work: NetworkWork {
        var w = counted
        w.flowsFilled = allocator.totalRecomputedFlowCount
        return w
    }
    let topology: NetworkTopology

    init(fleet: Fleet, layout: NetworkLayout) {
        var allocator = BandwidthAllocator()
        topology = NetworkTopology(fleet: fleet, layout: layout, allocator: &allocator)
        // One re-rating per instant, however many flows start or end in it (`.rerate`).
        allocator.defersRerating = true
        self.allocator = allocator
    }

    /// Bring every flow's byte count up to `now` (O(1): bytes are integrated lazily). The
    /// router calls it before each event, so no operation settles bytes at a stale time.
    mutating func advance(to now: SimTime) {
        allocator.advance(toSeconds: now.seconds)
    }

    mutating func startFlow(path: [LinkID], maxBytesPerSecond: Double = .infinity, for owner: InstanceID,
                            kernel: inout Kernel<CampaignEvent>) -> FlowID {
        let flow = allocator.startFlow(path: path, maxBytesPerSecond: maxBytesPerSecond)
        while ownerOfFlow.count <= flow.index { ownerOfFlow.append(nil) }
        ownerOfFlow[flow.index] = owner
        queueRerate(kernel: &kernel)
        return flow
    }

    /// End a flow; returns the bytes it carried.
    mutating func endFlow(_ flow: FlowID, kernel: inout Kernel<CampaignEvent>) -> Double {
        let bytes = allocator.endFlow(flow)
        ownerOfFlow[flow.index] = nil
        queueRerate(kernel: &kernel)
        return bytes
    }

    mutating func setMaxRate(_ maxBytesPerSecond: Double, of flow: FlowID, kernel: inout Kernel<CampaignEvent>) {
        allocator.setMaxRate(maxBytesPerSecond, of: flow)
        queueRerate(kernel: &kernel)
    }

    mutating func setCapacity(_ capacityBytesPerSecond: Double, of link: LinkID, kernel: inout Kernel<CampaignEvent>) {
        allocator.setCapacity(capacityBytesPerSecond, of: link)
        queueRerate(kernel: &kernel)
    }

    /// Queue the instant's `.rerate` (after the events already queued for it) when an
    /// operation left flows to re-rate and none is queued yet.
    private mutating func queueRerate(kernel: inout Kernel<CampaignEvent>) {
        guard allocator.hasPendingRerating, !rerateQueued else { return }
        rerateQueued = true
        kernel.schedule(after: .zero, .rerate)
    }

    /// The `.rerate` event: re-rate the flows this instant's operations touched; returns the
    /// flows whose rate changed (the allocator's own array: no copy).
    mutating func rerate() -> [RateChange] {
        rerateQueued = false
        allocator.flushRerating()
        counted.reratings += 1
        counted.rateChanges += allocator.lastChanges.count
        counted.flowsInFlight += allocator.activeFlowCount
        return allocator.lastChanges
    }

    /// At the end of a run: settle the pending re-rate and every byte count at `now`.
    mutating func settle(at now: SimTime) {
        allocator.flushRerating()
        allocator.advance(toSeconds: now.seconds)
    }

    func owner(of flow: FlowID) -> InstanceID? {
        flow.index < ownerOfFlow.count ? ownerOfFlow[flow.index] : nil
    }

    func rate(of flow: FlowID) -> Double { allocator.rate(of: flow) }
    func bytesSent(by flow: FlowID) -> Double { allocator.bytesSent(by: flow) }
    func bytesCarried(on link: LinkID) -> Double { allocator.bytesCarried(on: link) }
    func peakFlowCount(on link: LinkID) -> Int { allocator.peakFlowCount(on: link) }
}
