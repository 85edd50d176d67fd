import Testing
@testable import FleetModel

/// SplitMix64: a tiny seeded generator, so every case is reproducible from its seed.
struct TestRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    mutating func chance(_ p: Double) -> Bool { unit() < p }
}

/// Max-min fair rates computed from scratch by the textbook loop: every round recomputes every
/// link's fair level and every flow's cap, freezes the flows of the lowest, and starts again.
/// Independent of the allocator's heap, versions and components.
func referenceRates(capacities: [Double], paths: [[Int]], caps: [Double]) -> [Double] {
    let n = paths.count
    var rate = [Double](repeating: 0, count: n)
    var frozen = [Bool](repeating: false, count: n)
    var remaining = n
    while remaining > 0 {
        var best = Double.infinity, bestLink = -1, bestFlow = -1
        for l in capacities.indices where capacities[l].isFinite {
            var weight = 0, frozenLoad = 0.0
            for f in 0..<n {
                let m = paths[f].filter { $0 == l }.count
                if frozen[f] { frozenLoad += Double(m) * rate[f] } else { weight += m }
            }
            guard weight > 0 else { continue }
            let level = Swift.max(0, (capacities[l] - frozenLoad) / Double(weight))
            if level < best { best = level; bestLink = l; bestFlow = -1 }
        }
        for f in 0..<n where !frozen[f] && caps[f] < best {
            best = caps[f]; bestFlow = f; bestLink = -1
        }
        if bestFlow >= 0 {
            rate[bestFlow] = best; frozen[bestFlow] = true; remaining -= 1
        } else if bestLink >= 0 {
            for f in 0..<n where !frozen[f] && paths[f].contains(bestLink) {
                rate[f] = best; frozen[f] = true; remaining -= 1
            }
        } else {
            for f in 0..<n where !frozen[f] { rate[f] = .infinity; frozen[f] = true; remaining -= 1 }
        }
    }
    return rate
}

/// Checks every invariant of the allocation against an allocator, given the ground truth of
/// which flows are active with which path and cap.
struct AllocationChecker {
    var failures: [String] = []

    mutating func fail(_ message: String) { if failures.count < 20 { failures.append(message) } }

    mutating func check(_ net: BandwidthAllocator, context: String) {
        let flows = net.activeFlowIDs
        let paths = flows.map { net.path(of: $0).map(\.index) }
        let caps = flows.map { net.maxRate(of: $0) }
        let rates = flows.map { net.rate(of: $0) }
        let capacities = net.linkIDs.map { net.capacity(of: $0) }

        // Loads: stored == re-summed, and never over capacity (1e-9 relative).
        var load = [Double](repeating: 0, count: capacities.count)
        var maxRateOn = [Double](repeating: 0, count: capacities.count)
        for (k, path) in paths.enumerated() {
            for l in path { load[l] += rates[k]; maxRateOn[l] = Swift.max(maxRateOn[l], rates[k]) }
        }
        for l in capacities.indices {
            if !close(load[l], net.load(of: LinkID(Int32(l)))) {
                fail("\(context): link \(l) load \(net.load(of: LinkID(Int32(l)))) != summed \(load[l])")
            }
            if capacities[l].isFinite && load[l] > capacities[l] * (1 + 1e-9) + 1e-12 {
                fail("\(context): link \(l) over capacity: \(load[l]) > \(capacities[l])")
            }
        }
        // Max-min optimality: each flow is capped, or crosses a saturated link on which no flow
        // gets more than it does.
        for k in flows.indices where rates[k].isFinite {
            if rates[k] >= caps[k] * (1 - 1e-9) { continue }
            let bottlenecked = paths[k].contains { l in
                capacities[l].isFinite
                    && load[l] >= capacities[l] - 1e-9 * Swift.max(1, capacities[l])
                    && rates[k] >= maxRateOn[l] * (1 - 1e-9) - 1e-12
            }
            if !bottlenecked { fail("\(context): \(flows[k]) at \(rates[k]) is neither capped nor bottlenecked") }
        }
        // Incremental == from scratch.
        let reference = referenceRates(capacities: capacities, paths: paths, caps: caps)
        for k in flows.indices where !close(rates[k], reference[k]) {
            fail("\(context): \(flows[k]) rate \(rates[k]) != reference \(reference[k])")
        }
    }

    /// `lastChanges` lists exactly the flows whose rate moved, with the right old and new rates,
    /// sorted by id; every unlisted flow kept its rate bit for bit.
    mutating func checkChanges(_ net: BandwidthAllocator, before: [FlowID: Double], started: FlowID?,
                               context: String) {
        let changes = net.lastChanges
        for (a, b) in zip(changes, changes.dropFirst()) where !(a.flow < b.flow) {
            fail("\(context): changes not sorted by id")
        }
        for change in changes {
            guard net.isActive(change.flow) else { fail("\(context): ended \(change.flow) listed"); continue }
            let old = change.flow == started ? 0 : before[change.flow]
            if old != change.oldBytesPerSecond { fail("\(context): \(change.flow) old rate \(change.oldBytesPerSecond) != \(old ?? -1)") }
            if net.rate(of: change.flow) != change.newBytesPerSecond { fail("\(context): \(change.flow) new rate wrong") }
            if change.oldBytesPerSecond == change.newBytesPerSecond { fail("\(context): \(change.flow) listed unchanged") }
        }
        for flow in net.activeFlowIDs where !changes.contains(where: { $0.flow == flow }) {
            let old = flow == started ? 0 : before[flow]
            if old != net.rate(of: flow) { fail("\(context): \(flow) changed silently \(old ?? -1) -> \(net.rate(of: flow))") }
        }
    }
}

