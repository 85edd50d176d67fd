import Testing
@testable import FleetModel

/// The fill events' two heaps (`FillEventQueue`: caps and links apart, merged at pop) against
/// a reference: the order `FillEvent.precedes` gives (a sort), and the single heap the filling
/// used before. Levels are drawn from a few values so that ties (same level, caps before
/// links, then by index) are frequent, and links go back in at a higher level as in `fill`.
@Suite struct FillEventHeapTests {
    static let levels: [Double] = [0, 0, 1, 1, 2.5, 2.5, 7, 1e9, .infinity]

    static func randomEvents(_ rng: inout TestRandom) -> [FillEvent] {
        let flows = rng.int(60), links = rng.int(12)
        var events: [FillEvent] = []
        for f in 0..<flows where rng.chance(0.8) {
            events.append(FillEvent(value: levels[rng.int(levels.count - 1)], index: Int32(f), isLink: false))
        }
        for l in 0..<links {
            events.append(FillEvent(value: levels[rng.int(levels.count)], index: Int32(l), isLink: true))
        }
        // Shuffled, as the component's order is not the fill order.
        for i in events.indices.reversed() where i > 0 { events.swapAt(i, rng.int(i + 1)) }
        return events
    }

    static func same(_ a: FillEvent?, _ b: FillEvent?) -> Bool {
        a?.levelBits == b?.levelBits && a?.tag == b?.tag
    }

    @Test func popsInSortedOrder() {
        for seed in 0..<300 {
            var rng = TestRandom(seed: UInt64(seed))
            let events = Self.randomEvents(&rng)
            var queue = FillEventQueue()
            for e in events { queue.append(e) }
            queue.heapify()
            #expect(queue.count == events.count)
            for expected in events.sorted(by: FillEvent.precedes) {
                let got = queue.popMin()
                #expect(Self.same(got, expected), "seed \(seed)")
            }
            #expect(queue.popMin() == nil)
            #expect(queue.isEmpty)
        }
    }

    /// Pops and pushes as `fill` does them (a link popped stale goes back at a higher level;
    /// some pushed straight after heapify, before any pop): the same sequence as one heap of
    /// everything, and as the least of the pending events each time.
    @Test func matchesOneHeapWithPushes() {
        for seed in 0..<300 {
            var rng = TestRandom(seed: UInt64(1000 + seed))
            let events = Self.randomEvents(&rng)
            var queue = FillEventQueue(), single = FillEventHeap()
            var pending = events
            for e in events { queue.append(e); single.append(e) }
            queue.heapify(); single.heapify()
            var steps = 0
            while true {
                steps += 1
                let got = queue.popMin(), reference = single.popMin()
                #expect(Self.same(got, reference), "seed \(seed), step \(steps)")
                guard let event = got else { break }
                let least = pending.indices.min { FillEvent.precedes(pending[$0], pending[$1]) }!
                #expect(Self.same(event, pending[least]), "seed \(seed), step \(steps)")
                pending.remove(at: least)
                if event.isLink && event.value.isFinite && rng.chance(0.5) {
                    let risen = FillEvent(value: event.value + Self.levels[rng.int(4)], index: event.index, isLink: true)
                    queue.push(risen); single.push(risen); pending.append(risen)
                }
            }
            #expect(pending.isEmpty)
        }
    }
}
