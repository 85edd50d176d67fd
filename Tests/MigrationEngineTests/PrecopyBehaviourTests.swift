import Testing
@testable import MigrationEngine

@Suite struct PrecopyBehaviourTests {
    // Done when: zero dirty rate -> total = memory / rate (+ setup), downtime = device + overhead.
    @Test func zeroDirtyRateUncappedIsMemoryOverRate() {
        var p = MigrationParameters(memoryBytes: 4 * GiB, preset: .libvirt)
        p.precopyLoop = .perPass  // the closed form of the per-pass model (the qemu loop: QemuLoopTests)
        p.pageHeaderBytes = 0
        let rate = Bytes.bytesPerSecond(gigabitsPerSecond: 10)
        let o = MigrationRun.run(parameters: p, guest: .analytic(GuestWorkload(memoryBytes: 4 * GiB)),
                                 wire: .fixed(bytesPerSecond: rate))
        #expect(o.state == .completed)
        #expect(o.reason == .precopy)
        let expectedDowntime = Double(p.deviceStateBytes) / rate + p.switchoverOverheadSeconds
        #expect(relErr(o.downtimeSeconds, expectedDowntime) < 1e-9)
        let memoryTime = Double(4 * GiB) / rate
        #expect(relErr(o.totalTimeSeconds - o.downtimeSeconds, memoryTime + p.setupSeconds) < 0.001)
        #expect(o.passes.count == 1)
        #expect(o.dirtySyncCount == 2)
    }

    @Test func zeroDirtyRateUnderQemuCapIsMemoryOverCap() {
        var p = MigrationParameters(memoryBytes: 16 * GiB, preset: .qemu)
        p.precopyLoop = .perPass  // the closed form of the per-pass model
        p.pageHeaderBytes = 0
        let o = MigrationRun.run(parameters: p, guest: .analytic(GuestWorkload(memoryBytes: 16 * GiB)),
                                 wire: .fixed(bytesPerSecond: Bytes.bytesPerSecond(gigabitsPerSecond: 10)))
        let memoryTime = Double(16 * GiB) / (128 * Bytes.mebibyte)
        #expect(relErr(o.totalTimeSeconds - o.downtimeSeconds, memoryTime + p.setupSeconds) < 0.001)
        // Headers: 8 bytes per 4 KiB page are on the wire too.
        var q = p; q.pageHeaderBytes = 8
        let o2 = MigrationRun.run(parameters: q, guest: .analytic(GuestWorkload(memoryBytes: 16 * GiB)),
                                  wire: .fixed(bytesPerSecond: Bytes.bytesPerSecond(gigabitsPerSecond: 10)))
        let wire = Double(16 * GiB) * (1 + 8.0 / 4096) + Double(q.deviceStateBytes)
        #expect(relErr(o2.bytesSent, wire) < 1e-9)
    }

    // Done when: V_i = V_0 (D/B)^i and closed-form total time / downtime within 1%.
    @Test(arguments: [0.1, 0.3, 0.5, 0.7, 0.9])
    func geometricPassesMatchClosedForm(ratio: Double) {
        let memory = 8 * GiB
        let b = Bytes.gibibyte  // 1 GiB/s, uncapped
        let p = textbook(memoryBytes: memory)
        let guest = GuestWorkload.uniform(memoryBytes: memory, rate: .bytesPerSecond(ratio * b),
                                          distribution: .distinctUntilFull)
        let o = MigrationRun.run(parameters: p, guest: .analytic(guest), wire: .fixed(bytesPerSecond: b))
        // Closed form.
        var v = Double(memory)
        var total = 0.0
        var volumes: [Double] = []
        while !(v < b * p.downtimeLimitSeconds) {
            volumes.append(v); total += v / b; v *= ratio
        }
        let downtime = v / b
        total += downtime
        #expect(o.state == .completed)
        #expect(o.passes.count == volumes.count)
        for (i, pass) in o.passes.enumerated() {
            #expect(relErr(pass.bytesSent, Double(memory) * pow(ratio, Double(i))) < 1e-6)
            #expect(relErr(pass.dirtyBytesAtSync, Double(memory) * pow(ratio, Double(i + 1))) < 1e-6)
        }
        #expect(relErr(o.totalTimeSeconds, total) < 0.01)
        #expect(relErr(o.downtimeSeconds, downtime) < 0.01)
    }

