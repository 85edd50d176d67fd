import SimKernel

/// `fleetsim bench kernel`: the event queue's hold benchmark (`KernelBenchmark`), run
/// several times; one line per run, then the median events per second.
public enum KernelBench {
    /// Runs the benchmark `runs` times (at least once), handing each line to `output` as
    /// soon as it is known; returns the runs' results.
    @discardableResult
    public static func run(events: Int, population: Int, runs: Int,
                           clock: () -> Double = monotonicSeconds,
                           output: (String) -> Void) -> [KernelBenchmark.Result] {
        var results: [KernelBenchmark.Result] = []
        for r in 1...max(runs, 1) {
            let result = KernelBenchmark.run(events: events, population: population, clock: clock)
            results.append(result)
            output(runLine(r, result))
        }
        output(summaryLine(results, population: population))
        return results
    }

    /// `run 2: 2000000 events in 0.412 s = 4854369 events/s`
    public static func runLine(_ run: Int, _ result: KernelBenchmark.Result) -> String {
        "run \(run): \(result.events) events in \(secondsText(result.seconds)) s = \(wholeText(result.eventsPerSecond)) events/s"
    }

    /// `kernel: median 4854369 events/s over 5 runs (population 10000)`: the line
    /// scripts/bench.sh keeps.
    public static func summaryLine(_ results: [KernelBenchmark.Result], population: Int) -> String {
        let rates = results.map(\.eventsPerSecond)
        return "kernel: median \(wholeText(median(rates))) events/s over \(rates.count) runs (population \(population))"
    }
}
