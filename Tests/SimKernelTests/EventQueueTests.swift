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

@Suite struct BinaryHeapTests {
    /// Heap order against a sort, with duplicates, on a deterministic pseudo-random sequence.
    @Test func popsInSortedOrder() {
        var heap = BinaryHeap<Int>()
        var x: UInt64 = 88172645463325252
        var values: [Int] = []
        for _ in 0..<5_000 {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17
            let v = Int(x % 1_000)
            values.append(v)
            heap.insert(v)
        }
        var popped: [Int] = []
        while let v = heap.removeMin() { popped.append(v) }
        #expect(popped == values.sorted())
        #expect(heap.isEmpty)
    }
}