    // Mechanism: each 100 ms window's quota goes out in a burst at link speed.
    @Test func cappedWindowsBurstAtLinkSpeed() {
        var p = textbook(memoryBytes: 64 * MiB)
        p.maxBandwidthBytesPerSecond = 128 * Bytes.mebibyte
        let link = Bytes.bytesPerSecond(gigabitsPerSecond: 10)
        let o = MigrationRun.run(parameters: p, guest: .analytic(GuestWorkload(memoryBytes: 64 * MiB)),
                                 wire: .fixed(bytesPerSecond: link))
        // 64 MiB = 5 quotas of 12.8 MiB: four full windows, then a burst of 12.8 MiB at link speed.
        let expected = 0.4 + 12.8 * Bytes.mebibyte / link
        #expect(relErr(o.passes[0].durationSeconds, expected) < 1e-9)
        #expect(o.passes[0].bandwidthEstimateBytesPerSecond == 128 * Bytes.mebibyte)
    }

    // Mechanism: threshold is 0 until the first window closes.
    @Test func thresholdIsZeroBeforeFirstWindowCloses() {
        let p = textbook(memoryBytes: 1 * MiB)
        let guest = GuestWorkload.uniform(memoryBytes: 1 * MiB, rate: .pagesPerSecond(1000))
        let o = MigrationRun.run(parameters: p, guest: .analytic(guest), wire: .fixed(bytesPerSecond: Bytes.gibibyte))
        #expect(o.passes[0].bandwidthEstimateBytesPerSecond == 0)
        #expect(o.passes[0].dirtyBytesAtSync > 0)  // would have fitted any positive threshold
        #expect(o.passes.count > 1)
        #expect(o.state == .completed)
    }

    // Mechanism: zero pages cost a scan, and only a header on the wire.
    @Test func zeroPagesAreScannedAndCheapOnTheWire() {
        var p = textbook(memoryBytes: 1 * GiB)
        p.zeroPageFraction = 0.5
        p.zeroScanBytesPerSecond = Bytes.gibibyte
        let o = MigrationRun.run(parameters: p, guest: .analytic(GuestWorkload(memoryBytes: 1 * GiB)),
                                 wire: .fixed(bytesPerSecond: Bytes.gibibyte))
        let zeroPages = Double(GiB / 4096) / 2
        let wire = 0.5 * Bytes.gibibyte + zeroPages * 9
        #expect(relErr(o.passes[0].bytesSent, wire) < 1e-9)
        #expect(relErr(o.passes[0].durationSeconds, wire / Bytes.gibibyte + 0.5) < 1e-9)
    }

    // Mechanism: the final stop-and-copy runs at link speed, not at max-bandwidth.
    @Test func finalCopyRunsAtLinkSpeed() {
        var p = MigrationParameters(memoryBytes: 2 * GiB, preset: .qemu)
        p.precopyLoop = .perPass  // final set = the last pass's dirty set only in the per-pass model
        p.downtimeLimitSeconds = 2  // a large final set so the difference shows
        let link = Bytes.bytesPerSecond(gigabitsPerSecond: 10)
        let guest = GuestWorkload.uniform(memoryBytes: 2 * GiB, rate: .bytesPerSecond(60 * Bytes.mebibyte))
        let o = MigrationRun.run(parameters: p, guest: .analytic(guest), wire: .fixed(bytesPerSecond: link))
        let final = o.passes.last!.dirtyBytesAtSync
        #expect(final > 0)
        let expected = (final * (4096 + 8) / 4096 + Double(p.deviceStateBytes)) / link + p.switchoverOverheadSeconds
        #expect(relErr(o.downtimeSeconds, expected) < 1e-9)
        #expect(o.downtimeSeconds < final / (128 * Bytes.mebibyte))
    }

