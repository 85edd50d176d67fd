import Testing
@testable import SimKernel

@Suite struct EventQueueTests {
    @Test func popsInTimeThenInsertionOrder() {
        var q = EventQueue<String>()
        q.schedule(at: .seconds(2), "b1")
        q.schedule(at: .seconds(1), "a")
        q.schedule(at: .seconds(2), "b2")
        q.schedule(at: .seconds(2), "b3")
        q.schedule(at: .seconds(3), "c")
        var order: [String] = []
        while let (_, p) = q.pop(notAfter: .max) { order.append(p) }
        #expect(order == ["a", "b1", "b2", "b3", "c"])
        #expect(q.isEmpty)
    }

    @Test func cancelledEventsNeverFire() {
        var q = EventQueue<Int>()
        let handles = (0..<10).map { q.schedule(at: .seconds(Int64($0)), $0) }
        let r1 = q.cancel(handles[3])
        #expect(r1)
        let r2 = q.cancel(handles[7])
        #expect(r2)
        let r3 = q.cancel(handles[3])
        #expect(!r3, "second cancel is a no-op")
        #expect(q.count == 8)
        var fired: [Int] = []
        while let (_, p) = q.pop(notAfter: .max) { fired.append(p) }
        #expect(fired == [0, 1, 2, 4, 5, 6, 8, 9])
        let r4 = q.cancel(handles[0])
        #expect(!r4, "cancelling a fired event is a no-op")
    }

    @Test func recycledSlotDoesNotResurrectStaleHandle() {
        var q = EventQueue<String>()
        let old = q.schedule(at: .seconds(1), "old")
        let r5 = q.cancel(old)
        #expect(r5)
        let new = q.schedule(at: .seconds(2), "new")   // reuses the slot
        let r6 = q.cancel(old)
        #expect(!r6)
        #expect(q.isPending(new))
        let r7 = q.pop(notAfter: .max)?.payload
        #expect(r7 == "new")
    }

    /// The radix heap keeps its buckets in one manually managed object; a copied queue
    /// (a copied kernel) must not share them.
    @Test func copiedQueueIsIndependent() {
        var q = EventQueue<Int>()
        for i in 0..<100 { q.schedule(at: .nanoseconds(Int64((i * 7919) % 1000)), i) }
        var copy = q
        var fromOriginal: [Int] = []
        while let (_, p) = q.pop(notAfter: .max) { fromOriginal.append(p) }
        copy.schedule(at: .nanoseconds(5000), 100)
        var fromCopy: [Int] = []
        while let (_, p) = copy.pop(notAfter: .max) { fromCopy.append(p) }
        #expect(fromOriginal.count == 100)
        #expect(fromCopy == fromOriginal + [100])
        #expect(q.isEmpty)
    }

    @Test func popRespectsLimit() {
        var q = EventQueue<Int>()
        q.schedule(at: .seconds(5), 5)
        let r8 = q.pop(notAfter: .seconds(4))
        #expect(r8 == nil)
        let r9 = q.peekTime()
        #expect(r9 == .seconds(5))
        let r10 = q.pop(notAfter: .seconds(5))
        #expect(r10?.payload == 5)
    }
}

@Suite struct KernelTests {
    enum Ev { case ping(Int), stop }

    struct Recorder: EventHandler {
        var log: [(SimTime, Int)] = []
        mutating func handle(_ payload: Ev, at time: SimTime, kernel: inout Kernel<Ev>) {
            if case .ping(let n) = payload {
                log.append((time, n))
                if n < 5 { kernel.schedule(after: .milliseconds(100), .ping(n + 1)) }
            }
        }
    }

    @Test func runUntilHorizonStopsAndKeepsLaterEvents() {
        var k = Kernel<Ev>()
        var r = Recorder()
        k.schedule(at: .zero, .ping(0))
        k.run(until: .milliseconds(250), handler: &r)
        #expect(r.log.map(\.1) == [0, 1, 2])
        #expect(k.now == .milliseconds(250))
        #expect(k.queue.count == 1)
        k.run(until: .max, handler: &r)
        #expect(r.log.map(\.1) == [0, 1, 2, 3, 4, 5])
        #expect(r.log.last?.0 == .milliseconds(500))
        #expect(k.eventsProcessed == 6)
    }

