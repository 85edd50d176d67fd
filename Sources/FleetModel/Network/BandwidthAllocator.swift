/// Flows over links sharing capacity max-min fairly, each flow capped by its own
/// `max_bandwidth` (DESIGN.md, "The fleet and its network").
///
/// Operations: add a link, change a link's capacity, start a flow, end a flow, change a flow's
/// cap. After each one the rates of the affected flows are recomputed by progressive filling
/// (`BandwidthAllocator+WaterFilling.swift`), and `lastChanges` lists the flows whose rate
/// changed, sorted by flow id, so the simulator reschedules those and no others.
///
/// Time: the allocator keeps a clock in seconds (`now`), moved forward by `advance(toSeconds:)`.
/// Bytes are integrated lazily: a flow's (a link's) byte counter is brought up to date only
/// when its rate (load) changes or when it is read, so advancing the clock is O(1).
///
/// Layout: struct-of-arrays indexed by id; no dictionary, no set, so nothing depends on hash
/// order. Scratch arrays for the recomputation are kept between operations, and the slots of
/// ended flows are recycled, so steady-state operation does not allocate (apart from sorting
/// `lastChanges`, which the standard library may do with a temporary buffer).
public struct BandwidthAllocator: Sendable {
    /// One distinct link crossed by a flow, with how many times the flow crosses it.
    @usableFromInline struct Crossing: Sendable {
        @usableFromInline var link: Int32
        @usableFromInline var multiplicity: Int32
        /// Position of the matching `LinkEntry` in `linkEntries[link]`.
        @usableFromInline var indexInLink: Int32
    }

    /// One flow crossing a link.
    @usableFromInline struct LinkEntry: Sendable {
        @usableFromInline var flow: Int32
        @usableFromInline var multiplicity: Int32
        /// Position of the matching `Crossing` in `crossings[flow, _]`.
        @usableFromInline var crossingIndex: Int32
    }

    /// Two rates closer than this (relative) count as unchanged: the old rate is kept and the
    /// flow is not reported. Recomputing a component sums in a different order than last time,
    /// which moves unaffected rates by a few ulps; without this they would be rescheduled for
    /// nothing. Keeping a rate that is 1e-12 (relative) off the fresh one over-allocates a link
    /// by at most 1e-12 of its capacity, far inside the 1e-9 the model promises.
    public static let unchangedRelativeTolerance = 1e-12

    // MARK: Links (indexed by LinkID)
    @usableFromInline var linkCapacity: [Double] = []
    @usableFromInline var linkEntries: [[LinkEntry]] = []
    @usableFromInline var linkLoad: [Double] = []
    @usableFromInline var linkBytes: [Double] = []
    @usableFromInline var linkSettledAt: [Double] = []
    @usableFromInline var linkPeakFlows: [Int] = []
    /// Crossings of the link's active flows (sum of multiplicities): the filling's start weight.
    @usableFromInline var linkTotalWeight: [Int] = []

    // MARK: Flows (indexed by FlowID; slots of ended flows are recycled)
    @usableFromInline var flowActive: [Bool] = []
    @usableFromInline var flowCap: [Double] = []
    @usableFromInline var flowRate: [Double] = []
    @usableFromInline var flowBytes: [Double] = []
    @usableFromInline var flowSettledAt: [Double] = []
    @usableFromInline var flowPath: [[LinkID]] = []
    @usableFromInline var crossings = FlowCrossingTable()
    @usableFromInline var freeFlowSlots: [Int32] = []
    @usableFromInline var activeFlows = 0

