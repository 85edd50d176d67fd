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
    @usableFromInline var buckets: [ContiguousArray<Entry>] = Array(repeating: [], count: 65)
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

    @inlinable mutating func insert(_ e: Entry) {
        if e.radixKey < last { rebase(below: e.radixKey) }
        buckets[Self.bucket(of: e.radixKey, last: last)].append(e)
        total += 1
    }

    /// The minimum (time, then sequence), or nil when empty.
    @inlinable mutating func min() -> Entry? {
        if head == buckets[0].count {
            guard total > 0 else { return nil }
            refill()
        }
        return buckets[0][head]
    }

    /// Drop the minimum; call after `min()` returned it.
    @inlinable mutating func removeMin() {
        head += 1
        total -= 1
        if head == buckets[0].count {
            buckets[0].removeAll(keepingCapacity: true)
            head = 0
        }
    }

    /// Bucket 0 is empty: move the lowest non-empty bucket's entries around its minimum.
    /// (Through the buckets' buffer pointer: one uniqueness check for the whole move
    /// instead of one per entry, measured in `bench kernel`.)
    @inlinable mutating func refill() {
        buckets[0].removeAll(keepingCapacity: true)
        head = 0
        var b = 1
        while buckets[b].isEmpty { b += 1 }
        var moving = ContiguousArray<Entry>()
        swap(&moving, &buckets[b])
        let m = moving.withUnsafeBufferPointer { entries in
            var m = entries[0].radixKey
            for e in entries where e.radixKey < m { m = e.radixKey }
            return m
        }
        last = m
        buckets.withUnsafeMutableBufferPointer { bp in
            moving.withUnsafeBufferPointer { entries in
                for e in entries { bp[Self.bucket(of: e.radixKey, last: m)].append(e) }
            }
            if bp[0].count > 1 { bp[0].sort { $0.radixSequence < $1.radixSequence } }
            // Give the emptied bucket its storage back: it fills again at the same size.
            moving.removeAll(keepingCapacity: true)
            swap(&moving, &bp[b])
        }
    }

    /// Rebuild around a key below `last` (see the type's comment).
    @usableFromInline mutating func rebase(below key: UInt64) {
        var all = ContiguousArray<Entry>()
        all.append(contentsOf: buckets[0][head...])
        for b in 1...64 { all.append(contentsOf: buckets[b]) }
        for b in 0...64 { buckets[b].removeAll(keepingCapacity: true) }
        head = 0
        last = key
        for e in all { buckets[Self.bucket(of: e.radixKey, last: key)].append(e) }
        // Bucket 0 is empty here (every old entry is above `key`).
    }
}

/// What the radix heap orders by: an unsigned key (the time, order-preserving) and a
/// sequence that breaks ties.
@usableFromInline
protocol RadixHeapEntry {
    var radixKey: UInt64 { get }
    var radixSequence: UInt64 { get }
}
