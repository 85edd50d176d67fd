/// Progressive filling (water-filling) over the affected component only.
///
/// Why recomputing one component is enough. Build the bipartite graph whose nodes are the
/// active flows and the finite-capacity links, with an edge where a flow crosses a link. The
/// constraints of the allocation problem are one per link (sum over its flows of crossings x
/// rate <= capacity) and one per flow (rate <= cap); each involves the flows of one connected
/// component only. So the feasible set is the product of the per-component feasible sets, and
/// the max-min fair allocation of a product is the product of the per-component max-min fair
/// allocations (progressive filling run on the whole network freezes each flow at the same
/// level it reaches when run on its component alone: a component's links saturate, and its
/// flows hit their caps, at levels that depend on that component's flows and links only).
/// An operation changes the constraints of one component: a new flow joins (and may merge)
/// the components of its links; an ended flow leaves what was its component (which may split:
/// we recompute the union of the pieces); a capacity or cap change alters one constraint. Every
/// other component keeps its constraints and therefore its allocation, so only the flows
/// reached from the changed flow or link are recomputed: "only the flows whose rates can
/// change". Links of infinite capacity constrain nothing, so they are not graph nodes and do
/// not merge components (a non-blocking spine does not make the whole fleet one component).
///
/// The filling: raise the rate of every unfrozen flow of the component together. A link
/// with frozen load F and unfrozen weight W (sum of crossings of its unfrozen flows) saturates
/// at level (C - F) / W; a flow with cap c stops at c (a link only one flow crosses is folded
/// into that flow's cap). Take the lowest of these events (heap ordered by (level, caps
/// first, id)), freeze the flow(s) it concerns at that level, update the frozen load and
/// weight of the links those flows cross (their levels only rise, so their heap entries become
/// lower bounds, refreshed lazily when they surface), repeat. A link of capacity 0 saturates
/// at level 0. Each link saturates once, each flow freezes once, and a link is re-queued only
/// after one of its flows froze, so the cost is O((F + X) log(F + X)) for F flows and X link
/// crossings in the component. Frozen load is accumulated in the order of the fill, so a
/// saturated link's load is its capacity to a few ulps (tested at 1e-9 relative).
///
/// Measured (release, `NetworkBenchmark`, 250 racks x 40 hosts, 4:1 uplinks): ~270 ns per
/// flow of the component per operation; with random cross-rack flows the uplinks join almost
/// every flow into one component, so 2,000 concurrent flows cost ~0.5 ms per start or end.
extension BandwidthAllocator {
    @inlinable mutating func beginComponent() {
        epoch += 1
        componentFlows.removeAll(keepingCapacity: true)
        componentLinks.removeAll(keepingCapacity: true)
        touchedLinks.removeAll(keepingCapacity: true)
    }

    /// Put a link in the component (even an unlimited one: its flows are then explored).
    @inlinable mutating func seedLink(_ l: Int) {
        if linkMark[l] != epoch {
            linkMark[l] = epoch
            componentLinks.append(Int32(l))
        }
    }

    /// Put a flow in the component, and those of its finite links it could make bind: in
    /// incremental mode, a link that stays below capacity even if the flow rose to its bound
    /// is left out (checked after the filling: BandwidthAllocator+Incremental.swift).
    @inlinable mutating func seedFlow(_ f: Int) {
        guard flowMark[f] != epoch else { return }
        flowMark[f] = epoch
        componentFlows.append(Int32(f))
        // Index loops here and below: a for-in over a nested array would retain and release
        // it around every mutation of self (a tenth of the allocator's time in the profile).
        for k in 0..<crossings.count(of: f) {
            let c = crossings[f, k]
            let l = Int(c.link)
            guard linkMark[l] != epoch, linkCapacity[l].isFinite, !linkNeverBinds[l] else { continue }
            if !reratesIncrementally || mayBind(l, rising: f, crossings: c.multiplicity) { seedLink(l) }
        }
    }

    @inlinable func fillLevel(_ l: Int) -> Double {
        Swift.max(0, (linkCapacity[l] - linkFrozenLoad[l]) / Double(linkWeight[l]))
    }

    /// Freeze a flow at `rate`. The levels of its other links rise, but their heap entries are
    /// left as they are: a stale entry is a lower bound of its link's level and is refreshed
    /// when it surfaces (see `fill`), which costs far fewer heap operations than re-pushing
    /// every link of every frozen flow.
    @inlinable mutating func freeze(_ f: Int, at rate: Double) {
        flowFrozen[f] = fillRound
        flowNewRate[f] = rate
        for k in 0..<crossings.count(of: f) {
            let c = crossings[f, k]
            let l = Int(c.link)
            guard linkDone[l] != fillRound, linkMark[l] == epoch, linkCapacity[l].isFinite, !linkNeverBinds[l] else { continue }
            linkFrozenLoad[l] += Double(c.multiplicity) * rate
            linkWeight[l] -= Int(c.multiplicity)
        }
    }

    /// Breadth-first over the component's links from `next`, seeding their flows.
    @inlinable mutating func explore(from start: Int) {
        var next = start
        while next < componentLinks.count {
            let l = Int(componentLinks[next])
            next += 1
            for k in linkEntries[l].indices { seedFlow(Int(linkEntries[l][k].flow)) }
        }
    }

