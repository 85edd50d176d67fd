import Foundation
import Testing

/// Fresh runs of every shipped scenario against the committed reports in Reports/baselines/.
/// A difference fails the test with the compare table; when the change is intended, refresh
/// the baselines on purpose (`make baselines`) and commit them with the change that explains
/// them. Settings must match scripts/baselines.sh.
@Suite struct BaselineTests {
    static let scenarios = ShippedScenarioTests.scenarios

    private func fresh(_ name: String, extra: [String] = []) -> (String, Int32, String) {
        let out = FileManager.default.temporaryDirectory
            .appendingPathComponent("fleetsim-baseline-\(name)-\(getpid())-\(UUID().uuidString)").path
        var args = ["run", "Scenarios/\(name).yaml", "--replications", "2", "--format", "json,csv", "--out", out, "--quiet"]
        if let scale = Self.scenarios.first(where: { $0.file == name })?.scale { args += ["--scale", String(scale)] }
        let r = CLIRunner.run(args + extra)
        return (out, r.exitCode, r.stderr)
    }

    @Test(arguments: scenarios.map(\.file))
    func freshRunMatchesItsBaseline(_ name: String) {
        let (out, code, stderr) = fresh(name)
        defer { try? FileManager.default.removeItem(atPath: out) }
        #expect(code == 0, "\(name): \(stderr)")
        let c = CLIRunner.run(["compare", "Reports/baselines/\(name)", out])
        #expect(c.exitCode == 0, """
            \(name) no longer matches Reports/baselines/\(name). If the change is intended, run \
            `make baselines` and commit the new baselines with it.
            \(c.stdout)\(c.stderr)
            """)
    }

    @Test func compareFailsAWorsePolicyAndPassesAnIdenticalOne() throws {
        // One host in maintenance at a time instead of two: a longer campaign.
        let (worse, code, stderr) = fresh("default", extra: ["--set", "campaign.max_hosts_in_maintenance=1"])
        defer { try? FileManager.default.removeItem(atPath: worse) }
        #expect(code == 0, "\(stderr)")
        let junit = worse + "/compare.xml"
        let bad = CLIRunner.run(["compare", "Reports/baselines/default", worse, "--junit", junit])
        #expect(bad.exitCode == 1)
        #expect(bad.stdout.contains("**FAIL**"))
        #expect(bad.stdout.contains("| makespan_s |"))
        let xml = try String(contentsOfFile: junit, encoding: .utf8)
        #expect(xml.contains("<failure message=\"makespan_s moved"))
        // A generous tolerance lets it through; a malformed one is bad input naming file:line:column.
        let tolerances = worse + "/tolerances.txt"
        try "default: 200%\nevents: 100  # absolute\n".write(toFile: tolerances, atomically: true, encoding: .utf8)
        #expect(CLIRunner.run(["compare", "Reports/baselines/default", worse, "--tolerances", tolerances]).exitCode == 0)
        try "makespan_s: lots\n".write(toFile: tolerances, atomically: true, encoding: .utf8)
        let malformed = CLIRunner.run(["compare", "Reports/baselines/default", worse, "--tolerances", tolerances])
        #expect(malformed.exitCode == 2)
        #expect(malformed.stderr.contains("tolerances.txt:1:12: makespan_s: expected a non-negative number or percentage"))
        // The baseline against itself passes.
        #expect(CLIRunner.run(["compare", "Reports/baselines/default", "Reports/baselines/default"]).exitCode == 0)
    }

    @Test func runAgainstABaselineComparesAfterWriting() {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("fleetsim-against-\(getpid())-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let same = CLIRunner.run(["run", "Scenarios/default.yaml", "--replications", "2", "--quiet", "--out", out,
                                  "--against", "Reports/baselines/default"])
        #expect(same.exitCode == 0, "\(same.stdout)\(same.stderr)")
        #expect(same.stdout.contains("**PASS**"))
        let worse = CLIRunner.run(["run", "Scenarios/default.yaml", "--replications", "2", "--quiet", "--out", out,
                                   "--set", "campaign.max_hosts_in_maintenance=1", "--against", "Reports/baselines/default"])
        #expect(worse.exitCode == 1)
        #expect(FileManager.default.fileExists(atPath: out + "/summary.json"))
    }
}