    // MARK: Scratch for the recomputation (see BandwidthAllocator+WaterFilling.swift)
    @usableFromInline var epoch = 0
    @usableFromInline var fillRound = 0
    @usableFromInline var linkCheckMark: [Int] = []
    @usableFromInline var linkMark: [Int] = []
    @usableFromInline var linkDone: [Int] = []
    @usableFromInline var linkFrozenLoad: [Double] = []
    @usableFromInline var linkWeight: [Int] = []
    @usableFromInline var flowMark: [Int] = []
    @usableFromInline var flowFrozen: [Int] = []
    @usableFromInline var flowNewRate: [Double] = []
    @usableFromInline var flowLimit: [Double] = []
    @usableFromInline var componentFlows: [Int32] = []
    @usableFromInline var componentLinks: [Int32] = []
    @usableFromInline var events = FillEventQueue()
    @usableFromInline var changes: [RateChange] = []
    @usableFromInline var recomputedFlows = 0
    @usableFromInline var totalRecomputedFlows = 0

    // MARK: Links that can never bind (BandwidthAllocator+NeverBinding.swift)
    /// When true (the default), re-rating is incremental: links that no allocation can
    /// saturate, and links the operation cannot bring to capacity, are left out of the
    /// components (BandwidthAllocator+NeverBinding.swift, +Incremental.swift); false runs the
    /// plain filling of whole components (the reference in tests).
    public let reratesIncrementally: Bool
    @usableFromInline var linkNeverBinds: [Bool] = []
    @usableFromInline var linkTouchMark: [Int] = []
    @usableFromInline var touchedLinks: [Int32] = []
    @usableFromInline var flowBound: [Double] = []

    @usableFromInline var clockSeconds: Double = 0
    // MARK: Deferred re-rating (BandwidthAllocator+Batch.swift)
    /// When true, operations only mark what they touch; `flushRerating()` re-rates the union
    /// once. The simulator sets it and flushes once per simulated instant.
    public var defersRerating = false
    @usableFromInline var batchOpen = false
    @usableFromInline var slotsFreedInBatch: [Int32] = []
    /// The allocator's clock, in seconds.
    @inlinable public var now: Double { clockSeconds }

    public init(reratesIncrementally: Bool = true) {
        self.reratesIncrementally = reratesIncrementally
    }

    // MARK: - Queries

    /// Flows whose rate the last re-rating operation (`setCapacity`, `startFlow`, `endFlow`,
    /// `setMaxRate`; `addLink` clears it, `advance` leaves it alone) changed, with old and new
    /// rate, sorted by flow id. A started flow counts as changed from 0 (so a flow started at
    /// rate 0 is not listed); an ended flow is not listed. Read it before the next operation:
    /// it is overwritten.
    @inlinable public var lastChanges: [RateChange] { changes }
    /// Flows the last operation recomputed (the size of the affected component).
    @inlinable public var lastRecomputedFlowCount: Int { recomputedFlows }
    /// Flows recomputed by all operations so far (work done, for benchmarks).
    @inlinable public var totalRecomputedFlowCount: Int { totalRecomputedFlows }

    @inlinable public var linkCount: Int { linkCapacity.count }
    @inlinable public var activeFlowCount: Int { activeFlows }
    /// All link ids, in order.
    public var linkIDs: [LinkID] { (0..<linkCapacity.count).map { LinkID(Int32($0)) } }
    /// Active flow ids, in increasing order.
    public var activeFlowIDs: [FlowID] {
        flowActive.indices.filter { flowActive[$0] }.map { FlowID(Int32($0)) }
    }

    @inlinable public func isActive(_ flow: FlowID) -> Bool {
        flow.index >= 0 && flow.index < flowActive.count && flowActive[flow.index]
    }

