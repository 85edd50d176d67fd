import Foundation
import Testing

/// The report set as a unit: a rerun removes what it did not write, concurrent runs into one
/// directory leave one run's complete set, and an interrupted run leaves no temporary files.
@Suite struct ReportSetTests {
    static let scenario = CLIRunner.packageRoot.appendingPathComponent("Scenarios/default.yaml").path

    static func directory() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("fleetsim-set-\(getpid())-\(UUID().uuidString)").path
    }

    static func files(_ dir: String) -> Set<String> {
        Set((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [])
    }

    @Test func aRerunRemovesFormatsNotWritten() throws {
        let out = Self.directory()
        defer { try? FileManager.default.removeItem(atPath: out) }
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try "mine".write(toFile: out + "/notes.txt", atomically: true, encoding: .utf8)
        #expect(CLIRunner.run(["run", Self.scenario, "--out", out, "--quiet"]).exitCode == 0)
        #expect(Self.files(out).isSuperset(of: ["summary.json", "instances.csv", "hosts.csv", "timeline.csv", "summary.md", "report.html"]))
        #expect(CLIRunner.run(["run", Self.scenario, "--out", out, "--quiet", "--format", "json"]).exitCode == 0)
        // What this run wrote and the user's own file; nothing stale.
        #expect(Self.files(out) == ["summary.json", "report.html", "notes.txt"])
    }

    @Test func concurrentRunsLeaveOneCompleteSet() throws {
        let out = Self.directory()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let binary = CLIRunner.url
        let processes = ["1", "2", "3"].map { seed -> Process in
            let p = Process()
            p.executableURL = binary
            p.arguments = ["run", Self.scenario, "--seed", seed, "--out", out, "--quiet"]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            return p
        }
        for p in processes { try p.run() }
        for p in processes { p.waitUntilExit(); #expect(p.terminationStatus == 0) }
        let json = try #require(FileManager.default.contents(atPath: out + "/summary.json"))
        let summary = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        let seed = try #require((summary["scenario"] as? [String: Any])?["seed"] as? Int)
        let md = try String(contentsOfFile: out + "/summary.md", encoding: .utf8)
        #expect(md.contains("seed \(seed),"), "summary.md is from the same run as summary.json")
        #expect(!Self.files(out).contains { $0.contains(".tmp-") })
    }

    @Test func anInterruptedRunLeavesNothingBehind() throws {
        let out = Self.directory()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let p = Process()
        p.executableURL = CLIRunner.url
        p.arguments = ["run", CLIRunner.packageRoot.appendingPathComponent("Scenarios/large-fleet.yaml").path,
                       "--scale", "0.05", "--out", out, "--quiet"]
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        usleep(700_000)
        p.interrupt()
        p.waitUntilExit()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(p.terminationStatus == 130, "\(message)")
        #expect(message.contains("fleetsim: interrupted (SIGINT)"))
        #expect(!Self.files(out).contains { $0.contains(".tmp-") })
    }
}
