import Foundation

/// Writes a file so that readers only ever see the old content or the complete new one:
/// the text goes to a temporary name in the same directory, then `rename(2)` replaces the
/// target (atomic within one file system). An interrupted run leaves at most a stray
/// `.tmp` file, never a half-written report.
public enum AtomicFile {
    public struct WriteError: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "cannot write \(path): \(reason)" }
    }

    public static func write(_ text: String, to path: String) throws(WriteError) {
        let tmp = path + ".tmp-\(getpid())"
        guard let data = text.data(using: .utf8) else { throw WriteError(path: path, reason: "not UTF-8") }
        guard FileManager.default.createFile(atPath: tmp, contents: data) else {
            throw WriteError(path: path, reason: String(cString: strerror(errno)))
        }
        if rename(tmp, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(tmp)
            throw WriteError(path: path, reason: reason)
        }
    }

    /// Create `directory` (and parents) if missing.
    public static func ensureDirectory(_ directory: String) throws(WriteError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw WriteError(path: directory, reason: "\(error.localizedDescription)")
        }
    }
}
