/// The kernel's pending-event order: a radix heap (Ahuja, Mehlhorn, Orlin and Tarjan 1990,
/// "Faster algorithms for the shortest path problem", the one-level form) over 64-bit times,
/// FIFO among equal times.
///
/// A discrete-event kernel is a monotone priority queue: nothing is scheduled before the
/// last time taken out (`Kernel.schedule` refuses the past). A radix heap uses that: bucket 0
/// holds entries whose key equals `last` (the smallest key taken out or looked at); bucket b
/// (1...64) holds those whose highest bit differing from `last` is bit b-1. Inserting is an
/// append; taking the minimum empties the lowest non-empty bucket into lower ones around its
/// minimum, so each entry moves at most 64 times and in practice a few (delays span ~20 bits).
/// Appends and linear scans instead of a binary heap's 17 dependent compare-and-swap levels at
/// 10^5 pending: see docs/performance.md ("Kernel").
///
/// Ties: entries of one time leave in sequence order. New entries at `last` have the largest
/// sequence so far and are appended to bucket 0, which stays sorted; entries that reach
/// bucket 0 by redistribution are sorted by sequence there.
///
/// The one non-monotone case, a key below `last`, happens when a run stopped at a horizon
/// after looking at a later event, and the model then schedules between the two: the heap is
/// rebuilt around the new key (O(n), once per such horizon).
@usableFromInline
struct RadixEventHeap<Entry: RadixHeapEntry> {
    @usableFromInline var storage = RadixBucketStorage<Entry>()
    /// Next entry to take from bucket 0 (taken entries stay until the bucket is emptied).
    @usableFromInline var head = 0
    @usableFromInline var last: UInt64 = 0
    @usableFromInline var total = 0

    @inlinable init() {}

    @inlinable var isEmpty: Bool { total == 0 }
    @inlinable var count: Int { total }

    @inlinable static func bucket(of key: UInt64, last: UInt64) -> Int {
        key == last ? 0 : 64 - (key ^ last).leadingZeroBitCount
    }

    /// The buckets, copied first if another heap value shares them (value semantics).
    @inlinable mutating func uniqueStorage() -> RadixBucketStorage<Entry> {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }

    @inlinable mutating func insert(_ e: Entry) {
        if e.radixKey < last { rebase(below: e.radixKey) }
        uniqueStorage().append(e, to: Self.bucket(of: e.radixKey, last: last))
        total += 1
    }

    /// The minimum (time, then sequence), or nil when empty.
    @inlinable mutating func min() -> Entry? {
        if head == storage.counts[0] {
            guard total > 0 else { return nil }
            refill()
        }
        return storage.starts[0].unsafelyUnwrapped[head]
    }

    /// Drop the minimum; call after `min()` returned it.
    @inlinable mutating func removeMin() {
        head += 1
        total -= 1
        if head == storage.counts[0] {
            uniqueStorage().clear(0)
            head = 0
        }
    }

    /// Bucket 0 is empty: move the lowest non-empty bucket's entries around its minimum.
    @inlinable mutating func refill() {
        let s = uniqueStorage()
        s.clear(0)
        head = 0
        let b = s.nonEmpty.trailingZeroBitCount + 1
        let moving = s.entries(b)
        var m = moving[0].radixKey
        for e in moving where e.radixKey < m { m = e.radixKey }
        last = m
        // Every entry of bucket b lands in a lower bucket: reading b while appending is safe.
        // The non-empty mask is kept in a register for the loop (one store at the end).
        var mask = s.nonEmpty & ~(1 << UInt64(b - 1))
        for e in moving {
            let d = Self.bucket(of: e.radixKey, last: m)
            let n = s.counts[d]
            if n == s.capacities[d] { s.grow(d) }
            s.starts[d].unsafelyUnwrapped[n] = e
            s.counts[d] = n + 1
            if d != 0 { mask |= 1 << UInt64(d - 1) }
        }
        s.counts[b] = 0
        s.nonEmpty = mask
        var zero = s.entries(0)
        if zero.count > 1 { zero.sort { $0.radixSequence < $1.radixSequence } }
    }

    /// Rebuild around a key below `last` (see the type's comment).
    @usableFromInline mutating func rebase(below key: UInt64) {
        let s = uniqueStorage()
        var all = ContiguousArray<Entry>()
        all.append(contentsOf: s.entries(0)[head...])
        for b in 1...64 { all.append(contentsOf: s.entries(b)) }
        for b in 0...64 { s.clear(b) }
        head = 0
        last = key
        for e in all { s.append(e, to: Self.bucket(of: e.radixKey, last: key)) }
        // Bucket 0 is empty here (every old entry is above `key`).
    }
}

/// What the radix heap orders by: an unsigned key (the time, order-preserving) and a
/// sequence that breaks ties.
@usableFromInline
protocol RadixHeapEntry: BitwiseCopyable {
    var radixKey: UInt64 { get }
    var radixSequence: UInt64 { get }
}