    @inlinable public func capacity(of link: LinkID) -> Double { linkCapacity[link.index] }
    /// Sum over the flows crossing `link` of rate x crossings, bytes/s.
    @inlinable public func load(of link: LinkID) -> Double { linkLoad[link.index] }
    /// `load / capacity`; 0 for a cut (capacity 0) or unlimited link.
    @inlinable public func utilisation(of link: LinkID) -> Double {
        let c = linkCapacity[link.index]
        return c > 0 && c.isFinite ? linkLoad[link.index] / c : 0
    }
    /// Distinct active flows crossing `link`.
    @inlinable public func activeFlowCount(on link: LinkID) -> Int { linkEntries[link.index].count }
    /// Most flows that crossed `link` at the same time, since it was added.
    @inlinable public func peakFlowCount(on link: LinkID) -> Int { linkPeakFlows[link.index] }
    /// Bytes carried by `link` up to `now` (a flow crossing it twice counts twice).
    @inlinable public func bytesCarried(on link: LinkID) -> Double {
        let l = link.index
        return linkBytes[l] + Self.bytes(rate: linkLoad[l], seconds: now - linkSettledAt[l])
    }
    /// The flows crossing `link`, in increasing id order.
    public func flows(on link: LinkID) -> [FlowID] {
        linkEntries[link.index].map { FlowID($0.flow) }.sorted()
    }

    @inlinable public func rate(of flow: FlowID) -> Double {
        precondition(isActive(flow), "\(flow) is not active")
        return flowRate[flow.index]
    }
    @inlinable public func maxRate(of flow: FlowID) -> Double {
        precondition(isActive(flow), "\(flow) is not active")
        return flowCap[flow.index]
    }
    /// Bytes `flow` has pushed since it started, up to `now`.
    @inlinable public func bytesSent(by flow: FlowID) -> Double {
        precondition(isActive(flow), "\(flow) is not active")
        let f = flow.index
        return flowBytes[f] + Self.bytes(rate: flowRate[f], seconds: now - flowSettledAt[f])
    }
    public func path(of flow: FlowID) -> [LinkID] {
        precondition(isActive(flow), "\(flow) is not active")
        return flowPath[flow.index]
    }

    public func link(_ id: LinkID) -> Link {
        Link(id: id, capacityBytesPerSecond: capacity(of: id), loadBytesPerSecond: load(of: id),
             activeFlowCount: activeFlowCount(on: id), peakFlowCount: peakFlowCount(on: id),
             bytesCarried: bytesCarried(on: id))
    }

    public func flow(_ id: FlowID) -> Flow {
        Flow(id: id, path: path(of: id), maxBytesPerSecond: maxRate(of: id),
             rateBytesPerSecond: rate(of: id), bytesSent: bytesSent(by: id))
    }

    // MARK: - Time

    /// Move the clock to `seconds` (not backwards). O(1): bytes are integrated lazily.
    @inlinable public mutating func advance(toSeconds seconds: Double) {
        precondition(seconds >= now, "time cannot go backwards (\(seconds) < \(now))")
        precondition(!batchOpen || seconds == now, "deferred re-rating not flushed before time moved")
        clockSeconds = seconds
    }

    /// Move the clock forward by `seconds`.
    @inlinable public mutating func advance(bySeconds seconds: Double) {
        advance(toSeconds: now + seconds)
    }

    // MARK: - Links

    /// Add a link of `capacityBytesPerSecond` (0 ... infinity). An infinite link never limits
    /// a flow: it is counted and accounted, but does not join flows into one component.
    @discardableResult
    public mutating func addLink(capacityBytesPerSecond: Double) -> LinkID {
        precondition(capacityBytesPerSecond >= 0, "link capacity must be >= 0 (got \(capacityBytesPerSecond))")
        precondition(linkCapacity.count < Int32.max, "too many links")
        let id = LinkID(Int32(linkCapacity.count))
        linkCapacity.append(capacityBytesPerSecond)
        linkEntries.append([])
        linkLoad.append(0)
        linkBytes.append(0)
        linkSettledAt.append(now)
        linkPeakFlows.append(0)
        linkTotalWeight.append(0)
        linkMark.append(0)
        linkDone.append(0)
        linkFrozenLoad.append(0)
        linkWeight.append(0)
        // An empty link binds nobody; its first flows re-evaluate it.
        linkNeverBinds.append(reratesIncrementally && capacityBytesPerSecond > 0 && capacityBytesPerSecond.isFinite)
        linkTouchMark.append(0)
        linkCheckMark.append(0)
        changes.removeAll(keepingCapacity: true)
        recomputedFlows = 0
        return id
    }

