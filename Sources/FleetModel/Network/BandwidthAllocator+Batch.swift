/// Deferred re-rating: with `defersRerating`, flow and link operations at one simulated instant
/// (10,000 migrations starting at t = 0, or lifting their caps at the same switchover) only
/// mark the flows and links they touch; `flushRerating()` then re-rates the union once, with the
/// same progressive filling as a single operation. Rates are a function of the flows present,
/// not of the order they came in, so one re-rating of the union gives what the last of many
/// would have, at the cost of one. Time must not move with a batch open (bytes would be
/// integrated at stale rates); the simulator flushes in an event at the same instant.
extension BandwidthAllocator {
    /// Whether operations are waiting for `flushRerating()`.
    @inlinable public var hasPendingRerating: Bool { batchOpen }

    @inlinable mutating func openComponent() {
        if defersRerating {
            guard !batchOpen else { return }
            batchOpen = true
            beginComponent()
            changes.removeAll(keepingCapacity: true)
        } else {
            beginComponent()
        }
    }

    @inlinable mutating func closeComponent() {
        if !defersRerating { recomputeComponent() }
    }

    /// Re-rate everything the batch touched; `lastChanges` then lists every flow whose rate
    /// moved since the batch opened (a flow started in it counts as changed from 0; one
    /// started and ended in it is not listed).
    public mutating func flushRerating() {
        guard batchOpen else { return }
        batchOpen = false
        // Flows marked by an operation and ended by a later one are no longer there.
        componentFlows.removeAll { !flowActive[Int($0)] }
        recomputeComponent()
        freeFlowSlots.append(contentsOf: slotsFreedInBatch)
        slotsFreedInBatch.removeAll(keepingCapacity: true)
    }
}