    /// Explore the component from the seeds, fill it, and publish the rate changes.
    @usableFromInline mutating func recomputeComponent() {
        // 1. The rest of the component. Links whose never-binding status flipped are seeded
        // first (BandwidthAllocator+NeverBinding.swift).
        updateNeverBindingLinks()
        explore(from: 0)
        changes.removeAll(keepingCapacity: true)
        guard !componentFlows.isEmpty || !componentLinks.isEmpty else {
            recomputedFlows = 0
            resumTouchedLinks()
            return
        }
        // 2. Fill; in incremental mode, a link left out that the new rates would bring to
        // capacity joins the component, which is explored further and filled again.
        while true {
            let explored = componentLinks.count
            fill()
            guard reratesIncrementally, admitLinksBroughtToCapacity() else { break }
            explore(from: explored)
        }
        recomputedFlows = componentFlows.count
        totalRecomputedFlows += componentFlows.count
        publish()
    }

    /// Progressive filling of the component into `flowNewRate`. A link crossed by a single
    /// flow is just a cap on that flow (m x rate <= C  <=>  rate <= C / m): folding it into the
    /// flow's limit keeps the many lightly used links (most NICs) out of the heap.
    @inlinable mutating func fill() {
        fillRound += 1
        events.removeAll()
        for flow in componentFlows { flowLimit[Int(flow)] = flowCap[Int(flow)] }
        for link in componentLinks {
            let l = Int(link)
            guard linkCapacity[l].isFinite, !linkNeverBinds[l] else { continue }
            // Kept up to date by startFlow and endFlow: no pass over the link's flows here.
            let weight = linkTotalWeight[l]
            linkWeight[l] = weight
            linkFrozenLoad[l] = 0
            if linkEntries[l].count == 1 {
                let only = linkEntries[l][0]
                let f = Int(only.flow)
                flowLimit[f] = Swift.min(flowLimit[f], linkCapacity[l] / Double(only.multiplicity))
            } else if weight > 0 {
                events.append(FillEvent(value: fillLevel(l), index: link, isLink: true))
            }
        }
        for flow in componentFlows where flowLimit[Int(flow)].isFinite {
            events.append(FillEvent(value: flowLimit[Int(flow)], index: flow, isLink: false))
        }
        events.heapify()
        // Each unsaturated link with unfrozen flows has exactly one entry, whose value is a
        // lower bound of its level (levels only rise as flows freeze). When the least entry is
        // a link whose level has risen since, it goes back with its current level; when it is
        // exact, it is the least level of all, and the link saturates.
        // Once every flow is frozen the events left change nothing (links whose flows all
        // froze, caps of frozen flows), so the loop stops there instead of popping them: most
        // caps (a NIC folded into its only flow) lie above the uplinks' levels and would
        // otherwise each cost a pop after their flow froze.
        var unfrozen = componentFlows.count
        while unfrozen > 0, let event = events.popMin() {
            let i = Int(event.index)
            if event.isLink {
                guard linkWeight[i] > 0 else { continue }   // all its flows froze elsewhere
                let level = fillLevel(i)
                if level > event.value {
                    events.push(FillEvent(value: level, index: event.index, isLink: true))
                    continue
                }
                linkDone[i] = fillRound   // saturated: its own level no longer moves
                for k in linkEntries[i].indices where flowFrozen[Int(linkEntries[i][k].flow)] != fillRound {
                    freeze(Int(linkEntries[i][k].flow), at: level)
                    unfrozen -= 1
                }
            } else if flowFrozen[i] != fillRound {
                freeze(i, at: flowLimit[i])
                unfrozen -= 1
            }
        }
        // Flows with no cap and no finite link are unlimited.
        for flow in componentFlows where flowFrozen[Int(flow)] != fillRound {
            flowNewRate[Int(flow)] = .infinity
        }
    }

    /// Settle bytes at the old rates, switch to the new ones, and bring loads up to date.
    @inlinable mutating func publish() {
        let tolerance = Self.unchangedRelativeTolerance
        for flow in componentFlows {
            let f = Int(flow)
            let old = flowRate[f], new = flowNewRate[f]
            if old == new || (old.isFinite && new.isFinite && abs(new - old) <= tolerance * Swift.max(abs(old), abs(new))) {
                continue
            }
            settleFlow(f)
            flowRate[f] = new
            changes.append(RateChange(flow: FlowID(flow), oldBytesPerSecond: old, newBytesPerSecond: new))
            // Unlimited links are outside the component: update their load by the difference.
            for k in 0..<crossings.count(of: f) where linkMark[Int(crossings[f, k].link)] != epoch {
                let c = crossings[f, k]
                let l = Int(c.link)
                // A finite link outside the component binds nobody: re-summed below.
                if linkCapacity[l].isFinite { touchLink(l); continue }
                settleLink(l)
                let delta = Double(c.multiplicity) * (new - old)
                if delta.isFinite && linkLoad[l].isFinite {
                    linkLoad[l] = Swift.max(0, linkLoad[l] + delta)
                } else {
                    recomputeLoad(l)
                }
            }
        }
        // Component links: re-sum exactly (cost of the order of the fill itself).
        for link in componentLinks {
            settleLink(Int(link))
            recomputeLoad(Int(link))
        }
        resumTouchedLinks()
        // The library sort, not an insertion sort: the list is not mostly sorted. Measured on
        // large-fleet (2026-12-06, a temporary counter): 100,000 lists of 86 changes on
        // average, 68 % of them past 8 insertion moves per change.
        if changes.count > 1 { changes.sort { $0.flow < $1.flow } }
    }
}
