import Foundation
import Testing

/// `fleetsim explain` on a run's report directory.
@Suite struct ExplainCLITests {
    @Test func explainNamesTheHostBackLastItsInstanceAndTheSlowestHosts() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("fleetsim-explain-\(getpid())-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        #expect(CLIRunner.run(["run", "Scenarios/oci-rolling-fault-domain.yaml", "--replications", "1", "--quiet", "--out", out]).exitCode == 0)
        let r = CLIRunner.run(["explain", out])
        #expect(r.exitCode == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("# Why the campaign took "))
        #expect(r.stdout.contains("came back last"))
        #expect(r.stdout.contains("Its drain was held open by instance `"))
        #expect(r.stdout.contains("| attempt | action | source → target | idle before |"))
        #expect(r.stdout.contains("## Slowest hosts (drain time)"))
        let missing = CLIRunner.run(["explain", out + "/nowhere"])
        #expect(missing.exitCode == 2)
        #expect(missing.stderr.contains("nowhere/hosts.csv: expected a report CSV"))
    }
}
