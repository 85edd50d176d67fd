import Foundation
import Testing

/// Scenarios/simgrid-concurrent.yaml reproduces SimGrid 3.32's run of its own workload: every
/// VM takes 14.307440 s with 14.107 ms of downtime, all at once, 5 flows per NIC. The figures
/// do not depend on the fleet's size (every flow gets the same share), so the test runs it at
/// 5 % (100 + 100 hosts, 500 VMs).
@Suite struct SimGridScenarioTests {
    @Test func everyVMMatchesSimGrid() throws {
        let out = FileManager.default.temporaryDirectory
            .appendingPathComponent("fleetsim-simgrid-\(getpid())-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let scenario = CLIRunner.packageRoot.appendingPathComponent("Scenarios/simgrid-concurrent.yaml").path
        let r = CLIRunner.run(["run", scenario, "--scale", "0.05", "--format", "csv", "--out", out, "--quiet", "--check-invariants"])
        #expect(r.exitCode == 0, "\(r.stderr)")
        let text = try String(contentsOfFile: out + "/instances.csv", encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: ",").map(String.init)
        func column(_ name: String) throws -> Int { try #require(header.firstIndex(of: name)) }
        let (start, end, down, target, action) = (try column("started_at_s"), try column("ended_at_s"),
                                                  try column("downtime_s"), try column("target_host"), try column("action"))
        var perTarget: [String: Int] = [:]
        var first = Double.infinity, last = -Double.infinity
        for line in lines.dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            #expect(f[action] == "live")
            first = min(first, Double(f[start])!); last = max(last, Double(f[end])!)
            #expect(abs(Double(f[down])! - 0.014107) < 5e-7, "\(line)")
            perTarget[f[target], default: 0] += 1
        }
        #expect(lines.count - 1 == 500)
        #expect(abs((last - first) - 14.307440) < 5e-7, "makespan of the migrations")
        #expect(Set(perTarget.values) == [5], "5 flows into every target NIC")
    }
}