    /// Change a link's capacity: degraded, cut (0), restored. Re-rates the link's component.
    public mutating func setCapacity(_ capacityBytesPerSecond: Double, of link: LinkID) {
        precondition(capacityBytesPerSecond >= 0, "link capacity must be >= 0 (got \(capacityBytesPerSecond))")
        let l = link.index
        let old = linkCapacity[l]
        linkCapacity[l] = capacityBytesPerSecond
        openComponent()
        // Unchanged, or infinite before and after: no flow's rate can change.
        if old != capacityBytesPerSecond && (old.isFinite || capacityBytesPerSecond.isFinite) {
            if !linkNeverBinds[l] { seedLink(l) }
            boundsChanged(onLink: l)
        }
        closeComponent()
    }

    // MARK: - Flows

    /// Start a flow over `path` (ordered; a link may repeat, and a flow crossing a link k times
    /// uses k x its rate of that link's capacity), capped at `maxBytesPerSecond` (its
    /// `max_bandwidth`; infinity for none). Re-rates its component; the new flow is listed in
    /// `lastChanges` unless its rate is 0.
    @discardableResult
    public mutating func startFlow(path: [LinkID], maxBytesPerSecond: Double = .infinity) -> FlowID {
        precondition(maxBytesPerSecond >= 0, "flow cap must be >= 0 (got \(maxBytesPerSecond))")
        let f: Int
        if let slot = freeFlowSlots.popLast() {
            f = Int(slot)
            flowActive[f] = true
            flowCap[f] = maxBytesPerSecond
            flowRate[f] = 0
            flowBytes[f] = 0
            flowSettledAt[f] = now
            flowPath[f].removeAll(keepingCapacity: true)
            flowPath[f].append(contentsOf: path)
            crossings.removeAll(of: f)
        } else {
            precondition(flowActive.count < Int32.max, "too many flows")
            f = flowActive.count
            flowActive.append(true)
            flowCap.append(maxBytesPerSecond)
            flowRate.append(0)
            flowBytes.append(0)
            flowSettledAt.append(now)
            flowPath.append(path)
            crossings.addSlot()
            flowMark.append(0)
            flowFrozen.append(0)
            flowNewRate.append(0)
            flowLimit.append(0)
            flowBound.append(0)
        }
        activeFlows += 1
        // Fold repeated links into (link, multiplicity). Paths are a handful of links, so the
        // quadratic scan beats anything cleverer.
        for link in path {
            let l = link.index
            precondition(l >= 0 && l < linkCapacity.count, "unknown \(link)")
            if let k = crossings.firstIndex(of: link.rawValue, in: f) {
                crossings[f, k].multiplicity += 1
                let i = Int(crossings[f, k].indexInLink)
                linkEntries[l][i].multiplicity += 1
                linkTotalWeight[l] += 1
            } else {
                let k = crossings.count(of: f)
                crossings.append(Crossing(link: link.rawValue, multiplicity: 1,
                                          indexInLink: Int32(linkEntries[l].count)), to: f)
                linkEntries[l].append(LinkEntry(flow: Int32(f), multiplicity: 1, crossingIndex: Int32(k)))
                linkPeakFlows[l] = Swift.max(linkPeakFlows[l], linkEntries[l].count)
                linkTotalWeight[l] += 1
            }
        }
        openComponent()
        boundChanged(ofFlow: f)   // before seeding: the seeding reads the bound
        seedFlow(f)
        closeComponent()
        return FlowID(Int32(f))
    }

