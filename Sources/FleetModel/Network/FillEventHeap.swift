/// One pending event of progressive filling: a flow reaching its cap, or a link saturating at
/// a fill level (valid only while its `version` matches the link's: levels are re-pushed, not
/// updated in place, and stale entries are skipped when they surface).
@usableFromInline struct FillEvent: Sendable {
    @usableFromInline var value: Double
    @usableFromInline var index: Int32
    @usableFromInline var isLink: Bool
    @usableFromInline var version: UInt32

    @inlinable init(value: Double, index: Int32, isLink: Bool, version: UInt32) {
        self.value = value; self.index = index; self.isLink = isLink; self.version = version
    }

    /// A total order on (value, caps before links, id): the filling visits events in the same
    /// order whatever order they were pushed in.
    @inlinable static func precedes(_ a: FillEvent, _ b: FillEvent) -> Bool {
        if a.value != b.value { return a.value < b.value }
        if a.isLink != b.isLink { return !a.isLink }
        if a.index != b.index { return a.index < b.index }
        return a.version < b.version
    }
}

/// A binary min-heap of fill events whose storage is kept between recomputations, so steady
/// state allocates nothing. (HeapModule would do, but FleetModel has no dependencies.)
@usableFromInline struct FillEventHeap: Sendable {
    @usableFromInline var storage: [FillEvent] = []

    @inlinable init() {}

    @inlinable var isEmpty: Bool { storage.isEmpty }

    @inlinable mutating func removeAll() { storage.removeAll(keepingCapacity: true) }

    @inlinable mutating func push(_ event: FillEvent) {
        storage.append(event)
        var child = storage.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard FillEvent.precedes(event, storage[parent]) else { break }
            storage[child] = storage[parent]
            child = parent
        }
        storage[child] = event
    }

    @inlinable mutating func popMin() -> FillEvent? {
        guard let last = storage.popLast() else { return nil }
        guard !storage.isEmpty else { return last }
        let top = storage[0]
        let n = storage.count
        var parent = 0
        while true {
            var child = 2 * parent + 1
            if child >= n { break }
            if child + 1 < n && FillEvent.precedes(storage[child + 1], storage[child]) { child += 1 }
            guard FillEvent.precedes(storage[child], last) else { break }
            storage[parent] = storage[child]
            parent = child
        }
        storage[parent] = last
        return top
    }
}
