import FleetModel
import SimKernel

/// A cold move's root-disk copy: a flow that ends when its bytes are through, rescheduled
/// whenever its share of the network changes.
extension CampaignModel {
    mutating func startTransfer(_ i: InstanceID, kernel: inout Kernel<CampaignEvent>) {
        guard let move = moves[i.int] else { return }
        let now = kernel.now
        flows.advance(to: now)
        let mode = policy.lxd.transferMode
        let path = topology.path(from: move.source, to: move.target, mode: mode)
        let flow = flows.startFlow(path: path, for: i, kernel: &kernel)
        moves[i.int]?.transfer = Transfer(flow: flow, path: path, remainingBytes: Double(fleet[i].attributes.rootDiskBytes),
                                          rate: flows.rate(of: flow), since: now, event: nil)
        scheduleTransfer(i, kernel: &kernel)
    }

    /// Bring the copy up to `now` at its old rate, take the new rate, move its end event.
    mutating func transferRateChanged(_ i: InstanceID, rate: Double, kernel: inout Kernel<CampaignEvent>) {
        guard var t = moves[i.int]?.transfer else { return }
        let now = kernel.now
        t.remainingBytes = max(0, t.remainingBytes - t.rate * (now - t.since).seconds)
        t.since = now
        t.rate = rate
        moves[i.int]?.transfer = t
        scheduleTransfer(i, kernel: &kernel)
    }

    mutating func scheduleTransfer(_ i: InstanceID, kernel: inout Kernel<CampaignEvent>) {
        guard var t = moves[i.int]?.transfer else { return }
        if let old = t.event { kernel.cancel(old) }
        if t.rate > 0 {
            // Round the end up to the next nanosecond: the copy is never reported done early.
            let seconds = t.remainingBytes / t.rate
            // Capped below Int64: a copy at a few bits per second (LXD relay through a 1 bit/s
            // client link) would take longer than SimTime holds, and the conversion trapped.
            let end = t.since + SimTime(nanoseconds: Int64(min((seconds * 1e9).rounded(.up), 9.2e18)))
            t.event = kernel.schedule(at: max(end, kernel.now), .transferDone(i))
        } else {
            t.event = nil   // a cut link: wait for the rate to come back
        }
        moves[i.int]?.transfer = t
    }

    mutating func transferDone(_ i: InstanceID, kernel: inout Kernel<CampaignEvent>) {
        guard let move = moves[i.int], let t = move.transfer else { return }
        let now = kernel.now
        flows.advance(to: now)
        let networkBytes = flows.endFlow(t.flow, kernel: &kernel)
        let copied = Double(fleet[i].attributes.rootDiskBytes)
        moves[i.int]?.transfer = nil
        moves[i.int]?.copiedBytes = copied
        emit(.flowEnded(instance: i, path: t.path, networkBytes: networkBytes, engineBytes: copied, time: now))
        // The copy was the middle stage: on to the start on the target.
        moves[i.int]?.stageDurations.middle = .zero
        stageDone(i, kernel: &kernel)
    }
}
