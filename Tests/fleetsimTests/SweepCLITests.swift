import Foundation
import Testing

/// `fleetsim sweep` and `run --set` end to end, on the built binary.
@Suite struct SweepCLITests {
    private func tempDir(_ label: String) -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("fleetsim-sweep-\(label)-\(getpid())-\(UUID().uuidString)")
        return url.path
    }

    private let grid = ["sweep", "Scenarios/default.yaml", "--set", "campaign.max_hosts_in_maintenance=1,2",
                        "--set", "campaign.max_outbound_per_host=1,2", "--replications", "2", "--quiet"]

    @Test func sweepWritesTidyCSVMarkdownAndChartsWhateverTheJobs() throws {
        let one = tempDir("one"), two = tempDir("two")
        defer { try? FileManager.default.removeItem(atPath: one); try? FileManager.default.removeItem(atPath: two) }
        let a = CLIRunner.run(grid + ["--jobs", "1", "--out", one])
        let b = CLIRunner.run(grid + ["--jobs", "2", "--out", two])
        #expect(a.exitCode == 0, "\(a.stderr)")
        #expect(b.exitCode == 0, "\(b.stderr)")
        for name in ["sweep.csv", "sweep.md", "sweep.html"] {
            let x = FileManager.default.contents(atPath: one + "/" + name)
            #expect(x != nil && x == FileManager.default.contents(atPath: two + "/" + name), "\(name) differs with --jobs")
        }
        let csv = try String(contentsOfFile: one + "/sweep.csv", encoding: .utf8)
        let lines = csv.split(separator: "\n")
        #expect(lines[0] == "point,campaign.max_hosts_in_maintenance,campaign.max_outbound_per_host,replication,seed,metric,value")
        // Common random numbers: replication r has the same seed at every point.
        let seeds = Dictionary(grouping: lines.dropFirst().map { $0.split(separator: ",") }, by: { $0[3] })
            .mapValues { Set($0.map { $0[4] }) }
        #expect(seeds.values.allSatisfy { $0.count == 1 })
        #expect(Set(lines.dropFirst().map { $0.split(separator: ",")[0] }) == ["0", "1", "2", "3"])
        let html = try String(contentsOfFile: one + "/sweep.html", encoding: .utf8)
        #expect(html.contains("data-chart=\"heatmap\" data-metric=\"makespan_s\" data-points=\"4\""))
        #expect(html.contains("data-chart=\"pareto\" data-points=\"4\""))
        #expect(html.contains("class=\"ci-band\""))
        #expect(!html.contains("http://") || !html.contains("<script"))
    }

    @Test func badSweepValueExitsTwoAndWritesNothing() {
        let out = tempDir("bad")
        let r = CLIRunner.run(["sweep", "Scenarios/default.yaml", "--set", "campaign.max_hosts_in_maintenance=1,zero",
                               "--replications", "1", "--out", out])
        #expect(r.exitCode == 2)
        #expect(r.stderr.contains("--set campaign.max_hosts_in_maintenance=zero: error: campaign.max_hosts_in_maintenance: expected"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func runSetIsRecordedInSummaryJSON() throws {
        let out = tempDir("set")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let r = CLIRunner.run(["run", "Scenarios/default.yaml", "--replications", "1", "--quiet", "--format", "json",
                               "--set", "campaign.max_hosts_in_maintenance=3", "--out", out])
        #expect(r.exitCode == 0, "\(r.stderr)")
        let json = try String(contentsOfFile: out + "/summary.json", encoding: .utf8)
        #expect(json.contains("\"set campaign.max_hosts_in_maintenance\": \"3\""))
    }

    @Test func fourShardsMergedEqualTheUnshardedSweepByteForByte() throws {
        let whole = tempDir("whole"), merged = tempDir("merged")
        let shards = (1...4).map { tempDir("shard\($0)") }
        defer { for d in [whole, merged] + shards { try? FileManager.default.removeItem(atPath: d) } }
        #expect(CLIRunner.run(grid + ["--out", whole]).exitCode == 0)
        // Each shard a separate process, as a Slurm array or Kubernetes Indexed Job runs them.
        for (k, d) in shards.enumerated() {
            let r = CLIRunner.run(grid + ["--shard", "\(k + 1)/4", "--jobs", "1", "--out", d])
            #expect(r.exitCode == 0, "\(r.stderr)")
        }
        let m = CLIRunner.run(["merge"] + shards.reversed() + ["--out", merged])
        #expect(m.exitCode == 0, "\(m.stderr)")
        for name in ["sweep.csv", "sweep.json", "sweep.md", "sweep.html"] {
            let a = FileManager.default.contents(atPath: whole + "/" + name)
            #expect(a != nil && a == FileManager.default.contents(atPath: merged + "/" + name), "\(name) differs after merge")
        }
        // A missing shard is refused, naming it.
        let bad = CLIRunner.run(["merge"] + Array(shards.prefix(3)) + ["--out", tempDir("incomplete")])
        #expect(bad.exitCode == 2)
        #expect(bad.stderr.contains("missing 4"))
    }
}
