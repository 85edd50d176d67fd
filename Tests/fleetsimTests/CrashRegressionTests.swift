import Foundation
import Testing

/// Inputs that crashed or hung fleetsim 0.1 and must now run to a result (exit 0): the crash
/// corpus's members that are valid input. The invalid ones are in `Tests/Hostile/cases.json`.
@Suite("crash regressions")
struct CrashRegressionTests {
    static let directory = CLIRunner.packageRoot.appendingPathComponent("Tests/Hostile/regressions")

    static let scenarios: [String] = {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
    }()

    @Test("Each regression scenario runs to its reports", arguments: scenarios)
    func runs(_ name: String) throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("fleetsim-regression-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let r = HostileRunner.run(["run", name, "--replications", "1", "--out", out.path, "--quiet", "--check-invariants"],
                                  in: Self.directory)
        #expect(!r.crashed, "crashed: \(r.stderr.prefix(600))")
        #expect(r.exitCode == 0, "exit \(r.exitCode): \(r.stderr.prefix(600))")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("summary.json").path))
    }

    @Test("The regression folder is not empty")
    func present() { #expect(Self.scenarios.count >= 2) }

    @Test("validate - reads the scenario from standard input")
    func validateStandardInput() {
        let r = HostileRunner.run(["validate", "-"], in: CLIRunner.packageRoot, stdinPath: "Scenarios/default.yaml")
        #expect(r.exitCode == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("<stdin>: valid"))
    }

    @Test("Paths of one character are input errors, not crashes", arguments: ["x", ".", "-"])
    func oneCharacterPaths(_ path: String) {
        for command in ["validate", "run"] {
            let r = HostileRunner.run([command, path], in: CLIRunner.packageRoot)
            #expect(!r.crashed, "\(command) \(path) crashed")
            #expect(r.exitCode == 2, "\(command) \(path): \(r.exitCode) \(r.stderr)")
        }
    }

    @Test("A pipe named like a scenario or a trace is refused, never read (a read would block)")
    func pipesAreRefused() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fleetsim-fifo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in ["s.yaml", "t.csv"] { #expect(mkfifo(dir.appendingPathComponent(name).path, 0o600) == 0) }
        let v = HostileRunner.run(["validate", "s.yaml"], in: dir)
        #expect(v.exitCode == 2)
        #expect(v.stderr.contains("s.yaml: error: expected a scenario file (.yaml), found a device, pipe or socket"), "\(v.stderr)")
        let m = HostileRunner.run(["migrate", "--memory", "1GiB", "--bandwidth", "1Gbit/s", "--dirty-model", "trace",
                                   "--dirty-trace", "t.csv"], in: dir)
        #expect(m.exitCode == 2)
        #expect(m.stderr.contains("a device, pipe or socket"), "\(m.stderr)")
    }
}
