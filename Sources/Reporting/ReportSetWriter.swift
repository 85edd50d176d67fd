import Foundation

/// A run's whole report set into one directory, as one unit:
///
/// - each text is written to a temporary file in the directory first (rendered just before,
///   and dropped once written, so only one file's text per writing thread is in memory at a
///   time); only when all are written are they renamed into place, one after another, and a
///   failure on the way removes the temporary files and leaves the directory as it was;
/// - with `jobs` above 1 a helper thread writes files beside the calling thread
///   (`forEachFile`); each file's bytes are its own, so the set is the same either way;
/// - an exclusive lock (`flock` on the directory itself, so nothing is left behind) is held from the first temporary
///   file to the last rename, so two runs writing into one directory take turns: the
///   directory ends with one run's complete set, never a mix;
/// - report files fleetsim writes that this run did not write (a format not asked for this
///   time) are removed under the same lock, so the directory never shows stale reports next
///   to fresh ones; other files are never touched;
/// - temporary files are registered with `InterruptCleanup`, which removes them if the
///   process is interrupted (SIGINT, SIGTERM) before they are renamed.
public enum ReportSetWriter {
    /// Which command's report set: stale files are removed only among the same family's names
    /// (a run never deletes a sweep's files in the same directory, nor the reverse).
    public enum Family: Sendable {
        case run, sweep
        /// `run --shard K/N`: one file, joined by `merge`.
        case runShard

        public var fileNames: Set<String> {
            switch self {
            case .run: return ["summary.json", "summary.md", "instances.csv", "hosts.csv", "links.csv",
                               "link_utilisation.csv", "timeline.csv", "report.html"]
            case .sweep: return ["sweep.csv", "sweep.md", "sweep.html", "sweep.json"]
            case .runShard: return ["run-shard.json"]
            }
        }
    }

    /// A file to write, rendered only when its turn comes.
    public struct PendingFile {
        public typealias Sink = (UnsafeBufferPointer<UInt8>) -> Void
        public let name: String
        /// Hands the file's bytes to a sink in chunks, as they are formatted.
        public let stream: (_ sink: @escaping Sink) -> Void
        /// Which thread writes the file when writing uses two (`forEachFile`).
        public var lane = Lane.caller

        /// `helper` only for a large file whose rendering allocates little (instances.csv
        /// streams its rows through reused buffers). A helper thread's malloc arena cannot
        /// reuse the memory the simulation freed in the main thread's: with report.html on
        /// the helper large-fleet's peak rose from 276 to 305 MiB, with the whole-text CSVs
        /// to 317 MiB; with instances.csv alone, 280 MiB.
        public enum Lane: Sendable { case caller, helper }

        public init(_ name: String, render: @escaping () -> String) {
            self.name = name
            stream = { sink in AtomicFile.send(render(), to: sink) }
        }

        /// A file written as it is rendered: it is never whole in memory.
        public init(_ name: String, streaming: @escaping (_ sink: @escaping Sink) -> Void) {
            self.name = name
            stream = streaming
        }

