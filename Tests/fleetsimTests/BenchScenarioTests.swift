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
        #expect(lines.first == "scenario | instances | events | build s | simulation s | reports s | total s | events/s | peak RSS MiB | bytes/instance")
        #expect(lines.count == 2 && lines[1].split(separator: "|").count == 10)
    }
}
