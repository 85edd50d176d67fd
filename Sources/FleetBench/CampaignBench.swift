import Experiment

/// `fleetsim bench campaign`: one scenario's first replication, run several times without
/// invariant checks or reports; wall seconds per run, then the median and events per second.
public enum CampaignBench {
    /// One timed run: wall seconds and the events the replication processed.
    public struct Run: Sendable {
        public let wallSeconds: Double
        public let events: Int
        public init(wallSeconds: Double, events: Int) { self.wallSeconds = wallSeconds; self.events = events }
    }

    @discardableResult
    public static func run(scenario path: String, runs: Int, clock: () -> Double = monotonicSeconds,
                           output: (String) -> Void) throws -> [Run] {
        let prepared = try PreparedScenario.load(path: path, seedOverride: nil, replicationsOverride: 1)
        var timed: [Run] = []
        for r in 1...max(runs, 1) {
            let start = clock()
            let outcome = try prepared.runAll(checkInvariants: false, progress: false)
            let wall = clock() - start
            timed.append(Run(wallSeconds: wall, events: outcome.report.replications.first?.eventsProcessed ?? 0))
            output(runLine(r, timed[timed.count - 1]))
        }
        output(summaryLine(scenario: path, runs: timed, hosts: prepared.fleet.hosts.count,
                           instances: prepared.fleet.instances.count))
        return timed
    }

    /// `run 1: 1.234 s, 56789 events`
    public static func runLine(_ run: Int, _ timed: Run) -> String {
        "run \(run): \(secondsText(timed.wallSeconds)) s, \(timed.events) events"
    }

    /// The median wall time, and events per second at that median (events of the last run:
    /// every run of one scenario processes the same events).
    public static func summaryLine(scenario: String, runs: [Run], hosts: Int, instances: Int) -> String {
        let m = median(runs.map(\.wallSeconds))
        let events = runs.last?.events ?? 0
        return "campaign \(scenario): median \(secondsText(m)) s per replication over \(runs.count) runs, \(wholeText(Double(events) / m)) events/s (\(hosts) hosts, \(instances) instances)"
    }
}
