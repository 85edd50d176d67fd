import Foundation
import Testing

/// Every scenario shipped in Scenarios/ runs end to end with the invariant checker on, at a
/// small size where it is large, and its report accounts for every instance exactly once.
@Suite struct ShippedScenarioTests {
    static let scenarios: [(file: String, scale: Double?)] = [
        ("default", nil), ("oci-rolling-fault-domain", nil), ("oci-mixed-fleet", nil),
        ("lxd-cluster-evacuation", nil), ("capacity-tight", nil), ("large-fleet", 0.01), ("failure-storm", nil),
        ("simgrid-concurrent", 0.05),
    ]

    @Test func everyShippedScenarioIsCovered() throws {
        let dir = CLIRunner.packageRoot.appendingPathComponent("Scenarios")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path)
            .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
        #expect(files == Self.scenarios.map(\.file).sorted())
    }

    @Test(arguments: scenarios.map(\.file))
    func runsWithInvariantsChecked(_ name: String) throws {
        let out = FileManager.default.temporaryDirectory
            .appendingPathComponent("fleetsim-shipped-\(name)-\(getpid())-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        var args = ["run", CLIRunner.packageRoot.appendingPathComponent("Scenarios/\(name).yaml").path,
                    "--replications", "1", "--check-invariants", "--format", "json,csv", "--out", out, "--quiet"]
        if let scale = Self.scenarios.first(where: { $0.file == name })?.scale { args += ["--scale", String(scale)] }
        let r = CLIRunner.run(args)
        #expect(r.exitCode == 0, "\(name): \(r.stderr)")
        let data = try #require(FileManager.default.contents(atPath: out + "/summary.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let instances = try #require((json["fleet"] as? [String: Any])?["instances"] as? Int)
        let fleet = try #require(json["fleet"] as? [String: Any])
        let inCampaign = try #require(fleet["instances_in_campaign"] as? Double)
        let outcomes = try #require(json["outcomes"] as? [String: [String: Any]])
        let bystanders = try #require(json["bystanders"] as? [String: Double])
        let campaignTotal = outcomes.filter { $0.key != "untouched" }.values
            .compactMap { $0["count_mean"] as? Double }.reduce(0, +)
        // `outcomes` (untouched apart, which keeps its schema-1 meaning) covers the instances the
        // campaign dealt with; `bystanders` covers every other instance, untouched included.
        #expect(campaignTotal == inCampaign, "\(name): campaign table adds up")
        #expect(Int(inCampaign + bystanders.values.reduce(0, +)) == instances,
                "\(name): every instance in exactly one final state")
        #expect(instances > 0)
        // Every attempt's downtime is the sum of its parts (stop, copy, boot, blackout).
        let csv = try String(contentsOfFile: out + "/instances.csv", encoding: .utf8).split(separator: "\n").map(String.init)
        let header = csv[0].split(separator: ",").map(String.init)
        let columns = try ["downtime_s", "downtime_stop_s", "downtime_copy_s", "downtime_boot_s", "downtime_blackout_s"]
            .map { name in try #require(header.firstIndex(of: name), "\(name) in instances.csv") }
        for line in csv.dropFirst() {
            // Quoted fields (reasons, plans) may hold commas: count from the known columns
            // only when the row has the header's width.
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard f.count == header.count, let total = Double(f[columns[0]]) else { continue }
            let parts = columns.dropFirst().compactMap { Double(f[$0]) }.reduce(0, +)
            #expect(abs(parts - total) <= 2e-6, "\(name): parts \(parts) vs downtime \(total) in \(line)")
        }
    }
}

/// Replications run in parallel give the same reports, byte for byte, as run one by one.
@Suite struct ParallelReplicationTests {
    @Test func reportsDoNotDependOnJobs() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("fleetsim-jobs-\(getpid())-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: base) }
        let scenario = CLIRunner.packageRoot.appendingPathComponent("Scenarios/failure-storm.yaml").path
        for jobs in ["1", "2", "3"] {
            let r = CLIRunner.run(["run", scenario, "--replications", "4", "--jobs", jobs, "--out", base + "/j" + jobs, "--quiet"])
            #expect(r.exitCode == 0, "\(r.stderr)")
        }
        for file in ["summary.json", "instances.csv", "hosts.csv", "links.csv", "link_utilisation.csv", "summary.md"] {
            let one = FileManager.default.contents(atPath: base + "/j1/" + file)
            #expect(one != nil && one == FileManager.default.contents(atPath: base + "/j2/" + file), "\(file)")
            #expect(one == FileManager.default.contents(atPath: base + "/j3/" + file), "\(file)")
        }
    }
}
