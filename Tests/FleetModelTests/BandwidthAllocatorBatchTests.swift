import Testing
@testable import FleetModel

/// Deferred re-rating (`defersRerating`, `flushRerating`) against the allocator that re-rates
/// after every operation: the same random operations (flows started and ended, caps and link
/// capacities changed, flows started and ended inside one batch, slots reused), flushed in
/// random batches, give the same rates after every flush and report every flow whose rate
/// moved since the batch opened.
@Suite struct BandwidthAllocatorBatchTests {
    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8])
    func batchedEqualsOneByOne(seed: UInt64) {
        var rng = TestRandom(seed: seed)
        var eager = BandwidthAllocator(), lazy = BandwidthAllocator()
        let hosts = 24, perRack = 6
        var links: [LinkID] = []
        for k in 0..<(2 * hosts + 2 * (hosts / perRack) + 1) {
            let capacity = k < 2 * hosts ? 100.0 : k == 2 * hosts + 2 * (hosts / perRack) ? 700 : 250
            links.append(eager.addLink(capacityBytesPerSecond: capacity))
            _ = lazy.addLink(capacityBytesPerSecond: capacity)
        }
        lazy.defersRerating = true
        func path(_ s: Int, _ d: Int) -> [LinkID] {
            s / perRack == d / perRack ? [links[s], links[hosts + d]]
                : [links[s], links[2 * hosts + s / perRack], links.last!, links[2 * hosts + hosts / perRack + d / perRack], links[hosts + d]]
        }
        var active: [(FlowID, FlowID)] = []
        var before: [FlowID: Double] = [:]
        for op in 0..<600 {
            if before.isEmpty { for (e, _) in active { before[e] = eager.rate(of: e) } }
            if active.count < 60 && (active.isEmpty || rng.chance(0.55)) {
                let p = path(rng.int(hosts), rng.int(hosts)), cap = rng.chance(0.4) ? 5 + 60 * rng.unit() : .infinity
                active.append((eager.startFlow(path: p, maxBytesPerSecond: cap), lazy.startFlow(path: p, maxBytesPerSecond: cap)))
            } else if rng.chance(0.8) {
                let k = rng.int(active.count)
                eager.endFlow(active[k].0); lazy.endFlow(active[k].1)
                before[active[k].0] = nil
                active.remove(at: k)
            } else {
                let k = rng.int(active.count), cap = rng.chance(0.5) ? .infinity : 20 * rng.unit()
                eager.setMaxRate(cap, of: active[k].0); lazy.setMaxRate(cap, of: active[k].1)
            }
            if op % 9 == 0 {
                let l = links[2 * hosts + rng.int(2 * (hosts / perRack))], c = rng.chance(0.2) ? 0 : 100 + 300 * rng.unit()
                eager.setCapacity(c, of: l); lazy.setCapacity(c, of: l)
            }
            // Flush at random points: batches of 1 to ~10 operations.
            guard rng.chance(0.3) else { continue }
            lazy.flushRerating()
            #expect(!lazy.hasPendingRerating)
            let reported = Set(lazy.lastChanges.map(\.flow))
            for (e, l) in active {
                let a = eager.rate(of: e), b = lazy.rate(of: l)
                #expect(a == b || abs(a - b) <= 1e-9 * max(abs(a), abs(b)), "seed \(seed) op \(op): \(a) vs \(b)")
                let old = before[e] ?? 0
                if abs(old - a) > 1e-9 * max(abs(old), abs(a), 1) { #expect(reported.contains(l), "seed \(seed) op \(op): change not reported") }
            }
            before = [:]
        }
    }
}
