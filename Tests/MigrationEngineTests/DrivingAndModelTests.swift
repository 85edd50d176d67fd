import Testing
import Stochastics
@testable import MigrationEngine

@Suite struct DrivingAndModelTests {
    @Test func rateChangeReschedulesThePassEnd() {
        let p = textbook(memoryBytes: 1 * GiB)
        var c = PrecopyController(parameters: p, guest: .analytic(GuestWorkload(memoryBytes: 1 * GiB)),
                                  startSeconds: 100, linkBytesPerSecond: Bytes.gibibyte)
        #expect(c.nextDecisionSeconds == 100)  // setup takes 0 s here
        c.advance(toSeconds: 100)
        #expect(c.lastDecisions == [.startSending])
        #expect(relErr(c.nextDecisionSeconds, 101) < 1e-12)
        let next = c.rateChanged(atSeconds: 100.5, linkBytesPerSecond: Bytes.gibibyte / 2)
        #expect(relErr(next, 101.5) < 1e-12)
        c.advance(toNanoseconds: EngineTime.nanoseconds(roundingUp: next))
        #expect(c.isFinished)
        #expect(c.outcome?.state == .completed)
        #expect(c.lastDecisions.contains(.sync(pass: 0, dirtyBytes: 0)))
        #expect(c.lastDecisions.last == .finished)
    }

    @Test func observationReportsQueryMigrateFigures() {
        var p = textbook(memoryBytes: 1 * GiB)
        p.autoConverge = AutoConvergeSettings()
        var c = PrecopyController(parameters: p, guest: .analytic(GuestWorkload(memoryBytes: 1 * GiB)),
                                  linkBytesPerSecond: Bytes.gibibyte)
        c.advance(toSeconds: 0.55)
        let o = c.observation
        #expect(relErr(o.bytesSent, 0.55 * Bytes.gibibyte) < 1e-9)
        #expect(o.windowBandwidthBytesPerSecond.map { relErr($0, Bytes.gibibyte) < 1e-9 } == true)
        #expect(o.dirtySyncCount == 1)
        #expect(o.throttlePercent == 0)
    }

    @Test func analyticUniformFollowsExpectedDistinctPages() {
        var m = AnalyticDirtyModel(workload: .uniform(memoryBytes: 1 * GiB, rate: .pagesPerSecond(100_000)))
        m.advance(seconds: 2, runFraction: 0.5)
        let n = Double(GiB / 4096)
        #expect(relErr(m.dirtyPages, n * (1 - exp(-100_000.0 / n))) < 1e-12)
        #expect(relErr(m.sync(), n * (1 - exp(-100_000.0 / n))) < 1e-12)
        #expect(m.dirtyPages == 0)
    }

    @Test func ratesConvertBetweenUnits() {
        #expect(DirtyRate.fractionOfMemoryPerSecond(0.01).bytesPerSecond(memoryBytes: 100 * MiB, pageSizeBytes: 4096)
                == 1 * Bytes.mebibyte)
        #expect(DirtyRate.pagesPerSecond(256).bytesPerSecond(memoryBytes: GiB, pageSizeBytes: 4096) == Bytes.mebibyte)
    }

    @Test func phasesChangeRatesOverTime() {
        let w = GuestWorkload(memoryBytes: 1 * GiB, regions: [DirtyRegion(fractionOfMemory: 1, writeRate: .pagesPerSecond(100),
                                                                          distribution: .distinctUntilFull)],
                              phases: [DirtyPhase(startSeconds: 0, rateMultiplier: 1), DirtyPhase(startSeconds: 1, rateMultiplier: 3)])
        var m = AnalyticDirtyModel(workload: w)
        m.advance(seconds: 2, runFraction: 1)
        #expect(m.dirtyPages == 400)
    }

    @Test func traceReplaysCSVRates() throws {
        let samples = try TraceDirtyModel.parseCSV("seconds,bytes_per_second\n0,4096\n# burst\n1,40960\n")
        #expect(samples.count == 2)
        var m = TraceDirtyModel(samples: samples, memoryBytes: GiB)
        m.advance(seconds: 2, runFraction: 1)
        #expect(m.dirtyPages == 11)
        #expect(throws: TraceDirtyModel.TraceError.self) { try TraceDirtyModel.parseCSV("0,1\nx,y\n") }
    }

    @Test func bitmapModelCountsDistinctPages() {
        let w = GuestWorkload.uniform(memoryBytes: 16 * MiB, rate: .pagesPerSecond(4096))
        var m = BitmapDirtyModel(workload: w, stream: RandomStream(seed: 1))
        m.advance(seconds: 1, runFraction: 1)
        #expect(abs(m.dirtyPages - 4096 * (1 - exp(-1.0))) < 100)  // 4096 writes over 4096 pages
        _ = m.sync()
        #expect(m.dirtyPages == 0)
    }

    // Done when: analytic and bitmap agree on total time and downtime within 2% (mean of 50 seeds).
    @Test(arguments: ["uniform", "hotcold"])
    func analyticAgreesWithBitmap(kind: String) {
        let memory = 256 * MiB
        let b = 256 * Bytes.mebibyte
        var p = textbook(memoryBytes: memory)
        p.downtimeLimitSeconds = 0.05
        let guest = kind == "uniform"
            ? GuestWorkload.uniform(memoryBytes: memory, rate: .bytesPerSecond(0.3 * b))
            : GuestWorkload.hotCold(memoryBytes: memory, hotFraction: 0.1, hotRate: .bytesPerSecond(0.25 * b),
                                    coldRate: .bytesPerSecond(0.05 * b))
        let analytic = MigrationRun.run(parameters: p, guest: .analytic(guest), wire: .fixed(bytesPerSecond: b))
        var total = 0.0, downtime = 0.0
        for seed in 0..<50 {
            let stream = RandomStream(scenarioSeed: UInt64(seed), entity: "vm", purpose: "dirty")
            let o = MigrationRun.run(parameters: p, guest: .bitmap(guest, stream: stream), wire: .fixed(bytesPerSecond: b))
            total += o.totalTimeSeconds / 50
            downtime += o.downtimeSeconds / 50
        }
        #expect(analytic.passes.count >= 2)
        #expect(relErr(total, analytic.totalTimeSeconds) < 0.02)
        #expect(relErr(downtime, analytic.downtimeSeconds) < 0.02)
    }
}

import Foundation