    /// End `flow`; returns the bytes it pushed. Re-rates what was its component (which may
    /// split in two). The ended flow is not listed in `lastChanges`; its id may be reused.
    @discardableResult
    public mutating func endFlow(_ flow: FlowID) -> Double {
        precondition(isActive(flow), "\(flow) is not active")
        let f = flow.index
        settleFlow(f)
        let rate = flowRate[f]
        let sent = flowBytes[f]
        openComponent()
        for k in 0..<crossings.count(of: f) {
            let c = crossings[f, k]
            let l = Int(c.link)
            settleLink(l)
            // Swap-remove the flow's entry from the link's list, fixing the moved entry's back
            // pointer.
            let i = Int(c.indexInLink)
            let moved = linkEntries[l].removeLast()
            linkTotalWeight[l] -= Int(c.multiplicity)
            if i < linkEntries[l].count {
                linkEntries[l][i] = moved
                crossings[Int(moved.flow), Int(moved.crossingIndex)].indexInLink = Int32(i)
            }
            touchLink(l)   // its flows' bound fell
            if linkEntries[l].isEmpty {
                linkLoad[l] = 0
            } else if linkCapacity[l].isFinite {
                // Its load is recomputed with its component, or on its own if it cannot bind.
                // Its other flows can only rise if it was at capacity.
                if !linkNeverBinds[l] && (!reratesIncrementally || isTight(l)) { seedLink(l) }
            } else {
                // Unlimited link: it constrains nobody, so it is not in any component; take the
                // flow's share off its load.
                removeLoad(Double(c.multiplicity) * rate, from: l)
            }
        }
        flowActive[f] = false
        flowRate[f] = 0
        crossings.removeAll(of: f)
        // Within a deferred batch the slot waits for the flush: a new flow in it would carry
        // the ended flow's component mark and skip its own links.
        if batchOpen { slotsFreedInBatch.append(Int32(f)) } else { freeFlowSlots.append(Int32(f)) }
        activeFlows -= 1
        closeComponent()
        return sent
    }

    /// Change a flow's cap (QEMU `max_bandwidth`), e.g. lifted for the stop-and-copy phase.
    public mutating func setMaxRate(_ maxBytesPerSecond: Double, of flow: FlowID) {
        precondition(isActive(flow), "\(flow) is not active")
        precondition(maxBytesPerSecond >= 0, "flow cap must be >= 0 (got \(maxBytesPerSecond))")
        let f = flow.index
        openComponent()
        if flowCap[f] != maxBytesPerSecond {
            flowCap[f] = maxBytesPerSecond
            boundChanged(ofFlow: f)
            seedFlow(f)
        }
        closeComponent()
    }

    // MARK: - Byte accounting

    @inlinable static func bytes(rate: Double, seconds: Double) -> Double {
        seconds > 0 ? rate * seconds : 0   // guards infinity x 0
    }

    @inlinable mutating func settleFlow(_ f: Int) {
        flowBytes[f] += Self.bytes(rate: flowRate[f], seconds: now - flowSettledAt[f])
        flowSettledAt[f] = now
    }

    @inlinable mutating func settleLink(_ l: Int) {
        linkBytes[l] += Self.bytes(rate: linkLoad[l], seconds: now - linkSettledAt[l])
        linkSettledAt[l] = now
    }

    /// Recompute a link's load from its flows. Call after `settleLink`.
    @inlinable mutating func recomputeLoad(_ l: Int) {
        var sum = 0.0
        for k in linkEntries[l].indices { sum += Double(linkEntries[l][k].multiplicity) * flowRate[Int(linkEntries[l][k].flow)] }
        linkLoad[l] = sum
    }

    /// Incremental load update for unlimited links (which can carry every flow of the fleet,
    /// too many to re-sum on each change). Call after `settleLink`.
    @inlinable mutating func removeLoad(_ amount: Double, from l: Int) {
        if amount.isFinite && linkLoad[l].isFinite {
            linkLoad[l] = Swift.max(0, linkLoad[l] - amount)
        } else {
            recomputeLoad(l)
        }
    }
}
