/// The kernel's pending-event order: a radix heap (Ahuja, Mehlhorn, Orlin and Tarjan 1990,
/// "Faster algorithms for the shortest path problem", the one-level form) over 64-bit times,
/// FIFO among equal times, with a sorted run in front of the buckets.
///
/// A discrete-event kernel is a monotone priority queue: nothing is scheduled before the
/// last time taken out (`Kernel.schedule` refuses the past). A radix heap uses that: bucket b
/// (1...64) holds entries whose highest bit differing from `last` is bit b-1, all above
/// `last`. Inserting is an append; when the front runs dry, the lowest non-empty bucket is
/// taken. Delays span ~20 bits, so the lowest bucket is usually small, and redistributing
/// it (the textbook step) meant a refill for nearly every event (0.92 per event in the hold
/// benchmark, ~9 moves per entry). So a bucket of at most `sortLimit` entries is sorted
/// instead and becomes the run, `last` its largest key; only a larger bucket is
/// redistributed around its minimum (its entries equal to the minimum become the run).
///
/// The run (bucket 0 from `head` on) is sorted by (time, insertion order) and holds only keys at
/// or below `last`, every bucket only keys above it. A new key at or above `last` goes to its
/// bucket (at `last`: appended to the run, it being the newest entry); a key
/// below `last` is inserted into the run at its place (a binary search and a block move of
/// the larger keys). Every event scheduled before `last` joins the run, so a bucket is sorted
/// into it only when its window is narrow (`sortMaxBucket`): sparse buckets sorted in had put
/// `last` far ahead and grown the run to ~2,000 entries in region-1m at x0.1
/// (docs/performance.md, "Costs that grew with the fleet"). The one
/// non-monotone case the kernel allows (a run stopped at a horizon after looking at a later
/// event, then the model schedules in between) is the same insertion.
///
/// Equal keys leave in insertion order without a sequence number, by structure: every
/// bucket above the run lists its entries in insertion order. An insert appends the newest
/// entry. A redistribution takes the lowest non-empty bucket while every lower bucket and the
/// run are empty, and scans it in order, so each bucket it fills receives an ordered
/// subsequence. The sort into the run is a stable insertion sort by key, and a key inserted
/// into the run goes after every entry of its key (it is the newest).
/// `EventQueueReferenceTests` checks ties against a naive (time, sequence) reference.
/// Measured with `fleetsim bench kernel`: docs/performance.md ("Kernel").
@usableFromInline
struct RadixEventHeap<Entry: RadixHeapEntry> {
    /// Largest bucket sorted into the run instead of redistributed. Measured: see
    /// docs/performance.md ("Kernel", sorted run).
    @inlinable static var sortLimit: Int { 32 }
    /// Highest bucket sorted into the run: the run's window (from its least key to `last`, its
    /// largest) is below 2^(b-1) ns for bucket b, and every event scheduled inside it is
    /// inserted into the run. Above this (a window over ~1 ms), the bucket is redistributed
    /// around its least key instead, and the finer buckets it fills are sorted later.
    @inlinable static var sortMaxBucket: Int { 21 }

    @usableFromInline var storage = RadixBucketStorage<Entry>()
    /// Next entry to take from the run (taken entries stay until the run is emptied).
    @usableFromInline var head = 0
    @usableFromInline var last: UInt64 = 0
    @usableFromInline var total = 0

    @inlinable init() {}

    @inlinable var isEmpty: Bool { total == 0 }
    @inlinable var count: Int { total }

    /// No test for `key == last`: the XOR is then 0, whose 64 leading zeros give bucket 0.
    @inlinable static func bucket(of key: UInt64, last: UInt64) -> Int {
        64 - (key ^ last).leadingZeroBitCount
    }

