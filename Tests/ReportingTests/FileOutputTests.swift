import Foundation
import Testing
@testable import Reporting

/// A fresh, empty directory for one test, removed by `cleanUp()`.
struct ScratchDirectory {
    let path: String

    init(_ label: String = #function) throws {
        let safe = label.filter { $0.isLetter || $0.isNumber }
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("fleetsim-reporting-\(safe)-\(getpid())-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { path + "/" + name }

    func contents() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }

    func cleanUp() { try? FileManager.default.removeItem(atPath: path) }
}

@Suite struct AtomicFileTests {
    @Test func writesTheTextAndLeavesNoTemporaryFile() throws {
        let dir = try ScratchDirectory()
        defer { dir.cleanUp() }
        let target = dir.file("summary.json")
        try AtomicFile.write("{\"a\": 1}\n", to: target)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "{\"a\": 1}\n")
        #expect(try dir.contents() == ["summary.json"])
    }

    @Test func replacesExistingContentWhole() throws {
        let dir = try ScratchDirectory()
        defer { dir.cleanUp() }
        let target = dir.file("r.txt")
        try AtomicFile.write(String(repeating: "long old content\n", count: 1_000), to: target)
        try AtomicFile.write("new\n", to: target)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "new\n")
        #expect(try dir.contents() == ["r.txt"])
        // Writing the empty string gives an empty file, not a missing one.
        try AtomicFile.write("", to: target)
        #expect(FileManager.default.contents(atPath: target) == Data())
    }

    @Test func unicodeIsWrittenAsUTF8() throws {
        let dir = try ScratchDirectory()
        defer { dir.cleanUp() }
        let target = dir.file("u.md")
        try AtomicFile.write("95% CI 1 – 2 ✓\n", to: target)
        #expect(FileManager.default.contents(atPath: target) == Data("95% CI 1 – 2 ✓\n".utf8))
    }

    @Test func writingIntoAMissingDirectoryFailsAndLeavesNothing() throws {
        let dir = try ScratchDirectory()
        defer { dir.cleanUp() }
        let target = dir.file("missing/sub/out.txt")
        #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write("x", to: target) }
        do {
            try AtomicFile.write("x", to: target)
        } catch {
            #expect(error.path == target)
            #expect(error.description.hasPrefix("cannot write \(target): "))
        }
        #expect(try dir.contents().isEmpty)
    }

    @Test func ensureDirectoryCreatesParentsAndAcceptsAnExistingOne() throws {
        let dir = try ScratchDirectory()
        defer { dir.cleanUp() }
        let nested = dir.file("a/b/c")
        try AtomicFile.ensureDirectory(nested)
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: nested, isDirectory: &isDirectory) && isDirectory.boolValue)
        try AtomicFile.ensureDirectory(nested)  // again: no error
        // A file in the way is an error.
        try AtomicFile.write("x", to: dir.file("blocker"))
        #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.ensureDirectory(dir.file("blocker/sub")) }
    }
}

@Suite struct ReportWriterTests {
    @Test func writesOnlyTheSelectedFilesIntoANewDirectory() throws {
        let dir = try ScratchDirectory()
        defer { dir.cleanUp() }
        let out = dir.file("reports/run1")
        let written = try ReportWriter.write([(.json, "{}\n"), (.md, "# r\n")], into: out)
        #expect(written == [out + "/summary.json", out + "/summary.md"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == ["summary.json", "summary.md"])
        #expect(try String(contentsOfFile: out + "/summary.json", encoding: .utf8) == "{}\n")
        #expect(try String(contentsOfFile: out + "/summary.md", encoding: .utf8) == "# r\n")
    }

    @Test func allThreeFormatsAndATrailingSlash() throws {
        let dir = try ScratchDirectory()
        defer { dir.cleanUp() }
        let written = try ReportWriter.write([(.json, "j"), (.csv, "c"), (.md, "m")], into: dir.path + "/")
        #expect(written == [dir.path + "/summary.json", dir.path + "/instances.csv", dir.path + "/summary.md"])
        #expect(try dir.contents() == ["instances.csv", "summary.json", "summary.md"])
        #expect(try String(contentsOfFile: dir.file("instances.csv"), encoding: .utf8) == "c")
    }

    @Test func rewritingReplacesEarlierReports() throws {
        let dir = try ScratchDirectory()
        defer { dir.cleanUp() }
        _ = try ReportWriter.write([(.json, "old")], into: dir.path)
        _ = try ReportWriter.write([(.json, "new")], into: dir.path)
        #expect(try String(contentsOfFile: dir.file("summary.json"), encoding: .utf8) == "new")
        #expect(try dir.contents() == ["summary.json"])
    }

    @Test func formatFileNames() {
        #expect(ReportFormat.allCases.map(\.rawValue) == ["json", "csv", "md"])
        #expect(ReportFormat.allCases.map(\.fileName) == ["summary.json", "instances.csv", "summary.md"])
    }
}

@Suite struct CSVFieldTests {
    @Test func plainFieldsAreLeftAlone() {
        #expect(InstanceCSV.field("vm-0001") == "vm-0001")
        #expect(InstanceCSV.field("") == "")
        #expect(InstanceCSV.field("12.5") == "12.5")
        #expect(InstanceCSV.field("with space") == "with space")
        #expect(InstanceCSV.field("semi;colon") == "semi;colon")
    }

    @Test func fieldsWithSeparatorsQuotesOrLineBreaksAreQuoted() {
        #expect(InstanceCSV.field("a,b") == "\"a,b\"")
        #expect(InstanceCSV.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(InstanceCSV.field("\"") == "\"\"\"\"")
        #expect(InstanceCSV.field("two\nlines") == "\"two\nlines\"")
        #expect(InstanceCSV.field("cr\rhere") == "\"cr\rhere\"")
        #expect(InstanceCSV.field("crlf\r\nhere") == "\"crlf\r\nhere\"")
        // Non-ASCII text and combining marks pass through unchanged, quotes doubled.
        #expect(InstanceCSV.field("é, \"ü\" e\u{301}") == "\"é, \"\"ü\"\" e\u{301}\"")
    }

    @Test func headerHasTheDocumentedColumns() {
        #expect(InstanceCSV.header.count == 36)
        #expect(InstanceCSV.header.first == "replication")
        #expect(InstanceCSV.header.suffix(7) == ["notice_sent_at", "due_at", "extended", "downtime_stop_s",
                                                 "downtime_copy_s", "downtime_boot_s", "downtime_blackout_s"])
        #expect(InstanceCSV.header.dropLast(7).suffix(7) == ["plan", "plan_reason", "incompatibilities", "downtime_total_s",
                                                 "unplanned_downtime_s", "data_lost", "identifiers_changed"])
        #expect(Set(InstanceCSV.header).count == InstanceCSV.header.count)
    }
}
