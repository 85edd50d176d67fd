/// One pending event of progressive filling: a flow reaching its cap, or a link saturating at
/// a fill level (for a link, a lower bound of its level, refreshed when it surfaces).
///
/// Packed for cheap comparisons: fill levels are >= 0 (or +infinity), and the bit patterns of
/// non-negative doubles order like the doubles, so the order (level, caps before links, id) is
/// the lexicographic order of two integers.
@usableFromInline struct FillEvent: Sendable {
    @usableFromInline var levelBits: UInt64
    @usableFromInline var tag: UInt32   // bit 31: is a link; bits 0-30: the flow or link index

    @inlinable init(value: Double, index: Int32, isLink: Bool) {
        levelBits = (value + 0).bitPattern   // + 0 turns -0 into +0
        tag = UInt32(truncatingIfNeeded: index) | (isLink ? 1 << 31 : 0)
    }

    @inlinable var value: Double { Double(bitPattern: levelBits) }
    @inlinable var isLink: Bool { tag & (1 << 31) != 0 }
    @inlinable var index: Int32 { Int32(bitPattern: tag & ~(1 << 31)) }

    /// A total order on (value, caps before links, id): the filling visits events in the same
    /// order whatever order they were pushed in.
    @inlinable static func precedes(_ a: FillEvent, _ b: FillEvent) -> Bool {
        a.levelBits != b.levelBits ? a.levelBits < b.levelBits : a.tag < b.tag
    }
}

/// A 4-ary min-heap of fill events (shallower than a binary heap, and a node's children share
/// a cache line), whose storage is kept between recomputations so steady state allocates
/// nothing. (HeapModule would do, but FleetModel has no dependencies.)
@usableFromInline struct FillEventHeap: Sendable {
    @usableFromInline var storage: [FillEvent] = []

    @inlinable init() {}

    @inlinable var isEmpty: Bool { storage.isEmpty }

    @inlinable mutating func removeAll() { storage.removeAll(keepingCapacity: true) }

    /// Add without ordering; call `heapify()` before the next `popMin()`.
    @inlinable mutating func append(_ event: FillEvent) { storage.append(event) }

    /// Restore the heap order in O(n) (Floyd).
    @inlinable mutating func heapify() {
        guard storage.count > 1 else { return }
        var i = (storage.count - 2) / 4 + 1
        while i > 0 {
            i -= 1
            siftDown(from: i, storage[i])
        }
    }

    @inlinable mutating func siftDown(from start: Int, _ event: FillEvent) {
        storage.withUnsafeMutableBufferPointer { heap in
            let n = heap.count
            var parent = start
            while true {
                let first = 4 * parent + 1
                if first >= n { break }
                var child = first
                let end = Swift.min(first + 4, n)
                var c = first + 1
                while c < end {
                    if FillEvent.precedes(heap[c], heap[child]) { child = c }
                    c += 1
                }
                guard FillEvent.precedes(heap[child], event) else { break }
                heap[parent] = heap[child]
                parent = child
            }
            heap[parent] = event
        }
    }

    @inlinable mutating func push(_ event: FillEvent) {
        storage.append(event)
        storage.withUnsafeMutableBufferPointer { heap in
            var child = heap.count - 1
            while child > 0 {
                let parent = (child - 1) / 4
                guard FillEvent.precedes(event, heap[parent]) else { break }
                heap[child] = heap[parent]
                child = parent
            }
            heap[child] = event
        }
    }

    @inlinable mutating func popMin() -> FillEvent? {
        guard let last = storage.popLast() else { return nil }
        guard !storage.isEmpty else { return last }
        let top = storage[0]
        siftDown(from: 0, last)
        return top
    }
}

/// The fill events as two heaps, one of flow caps and one of links, popped in the order of
/// one heap of both (`FillEvent.precedes` is a total order and no two pending events are
/// equal: one entry per flow, at most one per link, and the tag tells caps from links), by
/// comparing their two minima.
///
/// Why two: the caps are pushed once per filling and never again, and outnumber the links
/// with several flows by far (a component of ~80 flows behind a few tight uplinks in
/// large-fleet, docs/performance.md "Incremental re-rating"), while a link whose level rose
/// goes back into the queue every time it surfaces stale. In one heap each of those re-pushes
/// sifted through the caps as well; here it sifts through a heap of links only.
@usableFromInline struct FillEventQueue: Sendable {
    @usableFromInline var caps = FillEventHeap()
    @usableFromInline var links = FillEventHeap()

    @inlinable init() {}

    @inlinable var isEmpty: Bool { caps.isEmpty && links.isEmpty }
    @inlinable var count: Int { caps.storage.count + links.storage.count }

    @inlinable mutating func removeAll() {
        caps.removeAll()
        links.removeAll()
    }

    /// Add without ordering; call `heapify()` before the next `popMin()`.
    @inlinable mutating func append(_ event: FillEvent) {
        if event.isLink { links.append(event) } else { caps.append(event) }
    }

    @inlinable mutating func heapify() {
        caps.heapify()
        links.heapify()
    }

    @inlinable mutating func push(_ event: FillEvent) {
        if event.isLink { links.push(event) } else { caps.push(event) }
    }

    /// The least pending event of both heaps.
    @inlinable mutating func popMin() -> FillEvent? {
        guard let link = links.storage.first else { return caps.popMin() }
        guard let cap = caps.storage.first else { return links.popMin() }
        return FillEvent.precedes(cap, link) ? caps.popMin() : links.popMin()
    }
}