@Suite struct BandwidthAllocatorPropertyTests {
    /// A few hundred random networks, each driven through a random sequence of starts, ends,
    /// capacity and cap changes and clock advances, checked after every operation.
    @Test func randomNetworksStayMaxMinFair() {
        var checker = AllocationChecker()
        for seed in 0..<300 {
            var rng = TestRandom(seed: UInt64(seed))
            var net = BandwidthAllocator()
            let linkCount = 1 + rng.int(10)
            var initiallyInfinite: [Bool] = []
            for _ in 0..<linkCount {
                let capacity: Double
                switch rng.int(10) {
                case 0: capacity = 0
                case 1: capacity = .infinity
                case 2...5: capacity = [10, 20, 50, 100][rng.int(4)]   // ties
                default: capacity = 1 + 999 * rng.unit()
                }
                initiallyInfinite.append(capacity == .infinity)
                net.addLink(capacityBytesPerSecond: capacity)
            }
            // Every flow ever started: its path and, once ended, its bytes.
            var history: [(path: [LinkID], bytes: Double?, id: FlowID)] = []
            func randomCap(_ path: [LinkID]) -> Double {
                let unlimitedPath = path.allSatisfy { initiallyInfinite[$0.index] }
                switch rng.int(6) {
                case 0: return 0
                case 1, 2: return 5 + 95 * rng.unit()
                default: return unlimitedPath ? 30 : .infinity
                }
            }
            let operations = 20 + rng.int(40)
            for op in 0..<operations {
                let context = "seed \(seed) op \(op)"
                let active = net.activeFlowIDs
                var before: [FlowID: Double] = [:]
                for flow in active { before[flow] = net.rate(of: flow) }
                var started: FlowID? = nil
                var rerated = true   // lastChanges describes this operation
                let roll = rng.int(20)
                if roll < 9 || active.isEmpty {
                    let path = (0...rng.int(5)).map { _ in LinkID(Int32(rng.int(linkCount))) }
                    let id = net.startFlow(path: path, maxBytesPerSecond: randomCap(path))
                    started = id
                    history.append((path, nil, id))
                } else if roll < 13 {
                    let flow = active[rng.int(active.count)]
                    let sent = net.endFlow(flow)
                    let k = history.lastIndex { $0.id == flow && $0.bytes == nil }!
                    history[k].bytes = sent
                } else if roll < 16 {
                    let l = rng.int(linkCount)
                    if !initiallyInfinite[l] {
                        let capacity: Double = rng.chance(0.3) ? 0 : (rng.chance(0.5) ? 50 : 1 + 999 * rng.unit())
                        net.setCapacity(capacity, of: LinkID(Int32(l)))
                    } else {
                        rerated = false
                    }
                } else if roll < 18 {
                    let flow = active[rng.int(active.count)]
                    net.setMaxRate(randomCap(net.path(of: flow)), of: flow)
                } else {
                    net.advance(bySeconds: rng.unit())
                    rerated = false
                }
                checker.check(net, context: context)
                if rerated { checker.checkChanges(net, before: before, started: started, context: context) }
            }
            // Bytes sent == bytes received: each link carried, per crossing, what its flows sent.
            net.advance(bySeconds: 1)
            var carried = [Double](repeating: 0, count: linkCount)
            for entry in history {
                let bytes = entry.bytes ?? net.bytesSent(by: entry.id)
                for link in entry.path { carried[link.index] += bytes }
            }
            for l in 0..<linkCount where !close(carried[l], net.bytesCarried(on: LinkID(Int32(l)))) {
                checker.fail("seed \(seed): link \(l) carried \(net.bytesCarried(on: LinkID(Int32(l)))) != sent \(carried[l])")
            }
        }
        #expect(checker.failures.isEmpty, "\(checker.failures.joined(separator: "\n"))")
    }

    /// A fleet-shaped network (NICs, oversubscribed finite uplinks, finite spine) under churn:
    /// one big component, checked against the reference every few operations.
    @Test func fleetChurnMatchesReference() {
        var rng = TestRandom(seed: 42)
        var net = BandwidthAllocator()
        let racks = 6, hostsPerRack = 8, nic = 100.0
        let egress = (0..<racks * hostsPerRack).map { _ in net.addLink(capacityBytesPerSecond: nic) }
        let ingress = (0..<racks * hostsPerRack).map { _ in net.addLink(capacityBytesPerSecond: nic) }
        let up = (0..<racks).map { _ in net.addLink(capacityBytesPerSecond: nic * Double(hostsPerRack) / 4) }
        let down = (0..<racks).map { _ in net.addLink(capacityBytesPerSecond: nic * Double(hostsPerRack) / 4) }
        let spine = net.addLink(capacityBytesPerSecond: 1500)
        var checker = AllocationChecker()
        var active: [FlowID] = []
        for op in 0..<400 {
            if active.count < 120 && (active.isEmpty || rng.chance(0.6)) {
                let src = rng.int(egress.count), dst = rng.int(ingress.count)
                let path = src / hostsPerRack == dst / hostsPerRack
                    ? [egress[src], ingress[dst]]
                    : [egress[src], up[src / hostsPerRack], spine, down[dst / hostsPerRack], ingress[dst]]
                active.append(net.startFlow(path: path, maxBytesPerSecond: rng.chance(0.5) ? 10 + 90 * rng.unit() : .infinity))
            } else {
                let k = rng.int(active.count)
                net.endFlow(active[k])
                active.remove(at: k)
            }
            if op % 7 == 0 { net.setCapacity(rng.chance(0.2) ? 0 : 200 * rng.unit() + 100, of: up[rng.int(racks)]) }
            if op % 5 == 0 { checker.check(net, context: "op \(op)") }
        }
        #expect(checker.failures.isEmpty, "\(checker.failures.joined(separator: "\n"))")
    }
}