    @Test func benchmarkProcessesRequestedEvents() {
        var t = 0.0
        let result = KernelBenchmark.run(events: 10_000, population: 100) { t += 1; return t }
        // The kernel stops after exactly `events` events; the population stays pending.
        #expect(result.events == 10_000)
    }
}

/// The radix heap against a naive reference (a list searched for the least (time, sequence)),
/// on random schedule / cancel / peek / pop-with-limit sequences: same events, same order.
/// Includes the non-monotone case the kernel allows (a pop stopped by a limit after looking
/// at a later event, then an event scheduled between the two) and negative times.
@Suite struct EventQueueReferenceTests {
    struct Reference {
        var pending: [(time: Int64, seq: Int, id: Int)] = []
        mutating func pop(notAfter limit: Int64) -> (Int64, Int)? {
            guard let k = pending.indices.min(by: { (pending[$0].time, pending[$0].seq) < (pending[$1].time, pending[$1].seq) }),
                  pending[k].time <= limit else { return nil }
            let e = pending.remove(at: k)
            return (e.time, e.id)
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8])
    func sameOrderAsTheReference(seed: UInt64) {
        check(seed: seed, spreads: [1, 50, 5_000, 1 << 40])
    }

    /// Dense bursts: many events at one time and just after it, so the heap both sorts small
    /// buckets into its front run and redistributes buckets above its sort limit, and new
    /// events land below the run's largest time.
    @Test(arguments: [11, 12, 13, 14])
    func sameOrderInDenseBursts(seed: UInt64) {
        check(seed: seed, spreads: [1, 1, 4, 100])
    }

    func check(seed: UInt64, spreads spread: [UInt64]) {
        var x: UInt64 = 0x9E37_79B9_7F4A_7C15 &* seed
        func next(_ n: UInt64) -> UInt64 { x ^= x << 13; x ^= x >> 7; x ^= x << 17; return x % n }
        var q = EventQueue<Int>()
        var ref = Reference()
        var handles: [(EventHandle, Int)] = []
        var floor: Int64 = -1_000   // the earliest time the next schedule may use
        var seq = 0, id = 0
        for _ in 0..<6_000 {
            switch next(10) {
            case 0..<5:
                // Mostly near the floor, sometimes at it (ties), sometimes far (high buckets).
                let t = floor + Int64(next(spread[Int(next(4))]))
                handles.append((q.schedule(at: SimTime(nanoseconds: t), id), id))
                ref.pending.append((t, seq, id)); seq += 1; id += 1
            case 5:
                guard !handles.isEmpty else { continue }
                let (h, victim) = handles.remove(at: Int(next(UInt64(handles.count))))
                let wasPending = ref.pending.contains { $0.id == victim }
                #expect(q.cancel(h) == wasPending)
                ref.pending.removeAll { $0.id == victim }
            case 6:
                #expect(q.peekTime()?.nanoseconds == ref.pending.map(\.time).min())
            default:
                // A limit below the next event leaves it (and the heap's view of it) in place;
                // the floor then drops back to the limit, as a kernel's clock does at a horizon.
                let limit = floor + Int64(next(200))
                let a = q.pop(notAfter: SimTime(nanoseconds: limit))
                let b = ref.pop(notAfter: limit)
                #expect(a?.time.nanoseconds == b?.0 && a?.payload == b?.1)
                floor = a?.time.nanoseconds ?? limit
            }
            #expect(q.count == ref.pending.count)
        }
        while let b = ref.pop(notAfter: .max) {
            let a = q.pop(notAfter: .max)
            #expect(a?.time.nanoseconds == b.0 && a?.payload == b.1)
        }
        #expect(q.pop(notAfter: .max) == nil)
    }
}
