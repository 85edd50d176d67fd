import Foundation
import Testing

/// The hostile corpus (`Tests/Hostile/cases.json`): scenario files and command lines that
/// crashed, hung, allocated without bound or were silently accepted by fleetsim 0.1 (issue 9),
/// and their neighbours. Each case names its expected exit code and a fragment of its message;
/// every one must end with that code (never a crash, a hang or 0), print the fragment, give a
/// `file:line:column: error:` line when it is about a place in a scenario, and write nothing.
@Suite("hostile corpus")
struct HostileCorpusTests {
    struct Case: Decodable, CustomTestStringConvertible, Sendable {
        var name: String
        var category: String
        var args: [String]
        var exit: Int32
        var stderr: String
        var positioned: Bool
        var stdin: String?
        var testDescription: String { "\(category)/\(name)" }
    }

    static let directory = CLIRunner.packageRoot.appendingPathComponent("Tests/Hostile")

    static let cases: [Case] = {
        let url = directory.appendingPathComponent("cases.json")
        guard let data = try? Data(contentsOf: url), let cases = try? JSONDecoder().decode([Case].self, from: data) else { return [] }
        return cases
    }()

    @Test("The corpus holds at least 80 cases, none expecting success, every name once")
    func corpusSize() {
        #expect(Self.cases.count >= 80)
        #expect(Self.cases.allSatisfy { $0.exit != 0 })
        #expect(Set(Self.cases.map(\.name)).count == Self.cases.count)
    }

    @Test("Each hostile input ends with its exit code and message, writes nothing", arguments: cases)
    func hostileInput(_ c: Case) throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("fleetsim-hostile-out-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let args = c.args.map { $0.replacingOccurrences(of: "$OUT", with: out.path) }
        let r = HostileRunner.run(args, in: Self.directory, stdinPath: c.stdin)
        #expect(!r.crashed, "crashed: \(r.stderr.prefix(600))")
        #expect(r.exitCode != HostileRunner.killedByWatchdog, "hung")
        #expect(r.exitCode == c.exit, "exit \(r.exitCode), stderr: \(r.stderr.prefix(600))")
        #expect(r.stderr.contains(c.stderr), "stderr: \(r.stderr.prefix(600))")
        if c.positioned {
            #expect(r.stderr.range(of: #":[0-9]+:[0-9]+: error: "#, options: .regularExpression) != nil, "no file:line:column in \(r.stderr.prefix(300))")
        }
        #expect(!FileManager.default.fileExists(atPath: out.path), "wrote \(out.path)")
        if c.exit == 2 { #expect(r.stdout.isEmpty, "stdout: \(r.stdout.prefix(300))") }
    }
}
