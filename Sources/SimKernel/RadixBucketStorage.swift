/// The radix heap's 65 buckets in manually managed buffers: one object, one uniqueness check
/// per heap operation (Swift arrays of arrays check the outer and the inner array on every
/// append), no bounds or capacity checks inside the refill loop, and a bit mask of the
/// non-empty buckets so the refill finds the lowest one with one instruction. Measured with
/// `fleetsim bench kernel` (docs/performance.md, "Kernel").
///
/// Entries are plain values (`BitwiseCopyable`): buffers are copied and freed without
/// initialising or destroying elements.
@usableFromInline
final class RadixBucketStorage<Entry: BitwiseCopyable> {
    static var bucketCount: Int { 65 }
    @usableFromInline let starts: UnsafeMutablePointer<UnsafeMutablePointer<Entry>?>
    @usableFromInline let counts: UnsafeMutablePointer<Int>
    @usableFromInline let capacities: UnsafeMutablePointer<Int>
    /// Bit b-1 set when bucket b (1...64) holds entries; bucket 0 is tracked by its count.
    /// Behind a pointer, not a stored `var`: a class's `var` costs a dynamic exclusivity
    /// check (swift_beginAccess) per access, 5 % of `bench kernel` at 10^5 pending.
    @usableFromInline let nonEmptyMask: UnsafeMutablePointer<UInt64>
    /// The least key in each bucket (`UInt64.max` when empty; not kept for bucket 0, the
    /// run): a redistribution needs its bucket's minimum first, and scanning the bucket for
    /// it was a quarter of the refill (`bench kernel`, perf annotate).
    @usableFromInline let minKeys: UnsafeMutablePointer<UInt64>
    @inlinable var nonEmpty: UInt64 {
        get { nonEmptyMask.pointee }
        set { nonEmptyMask.pointee = newValue }
    }

    @usableFromInline init() {
        let n = Self.bucketCount
        starts = .allocate(capacity: n)
        starts.initialize(repeating: nil, count: n)
        counts = .allocate(capacity: n)
        counts.initialize(repeating: 0, count: n)
        capacities = .allocate(capacity: n)
        capacities.initialize(repeating: 0, count: n)
        nonEmptyMask = .allocate(capacity: 1)
        nonEmptyMask.initialize(to: 0)
        minKeys = .allocate(capacity: n)
        minKeys.initialize(repeating: .max, count: n)
    }

    deinit {
        for b in 0..<Self.bucketCount { starts[b]?.deallocate() }
        starts.deallocate(); counts.deallocate(); capacities.deallocate(); nonEmptyMask.deallocate()
        minKeys.deallocate()
    }

    /// A deep copy (the heap is a value type: a copied kernel must not share its buckets).
    @usableFromInline func copy() -> RadixBucketStorage {
        let c = RadixBucketStorage()
        c.nonEmpty = nonEmpty
        c.minKeys.update(from: minKeys, count: Self.bucketCount)
        for b in 0..<Self.bucketCount where capacities[b] > 0 {
            let p = UnsafeMutablePointer<Entry>.allocate(capacity: capacities[b])
            if let s = starts[b] { p.update(from: s, count: counts[b]) }
            c.starts[b] = p
            c.counts[b] = counts[b]
            c.capacities[b] = capacities[b]
        }
        return c
    }

    /// Always inlined: left to the optimiser it stayed a call (5 % of `bench kernel`).
    @inlinable @inline(__always) func append(_ e: Entry, key: UInt64, to b: Int) {
        let n = counts[b]
        if n == capacities[b] { grow(b) }
        starts[b].unsafelyUnwrapped[n] = e
        counts[b] = n + 1
        if b > 0 {
            nonEmpty |= 1 << UInt64(b - 1)
            if key < minKeys[b] { minKeys[b] = key }
        }
    }

    @usableFromInline func grow(_ b: Int) {
        let newCapacity = Swift.max(16, capacities[b] * 2)
        let p = UnsafeMutablePointer<Entry>.allocate(capacity: newCapacity)
        if let s = starts[b] {
            p.update(from: s, count: counts[b])
            s.deallocate()
        }
        starts[b] = p
        capacities[b] = newCapacity
    }

    /// Empty bucket b, keeping its buffer.
    @inlinable func clear(_ b: Int) {
        counts[b] = 0
        if b > 0 {
            nonEmpty &= ~(1 << UInt64(b - 1))
            minKeys[b] = .max
        }
    }
}