        /// The whole text (tests, and callers that need it in memory).
        public func render() -> String {
            var bytes: [UInt8] = []
            stream { bytes.append(contentsOf: $0) }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// Texts already rendered.
    public static func write(named files: [(String, String)], into directory: String,
                             family: Family) throws(AtomicFile.WriteError) -> [String] {
        try write(rendering: files.map { file in PendingFile(file.0) { file.1 } }, into: directory, family: family)
    }

    /// `jobs`: 1 writes the files one after another in the given order; more writes them on
    /// two threads (`forEachFile`). The renderers must only read what
    /// they share: a run's do (recorders and report do not change once the run ended).
    public static func write(rendering files: [PendingFile], into directory: String,
                             family: Family, jobs: Int = 1) throws(AtomicFile.WriteError) -> [String] {
        try AtomicFile.ensureDirectory(directory)
        let dir = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        let lockPath = dir
        let fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw AtomicFile.WriteError(path: lockPath, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        // Blocking: a second writer waits for the first to finish, then replaces its set.
        guard flock(fd, LOCK_EX) == 0 else { throw AtomicFile.WriteError(path: lockPath, reason: String(cString: strerror(errno))) }
        defer { flock(fd, LOCK_UN) }

        var staged: [(tmp: String, path: String)] = []
        defer { for s in staged { unlink(s.tmp); InterruptCleanup.forget(s.tmp) } }
        for file in files {
            let tmp = dir + "/." + file.name + ".tmp-\(getpid())"
            InterruptCleanup.register(tmp)
            staged.append((tmp, dir + "/" + file.name))
        }
        if let (k, reason) = writeStaged(files, to: staged.map(\.tmp), jobs: jobs) {
            throw AtomicFile.WriteError(path: staged[k].path, reason: reason)
        }
        let written = Set(files.map(\.name))
        for name in family.fileNames.subtracting(written).sorted() {
            let path = dir + "/" + name
            if unlink(path) != 0 && errno != ENOENT {
                throw AtomicFile.WriteError(path: path, reason: "stale report not removable: " + String(cString: strerror(errno)))
            }
        }
        for s in staged where rename(s.tmp, s.path) != 0 {
            throw AtomicFile.WriteError(path: s.path, reason: String(cString: strerror(errno)))
        }
        return staged.map(\.path)
    }
}

extension ReportSetWriter {
    /// Writes each file to its temporary path; returns the first failure in file order.
    static func writeStaged(_ files: [PendingFile], to paths: [String], jobs: Int) -> (Int, String)? {
        forEachFile(files, jobs: jobs) { k, file in AtomicFile.writeStreamed(to: paths[k], file.stream) }
    }

    /// Runs `body` on every file (its index and itself) and returns the first failure
    /// (`body`'s message) in file order. With one job, the files go in their order, and the
    /// first failure stops the rest. With more, a helper thread writes the files pinned to it
    /// (`PendingFile.lane`) while the calling thread writes the others, each in order and
    /// each stopping at its own first failure: a run's instances.csv and report.html then
    /// render side by side (docs/performance.md, "Reports"). `body` may run on both
    /// threads at once: what it shares must only be read. `bench` renders through this too,
    /// as `run` writes.
    public static func forEachFile(_ files: [PendingFile], jobs: Int,
                                   _ body: @escaping (Int, PendingFile) -> String?) -> (Int, String)? {
        guard jobs > 1, files.contains(where: { $0.lane == .helper }) else {
            for (k, file) in files.enumerated() {
                if let reason = body(k, file) { return (k, reason) }
            }
            return nil
        }
        let shared = TwoLanes(files: files, body: body)
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            shared.work(.helper)
            done.signal()
        }
        shared.work(.caller)
        done.wait()
        return shared.failure
    }

    /// What the two threads share: the files and the body (only read), and the first failure
    /// (behind a lock).
    private final class TwoLanes: @unchecked Sendable {
        let files: [PendingFile]
        let body: (Int, PendingFile) -> String?
        private let lock = NSLock()
        private var first: (Int, String)?

        init(files: [PendingFile], body: @escaping (Int, PendingFile) -> String?) {
            self.files = files; self.body = body
        }

        /// The files of `lane`, in order, until one fails. A lane does not stop for the
        /// other's failure: so the failure reported, the first of either lane's first, is the
        /// first in file order whatever the timing.
        func work(_ lane: PendingFile.Lane) {
            for k in files.indices where files[k].lane == lane {
                if let reason = body(k, files[k]) { fail(k, reason); return }
            }
        }

        private func fail(_ k: Int, _ reason: String) {
            lock.lock(); defer { lock.unlock() }
            if first.map({ k < $0.0 }) ?? true { first = (k, reason) }
        }

        var failure: (Int, String)? { lock.lock(); defer { lock.unlock() }; return first }
    }
}

/// Temporary files to remove if the process is interrupted, and the message to print then.
/// The command installs the handler (`fleetsim`'s `Interrupts`); writers register and forget.
public enum InterruptCleanup {
    nonisolated(unsafe) private static var paths: Set<String> = []
    private static let lock = NSLock()

    public static func register(_ path: String) { lock.lock(); paths.insert(path); lock.unlock() }
    public static func forget(_ path: String) { lock.lock(); paths.remove(path); lock.unlock() }

    /// Remove every registered file; returns how many there were.
    @discardableResult
    public static func removeAll() -> Int {
        lock.lock(); defer { lock.unlock() }
        for p in paths { unlink(p) }
        let n = paths.count
        paths.removeAll()
        return n
    }
}
