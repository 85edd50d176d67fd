import Foundation
import Testing
@testable import SimKernel
@testable import FleetBench
import FleetSimulation

/// The benches' logic and figures, with a fake clock: nothing here is timed.
@Suite struct BenchFiguresTests {
    /// A clock that moves `step` seconds at every reading.
    final class SteppingClock {
        var now = 0.0
        let step: Double
        init(step: Double) { self.step = step }
        func read() -> Double { now += step; return now }
    }

    @Test func medianOfOddAndEvenCounts() {
        #expect(median([3, 1, 2]) == 2)
        #expect(median([4, 1, 3, 2]) == 2.5)
        #expect(median([7]) == 7)
    }

    @Test func kernelBenchProcessesTheEventsAskedForAndPrintsOneLinePerRun() {
        let clock = SteppingClock(step: 0.5)
        var lines: [String] = []
        let results = KernelBench.run(events: 1_000, population: 10, runs: 3, clock: clock.read) { lines.append($0) }
        #expect(results.map(\.events) == [1_000, 1_000, 1_000])
        #expect(lines == [
            "run 1: 1000 events in 0.500 s = 2000 events/s",
            "run 2: 1000 events in 0.500 s = 2000 events/s",
            "run 3: 1000 events in 0.500 s = 2000 events/s",
            "kernel: median 2000 events/s over 3 runs (population 10)",
        ])
    }

    @Test func kernelBenchRunsAtLeastOnce() {
        let clock = SteppingClock(step: 1)
        var lines: [String] = []
        KernelBench.run(events: 50, population: 5, runs: 0, clock: clock.read) { lines.append($0) }
        #expect(lines.count == 2)
        #expect(lines.last == "kernel: median 50 events/s over 1 runs (population 5)")
    }

    @Test func kernelSummaryIsTheMedianRate() {
        let results = [KernelBenchmark.Result(events: 100, seconds: 1),
                        KernelBenchmark.Result(events: 100, seconds: 4),
                        KernelBenchmark.Result(events: 100, seconds: 2)]
        #expect(KernelBench.summaryLine(results, population: 7) == "kernel: median 50 events/s over 3 runs (population 7)")
    }

    @Test func campaignLines() {
        let runs = [CampaignBench.Run(wallSeconds: 2, events: 1_000), CampaignBench.Run(wallSeconds: 1.5, events: 1_000),
                    CampaignBench.Run(wallSeconds: 3, events: 1_000)]
        #expect(CampaignBench.runLine(2, runs[1]) == "run 2: 1.500 s, 1000 events")
        #expect(CampaignBench.summaryLine(scenario: "s.yaml", runs: runs, hosts: 4, instances: 9)
                == "campaign s.yaml: median 2.000 s per replication over 3 runs, 500 events/s (4 hosts, 9 instances)")
    }

    @Test func scenarioRowTakesMediansPerPartAndSumsThem() {
        let runs = [
            ScenarioBench.Run(buildSeconds: 0.1, simulationSeconds: 2, reportSeconds: 0.3, events: 4_000, instances: 100),
            ScenarioBench.Run(buildSeconds: 0.3, simulationSeconds: 1, reportSeconds: 0.2, events: 4_000, instances: 100),
            ScenarioBench.Run(buildSeconds: 0.2, simulationSeconds: 4, reportSeconds: 0.1, events: 4_000, instances: 100,
                              networkWork: NetworkWork(reratings: 8, flowsFilled: 52, rateChanges: 12, flowsInFlight: 100)),
        ]
        let row = ScenarioBenchRow(scenario: "a.yaml", runs: runs, peakResidentBytes: 3 * 1_048_576)
        #expect(row.text == "a.yaml | 100 | 4000 | 0.200 | 2.000 | 0.200 | 2.400 | 2000 | 3 | 31457 | 8 | 12.5 | 6.5 | 1.5")
        #expect(row.cells.count == ScenarioBenchRow.header.components(separatedBy: " | ").count)
    }

    @Test func scenarioRowSurvivesZeroTimesAndNoInstances() {
        let run = ScenarioBench.Run(buildSeconds: 0, simulationSeconds: 0, reportSeconds: 0, events: 0, instances: 0)
        let row = ScenarioBenchRow(scenario: "empty.yaml", runs: [run], peakResidentBytes: 0)
        #expect(row.text == "empty.yaml | 0 | 0 | 0.000 | 0.000 | 0.000 | 0.000 | 0 | 0 | 0 | 0 | 0.0 | 0.0 | 0.0")
    }

    @Test func peakMemoryReadsVmHWMInKiB() {
        let status = "Name:\tfleetsim\nVmPeak:\t  999 kB\nVmHWM:\t    2048 kB\nVmRSS:\t 1024 kB\n"
        #expect(PeakMemory.residentBytes(status: status) == 2_097_152)
        #expect(PeakMemory.residentBytes(status: "Name:\tx\n") == 0)
    }
}
