import Foundation
import Testing
@testable import Reporting

/// `ReportSetWriter.write(rendering:)` renders each file only when its turn comes and writes
/// it before rendering the next (one report's text in memory at a time), and still writes
/// the set as one unit: a failure leaves the directory as it was.
@Suite struct ReportSetStreamingTests {
    @Test func rendersEachFileAfterThePreviousOneIsWritten() throws {
        let dir = try ScratchDirectory()
        defer { dir.cleanUp() }
        var seenBeforeRendering: [[String]] = []
        let names = ["summary.json", "instances.csv", "report.html"]
        let files = names.map { name in
            ReportSetWriter.PendingFile(name) {
                // What is in the directory when this file is rendered: the earlier files'
                // temporary copies, already written.
                seenBeforeRendering.append((try? dir.contents()) ?? [])
                return "text of \(name) – ✓\n"
            }
        }
        let written = try ReportSetWriter.write(rendering: files, into: dir.path, family: .run)
        #expect(written == names.map(dir.file))
        #expect(seenBeforeRendering.map(\.count) == [0, 1, 2])
        #expect(seenBeforeRendering[2].allSatisfy { $0.hasPrefix(".") && $0.contains(".tmp-") })
        for name in names {
            #expect(FileManager.default.contents(atPath: dir.file(name)) == Data("text of \(name) – ✓\n".utf8))
        }
        #expect(try dir.contents() == names.sorted())
    }

    @Test func aFailingFileLeavesTheOldSetAndNoTemporaryFile() throws {
        let dir = try ScratchDirectory()
        defer { dir.cleanUp() }
        _ = try ReportSetWriter.write(named: [("summary.json", "old\n"), ("report.html", "old\n")], into: dir.path, family: .run)
        // A directory where the second file's temporary copy would go: it cannot be created.
        let blocker = dir.file(".report.html.tmp-\(getpid())")
        try FileManager.default.createDirectory(atPath: blocker, withIntermediateDirectories: false)
        var rendered: [String] = []
        let files = ["summary.json", "report.html", "summary.md"].map { name in
            ReportSetWriter.PendingFile(name) { rendered.append(name); return "new\n" }
        }
        #expect(throws: AtomicFile.WriteError.self) {
            try ReportSetWriter.write(rendering: files, into: dir.path, family: .run)
        }
        // Stopped at the failing file: the third was never rendered.
        #expect(rendered == ["summary.json", "report.html"])
        try FileManager.default.removeItem(atPath: blocker)
        #expect(try dir.contents() == ["report.html", "summary.json"])
        #expect(FileManager.default.contents(atPath: dir.file("summary.json")) == Data("old\n".utf8))
    }

    @Test func anEmptyTextIsAnEmptyFile() throws {
        let dir = try ScratchDirectory()
        defer { dir.cleanUp() }
        _ = try ReportSetWriter.write(rendering: [.init("summary.md") { "" }], into: dir.path, family: .run)
        #expect(FileManager.default.contents(atPath: dir.file("summary.md")) == Data())
    }
}

/// A streamed CSV is the same bytes as one built whole, handed over in chunks of about a
/// megabyte (`CSVWriter(streamingTo:)`); a streamed report file is written as its chunks come.
@Suite struct CSVStreamingTests {
    @Test func streamedRowsEqualTheWholeText() throws {
        var whole = CSVWriter()
        final class Chunks { var list: [[UInt8]] = [] }
        let chunks = Chunks()
        var streamed = CSVWriter(streamingTo: { chunks.list.append(Array($0)) })
        for k in 0..<40_000 {
            let row = [String(k), "vm-\(k)", "a \"quoted\", field", "naïve ✓", String(Double(k) / 7)]
            whole.appendRow(row)
            streamed.appendRow(row)
        }
        streamed.finish()
        #expect(chunks.list.count > 1)
        #expect(chunks.list.dropLast().allSatisfy { $0.count >= CSVWriter.spillBytes })
        #expect(chunks.list.flatMap { $0 } == whole.bytes)
    }

    @Test func aStreamedFileIsWrittenChunkByChunk() throws {
        let dir = try ScratchDirectory()
        defer { dir.cleanUp() }
        let file = ReportSetWriter.PendingFile("instances.csv", streaming: { sink in
            for part in ["a,b\n", "", "1,2\n", "3,4\n"] {
                var text = part
                text.withUTF8 { sink($0) }
            }
        })
        #expect(file.render() == "a,b\n1,2\n3,4\n")
        _ = try ReportSetWriter.write(rendering: [file], into: dir.path, family: .run)
        #expect(FileManager.default.contents(atPath: dir.file("instances.csv")) == Data("a,b\n1,2\n3,4\n".utf8))
    }
}
