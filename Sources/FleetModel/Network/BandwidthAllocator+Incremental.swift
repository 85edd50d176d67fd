/// Incremental re-rating: only the flows whose bottleneck can change are filled again.
///
/// The rule. Call a finite link tight when its load is within `tightMargin` of its capacity.
/// A link below that stays out of the component unless the flow that reaches it could make it
/// tight (`mayBind`: its load plus the flow's rise to its bound reaches the margin); a tight
/// link is always explored (a flow leaving it, or falling, lets the others rise). So a flow
/// ending on links with room to spare, or a flow starting through an uplink far from full,
/// re-rates the flows sharing its NICs, not everything behind the uplink.
///
/// Why it is exact. If a link ends below capacity by the margin under the rates the filling
/// gives, the filling of the whole component never saturates it (its level stays above the
/// final rates of its unfrozen flows, far beyond rounding), so leaving it out changes no
/// event and no sum: the same argument as for never-binding links
/// (BandwidthAllocator+NeverBinding.swift), checked here after the fact. After each filling,
/// every link left out and crossed by a flow whose fresh rate moved is re-summed with the
/// fresh rates; one that reaches the margin joins the component, which is explored further
/// and filled again (`admitLinksBroughtToCapacity`). The flows never reached keep their rates:
/// their tight links are not crossed by any re-rated flow (a tight link is always explored),
/// and their other links were below the margin before and still are (checked, or untouched,
/// or lighter by an ended flow), so their part of the network fills as it did last time.
/// `NeverBindingTests` compares the rates bit for bit with the whole-component filling.
extension BandwidthAllocator {
    /// Relative distance to capacity under which a link counts as tight: far above the
    /// rounding of a filling, and only a heuristic for how much is explored (the check after
    /// the filling decides).
    @usableFromInline static let tightMargin = 1e-9

    @inlinable func isTight(_ l: Int) -> Bool {
        linkLoad[l] >= linkCapacity[l] * (1 - Self.tightMargin)
    }

    /// Whether re-rating flow `f` (crossing `l` `m` times) could leave `l` tight: it is tight
    /// now, or would be if `f` rose to its bound. The load read here is the last filling's
    /// (within a batch it still counts ended flows, which only explores more).
    @inlinable func mayBind(_ l: Int, rising f: Int, crossings m: Int32) -> Bool {
        let bound = flowBound[f]
        guard bound.isFinite else { return true }
        let capacity = linkCapacity[l] * (1 - Self.tightMargin)
        return linkLoad[l] >= capacity || linkLoad[l] + Double(m) * (bound - flowRate[f]) >= capacity
    }

    /// After a filling: seed every link left out that a flow with a new rate crosses and that
    /// the fresh rates bring within the margin of its capacity. Returns whether any was.
    @inlinable mutating func admitLinksBroughtToCapacity() -> Bool {
        var admitted = false
        for flow in componentFlows {
            let f = Int(flow)
            guard flowNewRate[f].bitPattern != flowRate[f].bitPattern else { continue }
            for k in 0..<crossings.count(of: f) {
                let l = Int(crossings[f, k].link)
                guard linkMark[l] != epoch, linkCheckMark[l] != fillRound, linkCapacity[l].isFinite,
                      !linkNeverBinds[l] else { continue }
                linkCheckMark[l] = fillRound
                if freshLoad(l) >= linkCapacity[l] * (1 - Self.tightMargin) {
                    seedLink(l)
                    admitted = true
                }
            }
        }
        return admitted
    }

    /// A link's load under the rates of the filling in progress (fresh for the component's
    /// flows, current for the others).
    @inlinable func freshLoad(_ l: Int) -> Double {
        var sum = 0.0
        for e in linkEntries[l] {
            let g = Int(e.flow)
            sum += Double(e.multiplicity) * (flowMark[g] == epoch ? flowNewRate[g] : flowRate[g])
        }
        return sum
    }
}
