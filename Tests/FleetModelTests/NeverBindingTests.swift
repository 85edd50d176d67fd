import Foundation
import Testing
@testable import FleetModel

/// Links that can never bind left out of the components (`BandwidthAllocator+NeverBinding.swift`)
/// against the plain filling of whole components (`reratesIncrementally: false`, the
/// reference): the same random operations on random networks, re-rated one by one or in
/// random batches, must give the same rates bit for bit, the same `lastChanges`, and loads
/// and bytes within rounding.
@Suite struct NeverBindingTests {
    /// A random network: fleet-shaped (NICs, uplinks from far too big to tight, a spine) or
    /// arbitrary links of capacities spread over five decades.
    struct Network {
        var capacities: [Double] = []
        var paths: [[LinkID]] = []   // the paths flows may take
        var mutable: [Int] = []      // links whose capacity the test changes

        init(_ rng: inout TestRandom) {
            if rng.chance(0.6) { fleet(&rng) } else { arbitrary(&rng) }
        }

        mutating func add(_ capacity: Double) -> LinkID {
            capacities.append(capacity)
            return LinkID(Int32(capacities.count - 1))
        }

        mutating func fleet(_ rng: inout TestRandom) {
            let racks = 2 + rng.int(5), perRack = 1 + rng.int(6)
            let nics = (0..<racks * perRack).map { _ in (add(50 + 50 * rng.unit()), add(50 + 50 * rng.unit())) }
            // Uplinks: some never bind, some sit near the sum of their NICs (status flips),
            // some are tight.
            let scale = [1e6, Double(perRack) * 100, Double(perRack) * 40, 30][rng.int(4)]
            let racksUp = (0..<racks).map { _ in (add(scale * (0.5 + rng.unit())), add(scale * (0.5 + rng.unit()))) }
            let spine = add(rng.chance(0.3) ? .infinity : [1e7, 300, 2000][rng.int(3)])
            for s in 0..<nics.count {
                for d in 0..<nics.count where s != d {
                    paths.append(s / perRack == d / perRack ? [nics[s].0, nics[d].1]
                                 : [nics[s].0, racksUp[s / perRack].0, spine, racksUp[d / perRack].1, nics[d].1])
                }
            }
            mutable = (2 * nics.count..<capacities.count).map { $0 }
        }

        mutating func arbitrary(_ rng: inout TestRandom) {
            let links = 2 + rng.int(12)
            for _ in 0..<links {
                _ = add(rng.chance(0.1) ? .infinity : pow(10.0, rng.unit() * 5))
            }
            for _ in 0..<40 {
                paths.append((0...rng.int(4)).map { _ in LinkID(Int32(rng.int(links))) })
            }
            mutable = Array(0..<links)
        }
    }

    @Test(arguments: 0..<100)
    func sameRatesAsTheWholeComponentFilling(seed: Int) {
        var rng = TestRandom(seed: UInt64(seed) &+ 7_000)
        let network = Network(&rng)
        var fast = BandwidthAllocator(), reference = BandwidthAllocator(reratesIncrementally: false)
        for c in network.capacities {
            fast.addLink(capacityBytesPerSecond: c)
            reference.addLink(capacityBytesPerSecond: c)
        }
        let batched = rng.chance(0.5)
        fast.defersRerating = batched
        reference.defersRerating = batched
        var active: [FlowID] = []
        var failures: [String] = []
        func cap() -> Double {
            switch rng.int(5) {
            case 0: return 0
            case 1, 2: return 1 + 99 * rng.unit()
            default: return .infinity
            }
        }
        for op in 0..<500 {
            let roll = rng.int(20)
            if active.isEmpty || (roll < 9 && active.count < 80) {
                let path = network.paths[rng.int(network.paths.count)], c = cap()
                let a = fast.startFlow(path: path, maxBytesPerSecond: c)
                let b = reference.startFlow(path: path, maxBytesPerSecond: c)
                if a != b { failures.append("op \(op): ids \(a) vs \(b)") }
                active.append(a)
            } else if roll < 14 {
                let k = rng.int(active.count)
                let a = fast.endFlow(active[k]), b = reference.endFlow(active[k])
                if a != b { failures.append("op \(op): bytes sent \(a) vs \(b)") }
                active.remove(at: k)
            } else if roll < 17 {
                let flow = active[rng.int(active.count)], c = cap()
                fast.setMaxRate(c, of: flow)
                reference.setMaxRate(c, of: flow)
            } else if roll < 19 {
                let l = LinkID(Int32(network.mutable[rng.int(network.mutable.count)]))
                let c = rng.chance(0.15) ? 0 : network.capacities[l.index] * pow(10.0, 2 * rng.unit() - 1)
                fast.setCapacity(c, of: l)
                reference.setCapacity(c, of: l)
            } else if !fast.hasPendingRerating {
                let dt = rng.unit()
                fast.advance(bySeconds: dt)
                reference.advance(bySeconds: dt)
            }
            if batched && rng.chance(0.3) {
                fast.flushRerating()
                reference.flushRerating()
            }
            guard !fast.hasPendingRerating else { continue }
            compare(fast, reference, active: active, context: "seed \(seed) op \(op)", into: &failures)
            if failures.count > 10 { break }
        }
        #expect(failures.isEmpty, "\(failures.prefix(10).joined(separator: "\n"))")
    }

