/// Each flow slot's crossings (`BandwidthAllocator.Crossing`) in one flat array, `stride` slots
/// per flow, rather than an array per flow: the re-rating's loops (seeding, freezing,
/// publishing) read a flow's crossings straight from the table instead of through the outer
/// array to a separate heap block per flow, one dependent load less per flow. The stride
/// doubles when a path has more distinct links than it holds (a fleet's paths have 2 to 6).
@usableFromInline struct FlowCrossingTable: Sendable {
    @usableFromInline var stride = 8
    @usableFromInline var items: [BandwidthAllocator.Crossing] = []
    @usableFromInline var counts: [Int32] = []

    @inlinable init() {}

    @inlinable func count(of f: Int) -> Int { Int(counts[f]) }

    @inlinable subscript(f: Int, k: Int) -> BandwidthAllocator.Crossing {
        get { items[f &* stride &+ k] }
        set { items[f &* stride &+ k] = newValue }
    }

    /// A new flow slot, with no crossing.
    @inlinable mutating func addSlot() {
        counts.append(0)
        items.append(contentsOf: repeatElement(.unused, count: stride))
    }

    @inlinable mutating func removeAll(of f: Int) { counts[f] = 0 }

    @inlinable mutating func append(_ crossing: BandwidthAllocator.Crossing, to f: Int) {
        if Int(counts[f]) == stride { widen() }
        items[f &* stride &+ Int(counts[f])] = crossing
        counts[f] += 1
    }

    /// The position of `link` among `f`'s crossings.
    @inlinable func firstIndex(of link: Int32, in f: Int) -> Int? {
        for k in 0..<count(of: f) where items[f &* stride &+ k].link == link { return k }
        return nil
    }

    @usableFromInline mutating func widen() {
        let wider = stride * 2
        var grown = [BandwidthAllocator.Crossing](repeating: .unused, count: counts.count * wider)
        for f in counts.indices {
            for k in 0..<Int(counts[f]) { grown[f * wider + k] = items[f * stride + k] }
        }
        items = grown
        stride = wider
    }
}

extension BandwidthAllocator.Crossing {
    /// Filler for the table's unused slots.
    @usableFromInline static let unused = BandwidthAllocator.Crossing(link: -1, multiplicity: 0, indexInLink: -1)
}
