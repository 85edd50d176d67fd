import Foundation
import Testing

/// A unique, empty temporary directory; `remove()` deletes it.
private struct TempDirectory {
    let url: URL
    var path: String { url.path }

    init(_ label: String = #function) throws {
        let safe = label.filter { $0.isLetter || $0.isNumber }
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("fleetsim-cli-\(safe)-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func write(_ name: String, _ text: String) throws -> String {
        let p = path(name)
        try text.write(toFile: p, atomically: true, encoding: .utf8)
        return p
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

private func listing(_ directory: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
}

private func fileData(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

/// A scenario with exactly four mistakes: a misspelt key, a negative bandwidth, a size
/// without a unit and a list where a number belongs.
private let fourMistakesScenario = """
    # four mistakes, one per line 4, 8, 13 and 16
    fleet:
      host_groups:
        - name: e4
          count: [1, 2]
          shape_family: E4
          ocpus: 64
          memory: 1TiB
          nic: -25Gbit/s
      hosts:
        - name: h1
          shape_family: E4
          ocpus: 8
          memory: 16
    campaign:
      hosts: all
      max_hosts_in_maintenanse: 2

    """

private let defaultScenario = "Scenarios/default.yaml"

@Suite struct EndToEndRunTests {
    @Test func runDefaultScenarioWritesAllReportsAndPrintsTheSummary() throws {
        let tmp = try TempDirectory()
        defer { tmp.remove() }
        let out = tmp.path("reports")
        let r = CLIRunner.run(["run", defaultScenario, "--out", out, "--check-invariants", "--replications", "2"])
        #expect(r.exitCode == 0, "stderr: \(r.stderr)")
        #expect(listing(out) == ["hosts.csv", "instances.csv", "link_utilisation.csv", "links.csv", "report.html", "summary.json", "summary.md", "timeline.csv"])
        // The Markdown summary on stdout is summary.md, followed by where the reports went.
        let markdown = try String(contentsOfFile: out + "/summary.md", encoding: .utf8)
        #expect(markdown.hasPrefix("# fleetsim: default\n"))
        #expect(markdown.contains("## Campaign"))
        #expect(markdown.contains("## Outcomes"))
        #expect(markdown.contains("2 replications"))
        #expect(r.stdout.hasPrefix(markdown))
        #expect(r.stdout.contains("Reports written to \(out)/: summary.json, instances.csv, hosts.csv, links.csv, link_utilisation.csv, summary.md"))
        // summary.json is a versioned, parseable document about this run.
        let jsonData = try #require(fileData(out + "/summary.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: jsonData) as? [String: Any])
        #expect(json["schema"] as? String == "fleetsim.summary")
        #expect((json["scenario"] as? [String: Any])?["replications"] as? Int == 2)
        #expect((json["scenario"] as? [String: Any])?["seed"] as? Int == 42)
        #expect((json["fleet"] as? [String: Any])?["instances"] as? Int == 260)
        #expect((json["fleet"] as? [String: Any])?["campaign_hosts"] as? Int == 8)
        #expect((json["replications"] as? [Any])?.count == 2)
        // instances.csv: a header and at least one row per instance per replication.
        let csv = try String(contentsOfFile: out + "/instances.csv", encoding: .utf8)
        let lines = csv.split(separator: "\n")
        #expect(lines.first?.hasPrefix("replication,instance,") == true)
        #expect(lines.count - 1 >= 2 * 260)
        // No temporary files left behind.
        #expect(!listing(out).contains { $0.contains(".tmp") })
    }

    @Test func sameSeedGivesByteIdenticalReports() throws {
        let tmp = try TempDirectory()
        defer { tmp.remove() }
        let a = tmp.path("a"), b = tmp.path("b")
        let ra = CLIRunner.run(["run", defaultScenario, "--out", a, "--replications", "2", "--seed", "9", "--quiet"])
        let rb = CLIRunner.run(["run", defaultScenario, "--out", b, "--replications", "2", "--seed", "9", "--quiet"])
        #expect(ra.exitCode == 0 && rb.exitCode == 0, "stderr: \(ra.stderr) \(rb.stderr)")
        for name in ["summary.json", "instances.csv", "summary.md"] {
            let da = fileData(a + "/" + name), db = fileData(b + "/" + name)
            #expect(da != nil && !(da?.isEmpty ?? true))
            #expect(da == db, "\(name) differs between two runs with the same seed")
        }
        // --quiet prints nothing.
        #expect(ra.stdout.isEmpty)
    }

    @Test func aDifferentSeedChangesTheSummary() throws {
        let tmp = try TempDirectory()
        defer { tmp.remove() }
        let a = tmp.path("a"), b = tmp.path("b")
        let ra = CLIRunner.run(["run", defaultScenario, "--out", a, "--replications", "1", "--seed", "1", "--format", "json"])
        let rb = CLIRunner.run(["run", defaultScenario, "--out", b, "--replications", "1", "--seed", "2", "--format", "json"])
        #expect(ra.exitCode == 0 && rb.exitCode == 0, "stderr: \(ra.stderr) \(rb.stderr)")
        let da = try #require(fileData(a + "/summary.json")), db = try #require(fileData(b + "/summary.json"))
        #expect(da != db)
        let ja = try #require(try JSONSerialization.jsonObject(with: da) as? [String: Any])
        let jb = try #require(try JSONSerialization.jsonObject(with: db) as? [String: Any])
        #expect((ja["scenario"] as? [String: Any])?["seed"] as? Int == 1)
        #expect((jb["scenario"] as? [String: Any])?["seed"] as? Int == 2)
        #expect((ja["downtime_s"] as? NSDictionary) != (jb["downtime_s"] as? NSDictionary))
    }

    @Test func theLargestSeedIsReportedAsGiven() throws {
        let tmp = try TempDirectory()
        defer { tmp.remove() }
        let out = tmp.path("big-seed")
        let r = CLIRunner.run(["run", defaultScenario, "--out", out, "--replications", "1", "--seed",
                               "18446744073709551615", "--format", "json", "--quiet"])
        #expect(r.exitCode == 0, "stderr: \(r.stderr)")
        let text = try String(contentsOfFile: out + "/summary.json", encoding: .utf8)
        #expect(text.contains("\"seed\": 18446744073709551615,"))
        #expect(!text.contains("\"seed\": -"))
    }

    @Test func formatJSONWritesOnlySummaryJSON() throws {
        let tmp = try TempDirectory()
        defer { tmp.remove() }
        let out = tmp.path("only-json")
        let r = CLIRunner.run(["run", defaultScenario, "--out", out, "--replications", "1", "--format", "json"])
        #expect(r.exitCode == 0, "stderr: \(r.stderr)")
        #expect(listing(out) == ["report.html", "summary.json"])
        #expect(r.stdout.contains("Reports written to \(out)/: summary.json, report.html\n"))
    }

    @Test func formatCSVAndMarkdown() throws {
        let tmp = try TempDirectory()
        defer { tmp.remove() }
        let out = tmp.path("two")
        let r = CLIRunner.run(["run", defaultScenario, "--out", out, "--replications", "1", "--format", "md, csv", "--quiet"])
        #expect(r.exitCode == 0, "stderr: \(r.stderr)")
        #expect(listing(out) == ["hosts.csv", "instances.csv", "link_utilisation.csv", "links.csv", "report.html", "summary.md", "timeline.csv"])
    }

    @Test func unknownFormatIsBadInputAndWritesNothing() throws {
        let tmp = try TempDirectory()
        defer { tmp.remove() }
        let out = tmp.path("never")
        let r = CLIRunner.run(["run", defaultScenario, "--out", out, "--format", "json,xml"])
        #expect(r.exitCode == 2)
        #expect(r.stderr.contains("unknown format 'xml'"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func runOnABadScenarioExitsTwoAndCreatesNoOutputDirectory() throws {
        let tmp = try TempDirectory()
        defer { tmp.remove() }
        let scenario = try tmp.write("bad.yaml", fourMistakesScenario)
        let out = tmp.path("out")
        let r = CLIRunner.run(["run", scenario, "--out", out])
        #expect(r.exitCode == 2)
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("4 errors"))
        #expect(listing(tmp.path) == ["bad.yaml"])
    }

    @Test func aMissingScenarioFileExitsTwo() throws {
        let tmp = try TempDirectory()
        defer { tmp.remove() }
        let missing = tmp.path("does-not-exist.yaml")
        let out = tmp.path("out")
        let r = CLIRunner.run(["run", missing, "--out", out])
        #expect(r.exitCode == 2)
        #expect(r.stderr.contains("\(missing): error: expected an existing scenario file, found no such file"))
        #expect(!FileManager.default.fileExists(atPath: out))
        let v = CLIRunner.run(["validate", missing])
        #expect(v.exitCode == 2)
    }

    @Test func zeroReplicationsIsBadInput() throws {
        let tmp = try TempDirectory()
        defer { tmp.remove() }
        let out = tmp.path("out")
        let r = CLIRunner.run(["run", defaultScenario, "--out", out, "--replications", "0"])
        #expect(r.exitCode == 2)
        #expect(r.stderr.contains("--replications: expected a whole number from 1 to 1000000000, found '0'"))
        #expect(!FileManager.default.fileExists(atPath: out))
        let negative = CLIRunner.run(["run", defaultScenario, "--out", out, "--replications=-3"])
        #expect(negative.exitCode == 2)
    }

    @Test func aScenarioThatCannotBeBuiltIsBadInputWithAPosition() throws {
        let tmp = try TempDirectory()
        defer { tmp.remove() }
        let scenario = try tmp.write("nofit.yaml", """
            fleet:
              hosts:
                - {name: h1, shape_family: E4, ocpus: 8, memory: 64GiB}
              instances:
                - {name: big, shape: E4, ocpus: 4, memory: 128GiB, host: h1}
            campaign:
              hosts: all

            """)
        let out = tmp.path("out")
        let r = CLIRunner.run(["run", scenario, "--out", out])
        #expect(r.exitCode == 2)
        #expect(r.stderr.contains("\(scenario):5:62: error: fleet.instances[0].host: "))
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}

@Suite struct EndToEndValidateTests {
    @Test func fourMistakesGiveFourPositionedErrors() throws {
        let tmp = try TempDirectory()
        defer { tmp.remove() }
        let scenario = try tmp.write("bad.yaml", fourMistakesScenario)
        let r = CLIRunner.run(["validate", scenario])
        #expect(r.exitCode == 2)
        #expect(r.stdout.isEmpty)
        let lines = r.stderr.split(separator: "\n").map(String.init)
        let errors = lines.filter { $0.contains(": error: ") }
        #expect(errors.count == 4, "stderr: \(r.stderr)")
        let expectedPrefixes = [
            "\(scenario):5:14: error: fleet.host_groups[0].count: expected a whole number",
            "\(scenario):9:12: error: fleet.host_groups[0].nic: expected a positive bandwidth",
            "\(scenario):14:15: error: fleet.hosts[0].memory: expected a positive byte size with a unit",
            "\(scenario):17:3: error: campaign.max_hosts_in_maintenanse: expected one of the keys",
        ]
        for (line, prefix) in zip(errors, expectedPrefixes) {
            #expect(line.hasPrefix(prefix), "\(line)")
        }
        #expect(errors.last?.hasSuffix("(did you mean 'max_hosts_in_maintenance'?)") == true)
        #expect(lines.last == "4 errors")
    }

    @Test func theDefaultScenarioIsValid() {
        let r = CLIRunner.run(["validate", defaultScenario])
        #expect(r.exitCode == 0, "stderr: \(r.stderr)")
        #expect(r.stdout == "\(defaultScenario): valid (24 hosts, 260 instances, 8 hosts in the campaign)\n")
    }

    @Test func validateWritesNothing() throws {
        let tmp = try TempDirectory()
        defer { tmp.remove() }
        let source = CLIRunner.packageRoot.appendingPathComponent(defaultScenario).path
        let text = try String(contentsOfFile: source, encoding: .utf8)
        _ = try tmp.write("default.yaml", text)
        // Run in the temporary directory: `run` would create Reports/default there.
        let r = CLIRunner.run(["validate", "default.yaml"], in: tmp.url)
        #expect(r.exitCode == 0, "stderr: \(r.stderr)")
        #expect(listing(tmp.path) == ["default.yaml"])
    }

    @Test func runWithoutOutWritesIntoReportsNamedAfterTheScenario() throws {
        let tmp = try TempDirectory()
        defer { tmp.remove() }
        let source = CLIRunner.packageRoot.appendingPathComponent(defaultScenario).path
        _ = try tmp.write("weekend.yaml", try String(contentsOfFile: source, encoding: .utf8))
        let r = CLIRunner.run(["run", "weekend.yaml", "--replications", "1", "--quiet"], in: tmp.url)
        #expect(r.exitCode == 0, "stderr: \(r.stderr)")
        #expect(listing(tmp.path("Reports/weekend")) == ["hosts.csv", "instances.csv", "link_utilisation.csv", "links.csv", "report.html", "summary.json", "summary.md", "timeline.csv"])
    }
}

@Suite struct EndToEndToolTests {
    @Test func versionPrintsTheVersion() {
        let r = CLIRunner.run(["--version"])
        #expect(r.exitCode == 0)
        #expect(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "fleetsim 0.1.0")
    }

    @Test func helpExitsZero() {
        let r = CLIRunner.run(["--help"])
        #expect(r.exitCode == 0)
        #expect(r.stdout.contains("run"))
        #expect(r.stdout.contains("validate"))
        #expect(r.stdout.contains("Exit codes"))
    }

    @Test func unknownSubcommandOrOptionIsBadInput() {
        #expect(CLIRunner.run(["frobnicate"]).exitCode == 2)
        #expect(CLIRunner.run(["run", defaultScenario, "--no-such-option"]).exitCode == 2)
        #expect(CLIRunner.run(["run"]).exitCode == 2)  // missing scenario argument
    }

    @Test func benchKernelPrintsEventsPerSecond() {
        let r = CLIRunner.run(["bench", "kernel", "--events", "20000", "--runs", "1"])
        #expect(r.exitCode == 0, "stderr: \(r.stderr)")
        #expect(r.stdout.hasPrefix("run 1: 20000 events in "), "exactly the requested events: \(r.stdout)")
        #expect(r.stdout.contains(" events in "))
        #expect(r.stdout.contains("kernel: median "))
        #expect(r.stdout.contains(" events/s"))
    }
}