    func compare(_ fast: BandwidthAllocator, _ reference: BandwidthAllocator, active: [FlowID], context: String,
                 into failures: inout [String]) {
        for flow in active where fast.rate(of: flow).bitPattern != reference.rate(of: flow).bitPattern {
            failures.append("\(context): \(flow) rate \(fast.rate(of: flow)) != reference \(reference.rate(of: flow))")
        }
        let a = fast.lastChanges, b = reference.lastChanges
        let same = a.count == b.count && zip(a, b).allSatisfy {
            $0.flow == $1.flow && $0.oldBytesPerSecond.bitPattern == $1.oldBytesPerSecond.bitPattern
                && $0.newBytesPerSecond.bitPattern == $1.newBytesPerSecond.bitPattern
        }
        if !same { failures.append("\(context): lastChanges \(a.count) vs \(b.count) entries differ") }
        for flow in active where fast.bytesSent(by: flow).bitPattern != reference.bytesSent(by: flow).bitPattern {
            failures.append("\(context): \(flow) bytes sent differ")
        }
        for link in fast.linkIDs {
            if !close(fast.load(of: link), reference.load(of: link)) {
                failures.append("\(context): \(link) load \(fast.load(of: link)) vs \(reference.load(of: link))")
            }
            if !close(fast.bytesCarried(on: link), reference.bytesCarried(on: link)) {
                failures.append("\(context): \(link) bytes \(fast.bytesCarried(on: link)) vs \(reference.bytesCarried(on: link))")
            }
        }
    }

    /// The bench layout: 100 Tbit/s uplinks over 10 Gbit/s NICs never bind, so a flow's
    /// change re-rates the flows sharing its NICs, not the fleet.
    @Test func hugeUplinksDoNotJoinTheFleet() {
        var net = BandwidthAllocator()
        let nic = 1.25e9, racks = 10, perRack = 40
        let out = (0..<racks * perRack).map { _ in net.addLink(capacityBytesPerSecond: nic) }
        let inn = (0..<racks * perRack).map { _ in net.addLink(capacityBytesPerSecond: nic) }
        let up = (0..<racks).map { _ in net.addLink(capacityBytesPerSecond: 1.25e13) }
        let down = (0..<racks).map { _ in net.addLink(capacityBytesPerSecond: 1.25e13) }
        for h in 0..<(racks * perRack / 2) {
            let d = racks * perRack / 2 + h
            net.startFlow(path: [out[h], up[h / perRack], down[d / perRack], inn[d]])
        }
        let last = net.startFlow(path: [out[0], up[0], down[racks - 1], inn[racks * perRack - 1]])
        #expect(net.lastRecomputedFlowCount == 3)   // itself, host 0's flow, and the flow into the last host
        #expect(net.rate(of: last) == nic / 2)
    }
}
