import Foundation
import Testing

/// `run --replications R --shard K/N` and `fleetsim merge` of run shards, end to end on the
/// built binary: shards run as separate processes (as a Slurm array task or a Kubernetes
/// Indexed Job pod runs them) and merged give the unsharded run's files, byte for byte.
@Suite struct RunShardCLITests {
    private func tempDir(_ label: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("fleetsim-runshard-\(label)-\(getpid())-\(UUID().uuidString)").path
    }

    private static let reportFiles = ["summary.json", "summary.md", "instances.csv", "hosts.csv", "links.csv",
                                      "link_utilisation.csv", "timeline.csv", "report.html"]

    private func shardsMergedEqualWhole(_ run: [String], shards n: Int) throws {
        let whole = tempDir("whole"), merged = tempDir("merged")
        let shards = (1...n).map { tempDir("shard\($0)") }
        defer { for d in [whole, merged] + shards { try? FileManager.default.removeItem(atPath: d) } }
        let w = CLIRunner.run(run + ["--out", whole])
        #expect(w.exitCode == 0, "\(w.stderr)")
        for (k, d) in shards.enumerated() {
            let r = CLIRunner.run(run + ["--shard", "\(k + 1)/\(n)", "--jobs", "1", "--out", d])
            #expect(r.exitCode == 0, "\(r.stderr)")
            // A shard writes its one file, not a partial report.
            #expect(try FileManager.default.contentsOfDirectory(atPath: d) == ["run-shard.json"])
        }
        let m = CLIRunner.run(["merge"] + shards.reversed() + ["--out", merged])
        #expect(m.exitCode == 0, "\(m.stderr)")
        for name in Self.reportFiles {
            let a = FileManager.default.contents(atPath: whole + "/" + name)
            #expect(a != nil && a == FileManager.default.contents(atPath: merged + "/" + name), "\(name) differs after merge")
        }
    }

    @Test func fourShardsOfTheFailureStormMergeToTheUnshardedRun() throws {
        // Crashes, restarts, post-copy losses and bystanders: every record kind goes through the file.
        try shardsMergedEqualWhole(["run", "Scenarios/failure-storm.yaml", "--replications", "6", "--seed", "11", "--quiet"], shards: 4)
    }

    @Test func shardsOfAnOCIRunWithSettingsMergeToTheUnshardedRun() throws {
        // Notices, reboot and manual migrations, a --set override recorded in the identity; more
        // shards than some slices can fill (shard 3 of 3 gets one replication).
        try shardsMergedEqualWhole(["run", "Scenarios/oci-mixed-fleet.yaml", "--replications", "4", "--quiet",
                                    "--set", "campaign.max_hosts_in_maintenance=2"], shards: 3)
    }

    @Test func mergeRefusesMissingShardsAChangedScenarioAndMixedKinds() throws {
        let dir = tempDir("changed")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let scenario = dir + "/s.yaml"
        try FileManager.default.copyItem(atPath: CLIRunner.packageRoot.appendingPathComponent("Scenarios/default.yaml").path, toPath: scenario)
        for k in 1...2 {
            let r = CLIRunner.run(["run", scenario, "--replications", "2", "--quiet", "--shard", "\(k)/2", "--out", dir + "/s\(k)"])
            #expect(r.exitCode == 0, "\(r.stderr)")
        }
        let missing = CLIRunner.run(["merge", dir + "/s2", "--out", dir + "/m"])
        #expect(missing.exitCode == 2)
        #expect(missing.stderr.contains("expected shards 1 to 2 once each") && missing.stderr.contains("missing 1"), "\(missing.stderr)")
        let twice = CLIRunner.run(["merge", dir + "/s1", dir + "/s1", "--out", dir + "/m"])
        #expect(twice.exitCode == 2)

        let sweep = dir + "/sweep"
        #expect(CLIRunner.run(["sweep", scenario, "--set", "campaign.max_hosts_in_maintenance=1,2", "--replications", "1",
                               "--quiet", "--shard", "1/2", "--out", sweep]).exitCode == 0)
        let mixed = CLIRunner.run(["merge", dir + "/s1", sweep, "--out", dir + "/m"])
        #expect(mixed.exitCode == 2)
        #expect(mixed.stderr.contains("\(sweep): expected a run shard"), "\(mixed.stderr)")

        try (String(contentsOfFile: scenario, encoding: .utf8) + "\n# edited\n").write(toFile: scenario, atomically: true, encoding: .utf8)
        let changed = CLIRunner.run(["merge", dir + "/s1", dir + "/s2", "--out", dir + "/m"])
        #expect(changed.exitCode == 2)
        #expect(changed.stderr.contains("\(scenario) changed since the shards ran"), "\(changed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/m"))
    }

    @Test func shardFlagErrorsNameTheFlag() {
        let bad = CLIRunner.run(["run", "Scenarios/default.yaml", "--shard", "5/4", "--out", tempDir("bad")])
        #expect(bad.exitCode == 2)
        #expect(bad.stderr.contains("--shard") && bad.stderr.contains("K/N with 1 <= K <= N"), "\(bad.stderr)")
        let against = CLIRunner.run(["run", "Scenarios/default.yaml", "--shard", "1/2", "--against", "Reports/baselines/default"])
        #expect(against.exitCode == 2)
        #expect(against.stderr.contains("--against"), "\(against.stderr)")
    }
}
