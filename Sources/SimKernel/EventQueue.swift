/// A handle to a scheduled event, used to cancel it. Stale handles (already fired or
/// cancelled) are harmless: cancelling one is a no-op that returns false.
public struct EventHandle: Hashable, Sendable {
    @usableFromInline let slot: Int32
    @usableFromInline let generation: UInt32
    @inlinable init(slot: Int32, generation: UInt32) { self.slot = slot; self.generation = generation }
}

/// The pending-event set of a discrete-event simulation.
///
/// Events are ordered by (time, insertion sequence): two events at the same nanosecond fire in
/// the order they were scheduled, so runs are reproducible (the order lives in
/// `RadixEventHeap`; `EventQueueReferenceTests` checks it against a naive reference). Cancellation is O(1): payloads live
/// in a slot array with a generation counter per slot; cancelling bumps the generation, and the
/// stale heap entry is skipped when it surfaces (lazy deletion). Slots are recycled, so steady
/// state allocates nothing per event. The payload is a generic value (an enum in practice):
/// no existential boxing on the hot path.
public struct EventQueue<Payload> {
    /// A heap entry: 16 bytes (the time, the payload's slot and its generation). No sequence
    /// number: the radix heap keeps entries of equal time in the order they were inserted
    /// (see `RadixEventHeap`), so FIFO among ties costs no bytes. 24-byte entries with a
    /// 64-bit sequence were measured slower (docs/performance.md, "Kernel").
    @usableFromInline struct Entry: RadixHeapEntry {
        /// The time with its sign bit flipped: unsigned order is signed time order.
        @usableFromInline let radixKey: UInt64
        @usableFromInline let slot: Int32
        @usableFromInline let generation: UInt32

        @inlinable init(time: Int64, slot: Int32, generation: UInt32) {
            self.radixKey = UInt64(bitPattern: time) ^ (1 << 63); self.slot = slot; self.generation = generation
        }
        @inlinable var time: Int64 { Int64(bitPattern: radixKey ^ (1 << 63)) }
    }

    /// A payload's slot: its generation (bumped when the event fires or is cancelled, so
    /// stale handles and heap entries are recognised) beside the payload (nil when free).
    /// One array, not two: one uniqueness check and one cache line per event.
    @usableFromInline struct Slot {
        @usableFromInline var generation: UInt32
        @usableFromInline var payload: Payload?
        @inlinable init(generation: UInt32, payload: Payload?) { self.generation = generation; self.payload = payload }
    }

    @usableFromInline var heap = RadixEventHeap<Entry>()
    @usableFromInline var slots: [Slot] = []
    @usableFromInline var freeSlots: [Int32] = []
    @usableFromInline var liveCount = 0
    /// Live (scheduled, not cancelled, not fired) events.
    @inlinable public var count: Int { liveCount }

    public init() {}

    public var isEmpty: Bool { count == 0 }

    /// Schedule `payload` at absolute time `time`.
    @inlinable @discardableResult
    public mutating func schedule(at time: SimTime, _ payload: Payload) -> EventHandle {
        let slot: Int32
        let generation: UInt32
        // `removeLast` behind an emptiness test, not `popLast()`: the latter stayed an
        // out-of-line call (2-3 % of `bench kernel`).
        if !freeSlots.isEmpty {
            let reused = freeSlots.removeLast()
            slot = reused
            generation = slots.withUnsafeMutableBufferPointer { s in
                s[Int(reused)].payload = payload
                return s[Int(reused)].generation
            }
        } else {
            slot = Int32(slots.count)
            generation = 0
            slots.append(Slot(generation: 0, payload: payload))
        }
        heap.insert(Entry(time: time.nanoseconds, slot: slot, generation: generation))
        liveCount += 1
        return EventHandle(slot: slot, generation: generation)
    }

    /// Cancel a scheduled event. Returns false if it already fired or was cancelled.
    @inlinable @discardableResult
    public mutating func cancel(_ handle: EventHandle) -> Bool {
        let i = Int(handle.slot)
        guard i < slots.count, slots[i].generation == handle.generation, slots[i].payload != nil else { return false }
        release(slot: i)
        return true
    }

    /// Whether the event behind `handle` is still pending.
    @inlinable public func isPending(_ handle: EventHandle) -> Bool {
        let i = Int(handle.slot)
        return i < slots.count && slots[i].generation == handle.generation && slots[i].payload != nil
    }

    /// Time of the earliest live event, discarding cancelled entries on the way.
    @inlinable public mutating func peekTime() -> SimTime? {
        while let top = heap.min() {
            if slots[Int(top.slot)].generation == top.generation { return SimTime(nanoseconds: top.time) }
            heap.removeMin()
        }
        return nil
    }

    /// Remove and return the earliest live event if its time is <= `limit`.
    @inlinable public mutating func pop(notAfter limit: SimTime) -> (time: SimTime, payload: Payload)? {
        while let top = heap.min() {
            let i = Int(top.slot)
            if slots[i].generation != top.generation { heap.removeMin(); continue }
            if top.time > limit.nanoseconds { return nil }
            heap.removeMin()
            let payload = slots.withUnsafeMutableBufferPointer { s in
                let p = s[i].payload.unsafelyUnwrapped
                s[i].payload = nil
                s[i].generation &+= 1
                return p
            }
            freeSlots.append(Int32(i))
            liveCount -= 1
            return (SimTime(nanoseconds: top.time), payload)
        }
        return nil
    }

    @inlinable mutating func release(slot i: Int) {
        slots[i].payload = nil
        slots[i].generation &+= 1
        freeSlots.append(Int32(i))
        liveCount -= 1
    }
}