    // Behaviour 3: downtime can exceed the limit (the guest dirties until it stops; the estimate
    // may be higher than the final link rate).
    @Test func downtimeCanExceedTheLimit() {
        var p = textbook(memoryBytes: 1 * GiB)
        p.stopLatencySeconds = 0.2
        let guest = GuestWorkload.uniform(memoryBytes: 1 * GiB, rate: .bytesPerSecond(500 * Bytes.mebibyte),
                                          distribution: .distinctUntilFull)
        let o = MigrationRun.run(parameters: p, guest: .analytic(guest), wire: .fixed(bytesPerSecond: Bytes.gibibyte))
        #expect(o.state == .completed)
        #expect(o.downtimeSeconds > p.downtimeLimitSeconds)
    }

    @Test func hugePagesDirtyWholePages() {
        var p = textbook(memoryBytes: 1 * GiB)
        p.pageSizeBytes = 2 * MiB
        // 10 writes/s land on 2 MiB pages: each write dirties 2 MiB.
        let guest = GuestWorkload.uniform(memoryBytes: 1 * GiB, pageSizeBytes: 2 * MiB, rate: .pagesPerSecond(10),
                                          distribution: .distinctUntilFull)
        let o = MigrationRun.run(parameters: p, guest: .analytic(guest), wire: .fixed(bytesPerSecond: Bytes.gibibyte))
        #expect(relErr(o.passes[0].dirtyBytesAtSync, 10 * 2 * Bytes.mebibyte) < 1e-9)
    }

    @Test func xbzrleShrinksLaterPassesOnly() {
        var p = textbook(memoryBytes: 1 * GiB)
        p.downtimeLimitSeconds = 0.01
        let guest = GuestWorkload.uniform(memoryBytes: 1 * GiB, rate: .bytesPerSecond(300 * Bytes.mebibyte),
                                          distribution: .distinctUntilFull)
        let plain = MigrationRun.run(parameters: p, guest: .analytic(guest), wire: .fixed(bytesPerSecond: Bytes.gibibyte))
        var x = XbzrleSettings(); x.cacheBytes = 1e12; x.hitRatio = 1; x.encodedFraction = 0.25
        p.xbzrle = x
        let comp = MigrationRun.run(parameters: p, guest: .analytic(guest), wire: .fixed(bytesPerSecond: Bytes.gibibyte))
        #expect(comp.passes[0].bytesSent == plain.passes[0].bytesSent)
        #expect(relErr(comp.passes[1].bytesSent, plain.passes[1].bytesSent * 0.25) < 1e-9)
        // The 64 MiB default cache limits the hit ratio of a 300 MiB pass.
        #expect(XbzrleSettings().effectiveHitRatio(passBytes: 256 * Bytes.mebibyte) == 0.25)
    }

    @Test func multifdChannelsAggregatePerStreamCaps() {
        var p = textbook(memoryBytes: 1 * GiB)
        p.streams = StreamSettings(channels: 1, perChannelBytesPerSecond: 1e9)
        let fast = Bytes.bytesPerSecond(gigabitsPerSecond: 100)
        let one = MigrationRun.run(parameters: p, guest: .analytic(GuestWorkload(memoryBytes: 1 * GiB)), wire: .fixed(bytesPerSecond: fast))
        p.streams.channels = 4
        let four = MigrationRun.run(parameters: p, guest: .analytic(GuestWorkload(memoryBytes: 1 * GiB)), wire: .fixed(bytesPerSecond: fast))
        #expect(relErr(one.passes[0].durationSeconds, Bytes.gibibyte / 1e9) < 1e-9)
        #expect(relErr(four.passes[0].durationSeconds, Bytes.gibibyte / 4e9) < 1e-9)
    }
}

import Foundation
