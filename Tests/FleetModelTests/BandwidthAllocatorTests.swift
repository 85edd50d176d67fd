import Testing
@testable import FleetModel

/// |a - b| <= 1e-9 relative (or absolute near 0).
func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
    if a == b { return true }
    return abs(a - b) <= tolerance * Swift.max(1, abs(a), abs(b))
}

@Suite struct BandwidthAllocatorTests {
    @Test func twoFlowsShareALinkAndTheSurvivorGetsItAll() {
        var net = BandwidthAllocator()
        let link = net.addLink(capacityBytesPerSecond: 100)
        let a = net.startFlow(path: [link])
        #expect(net.rate(of: a) == 100)
        #expect(net.lastChanges == [RateChange(flow: a, oldBytesPerSecond: 0, newBytesPerSecond: 100)])
        let b = net.startFlow(path: [link])
        #expect(net.rate(of: a) == 50)
        #expect(net.rate(of: b) == 50)
        #expect(net.lastChanges == [RateChange(flow: a, oldBytesPerSecond: 100, newBytesPerSecond: 50),
                                    RateChange(flow: b, oldBytesPerSecond: 0, newBytesPerSecond: 50)])
        net.endFlow(a)
        #expect(net.rate(of: b) == 100)
        #expect(net.lastChanges == [RateChange(flow: b, oldBytesPerSecond: 50, newBytesPerSecond: 100)])
        #expect(!net.isActive(a))
        #expect(net.activeFlowCount == 1)
    }

    /// Uplink U (90) carries A, B, C; C also crosses NIC N (40) with D. By hand: N saturates
    /// first, at 40 / 2 = 20 (C = D = 20); U then has 90 - 20 = 70 for A and B, 35 each. Every
    /// other link (the flows' own NICs, 100) is idle enough.
    @Test func bottleneckUplinkAndSharedNIC() {
        var net = BandwidthAllocator()
        let uplink = net.addLink(capacityBytesPerSecond: 90)
        let nic = net.addLink(capacityBytesPerSecond: 40)
        let own = (0..<4).map { _ in net.addLink(capacityBytesPerSecond: 100) }
        let a = net.startFlow(path: [own[0], uplink])
        let b = net.startFlow(path: [own[1], uplink])
        let c = net.startFlow(path: [own[2], uplink, nic])
        let d = net.startFlow(path: [nic, own[3]])
        #expect(net.rate(of: c) == 20)
        #expect(net.rate(of: d) == 20)
        #expect(net.rate(of: a) == 35)
        #expect(net.rate(of: b) == 35)
        #expect(net.load(of: uplink) == 90)
        #expect(net.load(of: nic) == 40)
        #expect(net.utilisation(of: uplink) == 1)
        #expect(net.utilisation(of: own[0]) == 0.35)
        // D leaves: C is limited by U alone, 90 / 3 = 30 each.
        net.endFlow(d)
        #expect(net.rate(of: a) == 30 && net.rate(of: b) == 30 && net.rate(of: c) == 30)
        #expect(net.lastChanges.map(\.flow) == [a, b, c])
    }

    @Test func capsAreRespectedAndTheLeftoverRedistributed() {
        var net = BandwidthAllocator()
        let link = net.addLink(capacityBytesPerSecond: 100)
        let capped = net.startFlow(path: [link], maxBytesPerSecond: 10)
        let b = net.startFlow(path: [link])
        let c = net.startFlow(path: [link])
        #expect(net.rate(of: capped) == 10)
        #expect(net.rate(of: b) == 45)
        #expect(net.rate(of: c) == 45)
        // A cap above the fair share does not bind.
        let d = net.startFlow(path: [link], maxBytesPerSecond: 60)
        #expect(net.rate(of: capped) == 10)
        #expect(net.rate(of: d) == 30 && net.rate(of: b) == 30 && net.rate(of: c) == 30)
        // Lifting the cap (stop-and-copy at link speed) re-rates everyone.
        net.setMaxRate(.infinity, of: capped)
        #expect([capped, b, c, d].allSatisfy { net.rate(of: $0) == 25 })
        net.setMaxRate(0, of: capped)
        #expect(net.rate(of: capped) == 0)
        #expect(close(net.rate(of: b), 100.0 / 3))
        #expect(net.maxRate(of: capped) == 0)
    }

    @Test func capacityCutDegradedAndRestored() {
        var net = BandwidthAllocator()
        let link = net.addLink(capacityBytesPerSecond: 100)
        let nic = net.addLink(capacityBytesPerSecond: 1000)
        let a = net.startFlow(path: [nic, link])
        let b = net.startFlow(path: [link])
        net.advance(toSeconds: 1)
        net.setCapacity(0, of: link)
        #expect(net.rate(of: a) == 0 && net.rate(of: b) == 0)
        #expect(net.lastChanges.map(\.flow) == [a, b])
        #expect(net.utilisation(of: link) == 0)
        net.advance(toSeconds: 2)
        net.setCapacity(10, of: link)
        #expect(net.rate(of: a) == 5 && net.rate(of: b) == 5)
        net.advance(toSeconds: 3)
        net.setCapacity(100, of: link)
        #expect(net.rate(of: a) == 50 && net.rate(of: b) == 50)
        net.setCapacity(100, of: link)
        #expect(net.lastChanges.isEmpty, "no change, no re-rate")
        net.advance(toSeconds: 4)
        // 50 + 0 + 5 + 50 per flow; the link carried both, the NIC only a.
        #expect(net.bytesSent(by: a) == 105)
        #expect(net.bytesSent(by: b) == 105)
        #expect(net.bytesCarried(on: link) == 210)
        #expect(net.bytesCarried(on: nic) == 105)
        #expect(net.capacity(of: link) == 100)
    }

    /// LXD relay: the client's link carries the flow in and out again.
    @Test func relayCrossingALinkTwiceUsesItTwice() {
        var net = BandwidthAllocator()
        let source = net.addLink(capacityBytesPerSecond: 1000)
        let client = net.addLink(capacityBytesPerSecond: 100)
        let target = net.addLink(capacityBytesPerSecond: 1000)
        let relay = net.startFlow(path: [source, client, client, target])
        #expect(net.rate(of: relay) == 50)
        #expect(net.load(of: client) == 100)
        #expect(net.activeFlowCount(on: client) == 1)
        // A second flow crossing the client link once: levels rise together, 2r + r = 100.
        let other = net.startFlow(path: [client])
        #expect(close(net.rate(of: relay), 100.0 / 3))
        #expect(close(net.rate(of: other), 100.0 / 3))
        #expect(close(net.load(of: client), 100))
        net.advance(toSeconds: 3)
        let sent = net.endFlow(relay)
        #expect(close(sent, 100))
        #expect(close(net.bytesCarried(on: client), 2 * sent + net.bytesSent(by: other)))
        #expect(close(net.bytesCarried(on: source), sent))
        #expect(net.rate(of: other) == 100)
        #expect(net.path(of: other) == [client])
    }

    /// Two racks meet at a non-blocking spine: a change in one rack never re-rates the other.
    @Test func onlyTheAffectedComponentIsRecomputed() {
        var net = BandwidthAllocator()
        let spine = net.addLink(capacityBytesPerSecond: .infinity)
        let uplinks = [net.addLink(capacityBytesPerSecond: 100), net.addLink(capacityBytesPerSecond: 100)]
        let nics = (0..<8).map { _ in net.addLink(capacityBytesPerSecond: 60) }
        // Hosts 0-3 in rack 0, 4-7 in rack 1; flows leave their rack through the spine.
        var rack0: [FlowID] = [], rack1: [FlowID] = []
        for h in 0..<3 { rack0.append(net.startFlow(path: [nics[h], uplinks[0], spine])) }
        for h in 4..<7 { rack1.append(net.startFlow(path: [nics[h], uplinks[1], spine])) }
        let rack1Rates = rack1.map { net.rate(of: $0) }

        let extra = net.startFlow(path: [nics[3], uplinks[0], spine])
        #expect(net.lastRecomputedFlowCount == 4)
        #expect(net.lastChanges.allSatisfy { rack0.contains($0.flow) || $0.flow == extra })
        #expect(net.lastChanges.count == 4)
        net.setCapacity(50, of: uplinks[0])
        #expect(net.lastRecomputedFlowCount == 4)
        #expect(net.lastChanges.allSatisfy { rack0.contains($0.flow) || $0.flow == extra })
        net.endFlow(rack0[0])
        #expect(net.lastRecomputedFlowCount == 3)
        #expect(net.lastChanges.allSatisfy { rack0.contains($0.flow) || $0.flow == extra })
        #expect(rack1.map { net.rate(of: $0) } == rack1Rates)
        // The spine is accounted even though it constrains nobody.
        #expect(net.activeFlowCount(on: spine) == 6)
        #expect(close(net.load(of: spine), 50 + 100))
        #expect(net.utilisation(of: spine) == 0)

        // A host pair in rack 1 with its own NICs: a component of its own.
        let local = net.startFlow(path: [nics[7], nics[6]])
        // ... but nics[6] is shared with a rack-1 flow, which shares uplink 1 with the others.
        #expect(net.lastRecomputedFlowCount == 4)
        #expect(net.lastChanges.allSatisfy { rack1.contains($0.flow) || $0.flow == local })
        // By hand: nics[6] (60) saturates first at 30 (local, rack1[2]); uplink 1 gives the
        // other two (100 - 30) / 2 = 35.
        #expect(net.rate(of: local) == 30 && net.rate(of: rack1[2]) == 30)
        #expect(net.rate(of: rack1[0]) == 35 && net.rate(of: rack1[1]) == 35)
        #expect(rack0.dropFirst().allSatisfy { close(net.rate(of: $0), 50.0 / 3) })
    }

    @Test func linkAccountingCountsPeaksAndBytesPerCrossing() {
        var net = BandwidthAllocator()
        let link = net.addLink(capacityBytesPerSecond: 100)
        let other = net.addLink(capacityBytesPerSecond: 30)
        let a = net.startFlow(path: [link, other])
        let b = net.startFlow(path: [link])
        let c = net.startFlow(path: [link, link], maxBytesPerSecond: 5)
        #expect(net.activeFlowCount(on: link) == 3)
        #expect(net.peakFlowCount(on: link) == 3)
        // c: 5 (capped), crossing twice = 10; a: 30 (other); b: 100 - 10 - 30 = 60.
        #expect(net.rate(of: a) == 30 && net.rate(of: b) == 60 && net.rate(of: c) == 5)
        net.advance(bySeconds: 2)
        let sentB = net.endFlow(b)
        #expect(sentB == 120)
        #expect(net.activeFlowCount(on: link) == 2)
        #expect(net.peakFlowCount(on: link) == 3)
        #expect(net.rate(of: a) == 30)
        net.advance(bySeconds: 1)
        let snapshot = net.link(link)
        #expect(snapshot.activeFlowCount == 2 && snapshot.peakFlowCount == 3)
        #expect(snapshot.loadBytesPerSecond == 40)
        #expect(snapshot.utilisation == 0.4)
        // a: 90 bytes; c: 15 bytes, twice; b: 120 bytes.
        #expect(snapshot.bytesCarried == 90 + 2 * 15 + 120)
        let flow = net.flow(c)
        #expect(flow.path == [link, link] && flow.bytesSent == 15 && flow.maxBytesPerSecond == 5)
        #expect(net.flows(on: link) == [a, c])
        // Ended ids are recycled.
        let d = net.startFlow(path: [other])
        #expect(d == b)
        #expect(net.bytesSent(by: d) == 0)
        #expect(net.activeFlowIDs == [a, b, c])
    }

    @Test func unlimitedFlowOverUnlimitedLinks() {
        var net = BandwidthAllocator()
        let free = net.addLink(capacityBytesPerSecond: .infinity)
        let f = net.startFlow(path: [free])
        #expect(net.rate(of: f) == .infinity)
        let g = net.startFlow(path: [free], maxBytesPerSecond: 7)
        #expect(net.rate(of: g) == 7)
        #expect(net.lastRecomputedFlowCount == 1)
        net.setCapacity(10, of: free)
        #expect(net.rate(of: f) == 5 && net.rate(of: g) == 5)
        #expect(net.load(of: free) == 10)
    }

    /// Many flows with awkward caps on one bottleneck: the shares add up to the capacity, not
    /// beyond it (1e-9 relative), whatever the order flows froze in.
    @Test func bottleneckSharesSumToCapacity() {
        var net = BandwidthAllocator()
        let capacity = 12.5e9 / 3
        let bottleneck = net.addLink(capacityBytesPerSecond: capacity)
        var rng = TestRandom(seed: 7)
        var flows: [FlowID] = []
        for _ in 0..<997 {
            let cap = rng.chance(0.5) ? capacity / Double(1 + rng.int(5000)) : .infinity
            flows.append(net.startFlow(path: [bottleneck], maxBytesPerSecond: cap))
        }
        for _ in 0..<300 {
            let k = rng.int(flows.count)
            net.endFlow(flows.remove(at: k))
            flows.append(net.startFlow(path: [bottleneck, bottleneck], maxBytesPerSecond: capacity / Double(1 + rng.int(3000))))
            var sum = 0.0
            for flow in flows { sum += Double(net.path(of: flow).count) * net.rate(of: flow) }
            #expect(sum <= capacity * (1 + 1e-9))
            #expect(abs(sum - capacity) <= 1e-9 * capacity)
            #expect(close(net.load(of: bottleneck), sum, 1e-12))
        }
    }

    @Test func benchmarkRunsAndCounts() {
        let result = NetworkBenchmark.run(racks: 4, hostsPerRack: 4, concurrentFlows: 20, churn: 50,
                                          clock: { 0 })
        #expect(result.operations == 100)
        #expect(result.rateChanges > 0)
        #expect(result.recomputedFlows >= result.rateChanges)
    }
}