    /// Copies the buckets first if another heap value shares them (value semantics). It hands
    /// out no reference: the hot paths use `storage` in place, with no retain and release
    /// around each operation.
    @inlinable mutating func makeStorageUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    }

    @inlinable mutating func insert(_ e: Entry) {
        makeStorageUnique()
        let key = e.radixKey
        if key >= last {
            storage.append(e, key: key, to: Self.bucket(of: key, last: last))
        } else {
            storage.append(e, key: key, to: 0)
            // The new entry is the newest, so it goes after every run entry of its own time:
            // at the first entry with a larger key (a binary search), the larger ones moved up
            // by one in a block. An entry-by-entry shift was 4 % of region-1m at x0.3 (perf,
            // 2026-12-07), where the run gets long (see the type's comment).
            let run = storage.starts[0].unsafelyUnwrapped
            let end = storage.counts[0] &- 1   // the slot the append just filled
            var low = head, high = end
            while low < high {
                let mid = low &+ (high &- low) >> 1
                if run[mid].radixKey > key { high = mid } else { low = mid &+ 1 }
            }
            if low < end { (run + low + 1).update(from: run + low, count: end &- low) }
            run[low] = e
        }
        total += 1
    }

    /// The minimum (time, then insertion order), or nil when empty.
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
            makeStorageUnique()
            storage.clear(0)
            head = 0
        }
    }

    /// The run is empty: make the lowest non-empty bucket the new run. The storage's
    /// pointers are read into locals once: working through a local reference to the storage
    /// object cost a retain and release per refill (3 % of `bench kernel` at 10^5 pending).
    @inlinable mutating func refill() {
        makeStorageUnique()
        storage.clear(0)
        head = 0
        let starts = storage.starts, counts = storage.counts, capacities = storage.capacities
        let b = storage.nonEmpty.trailingZeroBitCount + 1
        let moving = UnsafeMutableBufferPointer(start: starts[b], count: counts[b])
        if moving.count <= Self.sortLimit && b <= Self.sortMaxBucket {
            sortIntoRun(moving)
            last = starts[0].unsafelyUnwrapped[moving.count &- 1].radixKey
            storage.clear(b)
            return
        }
        let minKeys = storage.minKeys
        let m = minKeys[b]   // kept by every append: no scan of the bucket for it
        last = m
        // Every entry of bucket b lands in a lower bucket (empty until now): reading b while
        // appending is safe. The non-empty mask is kept in a register for the loop (one store
        // at the end).
        var mask = storage.nonEmpty & ~(1 << UInt64(b - 1))
        for e in moving {
            let key = e.radixKey
            let d = Self.bucket(of: key, last: m)
            let n = counts[d]
            if n == capacities[d] { storage.grow(d) }
            starts[d].unsafelyUnwrapped[n] = e
            counts[d] = n + 1
            if d != 0 {
                mask |= 1 << UInt64(d - 1)
                if key < minKeys[d] { minKeys[d] = key }
            }
        }
        counts[b] = 0
        minKeys[b] = .max
        storage.nonEmpty = mask
    }

    /// Copy a small bucket into the (empty) run by a stable insertion sort on the key (equal
    /// keys keep the bucket's insertion order); the caller makes its largest key `last`. The
    /// other buckets keep their places: every key in them differs from the old `last` above
    /// bucket b's bit, and so from any key of bucket b at the same bit.
    @inlinable mutating func sortIntoRun(_ moving: UnsafeMutableBufferPointer<Entry>) {
        let n = moving.count
        while storage.capacities[0] < n { storage.grow(0) }
        let run = storage.starts[0].unsafelyUnwrapped
        for j in 0..<n {
            let e = moving[j]
            var i = j
            while i > 0, e.radixKey < run[i &- 1].radixKey {
                run[i] = run[i &- 1]
                i &-= 1
            }
            run[i] = e
        }
        storage.counts[0] = n
    }
}

/// What the radix heap orders by: an unsigned key (the time, order-preserving); ties leave
/// in insertion order.
@usableFromInline
protocol RadixHeapEntry: BitwiseCopyable {
    var radixKey: UInt64 { get }
}
