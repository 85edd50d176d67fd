import Foundation
import Testing

/// The benchmark scenarios stay valid (they are not run in the suite: `make bench` times them;
/// region-1m's fleet alone takes a minute to build in a debug build, so it is checked by
/// `make bench` with REGION=1 only).
@Suite struct BenchScenarioTests {
    @Test(arguments: ["concurrent-10k", "backbone-10k"])
    func validates(_ name: String) {
        let r = CLIRunner.run(["validate", CLIRunner.packageRoot.appendingPathComponent("Scenarios/bench/\(name).yaml").path])
        #expect(r.exitCode == 0, "\(r.stderr)")
        #expect(r.stdout.contains("valid (4000 hosts, 10000 instances, 2000 hosts in the campaign)"))
    }

    /// `fleetsim bench SCENARIO` (the default subcommand) prints one row with every figure.
    @Test func benchPrintsEveryFigure() {
        let r = CLIRunner.run(["bench", CLIRunner.packageRoot.appendingPathComponent("Scenarios/default.yaml").path, "--runs", "1"])
        #expect(r.exitCode == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        let header = "scenario | instances | events | build s | simulation s | reports s | total s | events/s | peak RSS MiB | bytes/instance | re-ratings | in flight/re-rating | filled/re-rating | changes/re-rating"
        #expect(lines.first.map(String.init) == header)
        #expect(lines.count == 2 && lines[1].split(separator: "|").count == 14)
    }

    /// The re-rating columns count real work: large-fleet (scaled down) live-migrates over
    /// shared uplinks, so it re-rates, with several flows in flight and some rates changing.
    @Test func benchCountsReratings() throws {
        let r = CLIRunner.run(["bench", CLIRunner.packageRoot.appendingPathComponent("Scenarios/large-fleet.yaml").path,
                               "--runs", "1", "--scale", "0.01"])
        #expect(r.exitCode == 0, "\(r.stderr)")
        let row = try #require(r.stdout.split(separator: "\n").last).split(separator: "|")
            .map { $0.trimmingCharacters(in: .whitespaces) }
        try #require(row.count == 14)
        let reratings = try #require(Int(row[10]))
        let inFlight = try #require(Double(row[11])), filled = try #require(Double(row[12])), changed = try #require(Double(row[13]))
        #expect(reratings > 0)
        #expect(inFlight >= 1 && filled > 0 && changed > 0)
        #expect(filled <= inFlight && changed <= inFlight)
    }
}
