/// Links that can never bind, left out of the components.
///
/// Why. In a fleet every flow crosses a finite rack uplink (and the spine, if finite), so the
/// components of the filling span the whole fleet and each re-rating costs O(flows in flight).
/// But an uplink whose capacity exceeds what its flows could ever carry together (100 Tbit/s
/// over forty 10 Gbit/s NICs) never saturates: it limits nobody, and the flows it joins
/// share nothing that matters.
///
/// The test. Each flow has a bound `b` = min(cap, C / m over its finite links): no allocation
/// gives it more. A finite link whose flows' bounds sum (x crossings) to `D` with
/// `D x (1 + margin) < C` never binds. Such a link is no node of the graph of
/// `BandwidthAllocator+WaterFilling.swift`: it is not explored, gets no fill event, folds
/// into no cap, and its load is re-summed on its own when its flows or their rates change.
///
/// Why the rates are the same, bit for bit, as the filling of the whole component. In the
/// whole component's filling such a link never saturates: while it has unfrozen flows, the
/// one with the least bound `b` meets its cap or a link of level <= `b` first (every link it
/// crosses has level <= C / m), and the link's own level stays above `b` by the margin (its
/// frozen load is at most the bounds of its frozen flows, up to rounding far below the
/// margin). So its heap entries only surface stale or with no unfrozen flow, and change
/// nothing; a single-flow link's fold, C / m > b, lowers no limit. Without it, the component
/// falls into pieces whose events come in the same relative order (the heap order is total),
/// so each piece's flows freeze at the same levels with the same sums. And a piece no
/// operation touched has the same flows, links and caps as when it was last filled, so it
/// would get the same rates again: re-rating it would change nothing (not even within the
/// tolerance of `unchangedRelativeTolerance`). `NeverBindingTests` checks this against the
/// plain filling (`reratesIncrementally: false`) on random networks and operations.
///
/// When the status of a link flips (a cap lifted, a flow more or less, a capacity change), the
/// link is seeded, so every flow on it is re-rated with the link in or out.
extension BandwidthAllocator {
    /// Relative margin between a never-binding link's capacity and its flows' bounds: far
    /// above the rounding of a filling (1e-13 relative for a million flows), far below any
    /// difference that matters.
    @usableFromInline static let neverBindingMargin = 1e-6

    /// Mark a finite link for re-evaluation (and re-summing of its load) at the next filling.
    @inlinable mutating func touchLink(_ l: Int) {
        guard reratesIncrementally, linkTouchMark[l] != epoch, linkCapacity[l].isFinite else { return }
        linkTouchMark[l] = epoch
        touchedLinks.append(Int32(l))
    }

    /// A flow's cap or path is new: recompute its bound and touch its links.
    @inlinable mutating func boundChanged(ofFlow f: Int) {
        guard reratesIncrementally else { return }
        var bound = flowCap[f]
        for k in 0..<crossings.count(of: f) where linkCapacity[Int(crossings[f, k].link)].isFinite {
            bound = Swift.min(bound, linkCapacity[Int(crossings[f, k].link)] / Double(crossings[f, k].multiplicity))
        }
        flowBound[f] = bound
        for k in 0..<crossings.count(of: f) { touchLink(Int(crossings[f, k].link)) }
    }

    /// A link's capacity changed: so did the bounds of its flows, and the sums on their links.
    @usableFromInline mutating func boundsChanged(onLink l: Int) {
        guard reratesIncrementally else { return }
        touchLink(l)
        for e in linkEntries[l] { boundChanged(ofFlow: Int(e.flow)) }
    }

    @inlinable func neverBinds(_ l: Int) -> Bool {
        let capacity = linkCapacity[l]
        guard capacity.isFinite, capacity > 0 else { return false }
        var sum = 0.0
        for e in linkEntries[l] { sum += Double(e.multiplicity) * flowBound[Int(e.flow)] }
        return sum * (1 + Self.neverBindingMargin) < capacity
    }

    /// Before exploring: re-evaluate every touched link; a link whose status flipped is seeded,
    /// so its flows are re-rated with it in or out of the graph.
    @inlinable mutating func updateNeverBindingLinks() {
        for link in touchedLinks {
            let l = Int(link)
            let now = neverBinds(l)
            if now != linkNeverBinds[l] {
                linkNeverBinds[l] = now
                seedLink(l)
            }
        }
    }

    /// After publishing: bring the loads of touched links outside the component up to date, in
    /// the order of their entries (the sum the whole component's filling would have made).
    @inlinable mutating func resumTouchedLinks() {
        for link in touchedLinks where linkMark[Int(link)] != epoch {
            settleLink(Int(link))
            recomputeLoad(Int(link))
        }
        touchedLinks.removeAll(keepingCapacity: true)
    }
}
