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
/// The run (bucket 0 from `head` on) is sorted by (time, sequence) and holds only keys at
/// or below `last`, every bucket only keys above it. A new key at or above `last` goes to its
/// bucket (at `last`: appended to the run, its sequence being the largest so far); a key
/// below `last` is inserted into the run at its place (a short shift: the run is small, or
/// its keys are all equal and the new key is not below them in a monotone run). The one
/// non-monotone case the kernel allows (a run stopped at a horizon after looking at a later
/// event, then the model schedules in between) is the same insertion.
/// Measured with `fleetsim bench kernel`: docs/performance.md ("Kernel").
@usableFromInline
struct RadixEventHeap<Entry: RadixHeapEntry> {
    /// Largest bucket sorted into the run instead of redistributed. Measured: see
    /// docs/performance.md ("Kernel", sorted run).
    @inlinable static var sortLimit: Int { 32 }

    @usableFromInline var storage = RadixBucketStorage<Entry>()
    /// Next entry to take from the run (taken entries stay until the run is emptied).
    @usableFromInline var head = 0
    @usableFromInline var last: UInt64 = 0
    @usableFromInline var total = 0

    @inlinable init() {}

    @inlinable var isEmpty: Bool { total == 0 }
    @inlinable var count: Int { total }

    @inlinable static func bucket(of key: UInt64, last: UInt64) -> Int {
        key == last ? 0 : 64 - (key ^ last).leadingZeroBitCount
    }

    @inlinable static func precedes(_ a: Entry, _ b: Entry) -> Bool {
        a.radixKey != b.radixKey ? a.radixKey < b.radixKey : a.radixSequence < b.radixSequence
    }

    /// The buckets, copied first if another heap value shares them (value semantics).
    @inlinable mutating func uniqueStorage() -> RadixBucketStorage<Entry> {
        makeStorageUnique()
        return storage
    }

    /// `uniqueStorage()` without handing out a reference: the hot paths then use `storage`
    /// in place, with no retain and release around each operation.
    @inlinable mutating func makeStorageUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    }

    @inlinable mutating func insert(_ e: Entry) {
        makeStorageUnique()
        let key = e.radixKey
        if key >= last {
            storage.append(e, to: Self.bucket(of: key, last: last))
        } else {
            storage.append(e, to: 0)
            // Shift larger run entries up by one; the new sequence is the largest, so it
            // goes after every entry of its own time.
            let run = storage.starts[0].unsafelyUnwrapped
            var i = storage.counts[0] &- 1
            while i > head, run[i &- 1].radixKey > key {
                run[i] = run[i &- 1]
                i &-= 1
            }
            run[i] = e
        }
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
            makeStorageUnique()
            storage.clear(0)
            head = 0
        }
    }

    /// The run is empty: make the lowest non-empty bucket the new run.
    @inlinable mutating func refill() {
        let s = uniqueStorage()
        s.clear(0)
        head = 0
        let b = s.nonEmpty.trailingZeroBitCount + 1
        let moving = s.entries(b)
        if moving.count <= Self.sortLimit {
            sortIntoRun(moving, storage: s)
            last = s.starts[0].unsafelyUnwrapped[moving.count &- 1].radixKey
            s.clear(b)
            return
        }
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

    /// Copy a small bucket into the (empty) run by insertion sort; the caller makes its largest
    /// key `last`. The other buckets keep their places: every key in them differs from the old
    /// `last` above bucket b's bit, and so from any key of bucket b at the same bit.
    @inlinable func sortIntoRun(_ moving: UnsafeMutableBufferPointer<Entry>,
                                storage s: RadixBucketStorage<Entry>) {
        let n = moving.count
        while s.capacities[0] < n { s.grow(0) }
        let run = s.starts[0].unsafelyUnwrapped
        for j in 0..<n {
            let e = moving[j]
            var i = j
            while i > 0, Self.precedes(e, run[i &- 1]) {
                run[i] = run[i &- 1]
                i &-= 1
            }
            run[i] = e
        }
        s.counts[0] = n
    }
}

/// What the radix heap orders by: an unsigned key (the time, order-preserving) and a
/// sequence that breaks ties.
@usableFromInline
protocol RadixHeapEntry: BitwiseCopyable {
    var radixKey: UInt64 { get }
    var radixSequence: UInt64 { get }
}
