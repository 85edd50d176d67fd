import Foundation
import Testing
@testable import Reporting

/// `ReportSetWriter.forEachFile` with two jobs: the files pinned to the helper lane render on
/// another thread beside the caller's, the set written is the same as with one job, and a
/// failure on either lane still leaves the directory as it was.
@Suite struct ReportSetTwoLaneTests {
    /// Signals shared between renderers running on two threads.
    final class Handshake: @unchecked Sendable {
        let callerStarted = DispatchSemaphore(value: 0)
        private let lock = NSLock()
        private var seen = false
        var helperSawCaller: Bool {
            get { lock.lock(); defer { lock.unlock() }; return seen }
            set { lock.lock(); seen = newValue; lock.unlock() }
        }
    }

    /// instances.csv (helper lane, first in order) waits for report.html (caller lane) to
    /// start: only possible when the two render at the same time.
    func files(_ handshake: Handshake) -> [ReportSetWriter.PendingFile] {
        var helper = ReportSetWriter.PendingFile("instances.csv", streaming: { sink in
            handshake.helperSawCaller = handshake.callerStarted.wait(timeout: .now() + 5) == .success
            AtomicFile.send("a,b\n1,2\n", to: sink)
        })
        helper.lane = .helper
        return [helper,
                .init("report.html") { handshake.callerStarted.signal(); return "<html>✓</html>\n" },
                .init("summary.json") { "{}\n" }]
    }

    @Test func twoLanesRenderSideBySideAndWriteTheSameSet() throws {
        let one = try ScratchDirectory(), two = try ScratchDirectory()
        defer { one.cleanUp(); two.cleanUp() }
        let parallel = Handshake()
        _ = try ReportSetWriter.write(rendering: files(parallel), into: two.path, family: .run, jobs: 2)
        #expect(parallel.helperSawCaller)
        // One job: in order, so the helper's file waits in vain (and the bytes do not care).
        let serial = Handshake()
        serial.callerStarted.signal()   // not to wait 5 s: the serial order is checked elsewhere
        _ = try ReportSetWriter.write(rendering: files(serial), into: one.path, family: .run, jobs: 1)
        #expect(try one.contents() == two.contents())
        for name in try one.contents() {
            #expect(FileManager.default.contents(atPath: one.file(name)) == FileManager.default.contents(atPath: two.file(name)))
        }
        #expect(try two.contents() == ["instances.csv", "report.html", "summary.json"])
    }

    @Test func aFailureOnTheHelperLaneLeavesTheOldSet() throws {
        let dir = try ScratchDirectory()
        defer { dir.cleanUp() }
        _ = try ReportSetWriter.write(named: [("summary.json", "old\n"), ("instances.csv", "old\n")], into: dir.path, family: .run)
        // A directory where the helper's temporary file would go: it cannot be created.
        let blocker = dir.file(".instances.csv.tmp-\(getpid())")
        try FileManager.default.createDirectory(atPath: blocker, withIntermediateDirectories: false)
        var helper = ReportSetWriter.PendingFile("instances.csv") { "new\n" }
        helper.lane = .helper
        let files = [.init("summary.json") { "new\n" }, helper, .init("report.html") { "new\n" }]
        #expect(throws: AtomicFile.WriteError.self) {
            try ReportSetWriter.write(rendering: files, into: dir.path, family: .run, jobs: 2)
        }
        try FileManager.default.removeItem(atPath: blocker)
        #expect(try dir.contents() == ["instances.csv", "summary.json"])
        #expect(FileManager.default.contents(atPath: dir.file("summary.json")) == Data("old\n".utf8))
        #expect(FileManager.default.contents(atPath: dir.file("instances.csv")) == Data("old\n".utf8))
    }

    @Test func theFirstFailureInFileOrderIsReported() {
        var helper = ReportSetWriter.PendingFile("b") { "" }
        helper.lane = .helper
        let files = [.init("a") { "" }, helper, .init("c") { "" }]
        // Both lanes fail (b on the helper, c on the caller): b comes first in the list.
        let failure = ReportSetWriter.forEachFile(files, jobs: 2) { k, _ in k == 0 ? nil : "failed \(k)" }
        #expect(failure?.0 == 1)
        #expect(failure?.1 == "failed 1")
        let serial = ReportSetWriter.forEachFile(files, jobs: 1) { k, _ in k == 0 ? nil : "failed \(k)" }
        #expect(serial?.0 == 1)
    }
}
