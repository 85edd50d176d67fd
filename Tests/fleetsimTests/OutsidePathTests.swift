import Foundation
import Testing

/// Empirical `file:` paths outside the scenario's folder: refused (and never quoted) unless
/// `--allow-outside-paths` is given.
@Suite struct OutsidePathTests {
    @Test func outsideCSVNeedsTheFlag() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("fleetsim-outside-\(UUID().uuidString)")
        let scenarios = root.appendingPathComponent("scenarios")
        try FileManager.default.createDirectory(at: scenarios, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try "memory\n8GiB\n16GiB\n".write(to: root.appendingPathComponent("memory.csv"), atomically: true, encoding: .utf8)
        let base = try String(contentsOf: CLIRunner.packageRoot.appendingPathComponent("Tests/Hostile/scenarios/base.yaml"), encoding: .utf8)
        let yaml = base.replacingOccurrences(of: "memory: 16GiB", with: "memory: {dist: empirical, file: ../memory.csv, column: memory}")
        try yaml.write(to: scenarios.appendingPathComponent("s.yaml"), atomically: true, encoding: .utf8)

        let refused = HostileRunner.run(["validate", "scenarios/s.yaml"], in: root)
        #expect(refused.exitCode == 2)
        #expect(refused.stderr.contains("scenarios/s.yaml:17:15: error: fleet.instance_groups[0].memory.file: expected a CSV file in the scenario's folder (or pass --allow-outside-paths), found '../memory.csv', which is outside it"), "\(refused.stderr)")

        let allowed = HostileRunner.run(["validate", "scenarios/s.yaml", "--allow-outside-paths"], in: root)
        #expect(allowed.exitCode == 0, "\(allowed.stderr)")
        let run = HostileRunner.run(["run", "scenarios/s.yaml", "--allow-outside-paths", "--out", "out", "--quiet"], in: root)
        #expect(run.exitCode == 0, "\(run.stderr)")
    }
}
