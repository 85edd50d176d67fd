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
        if let reason = writeBytes(of: text, to: tmp) {
            unlink(tmp)
            throw WriteError(path: path, reason: reason)
        }
        if rename(tmp, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(tmp)
            throw WriteError(path: path, reason: reason)
        }
    }

    /// Write a text's UTF-8 bytes to `path` as they are (no `Data` copy of a text that can be
    /// hundreds of MB: a million-instance run's instances.csv); nil on success, else why not.
    static func writeBytes(of text: String, to path: String) -> String? {
        var text = text
        guard let fp = fopen(path, "wb") else { return String(cString: strerror(errno)) }
        let wrote = text.withUTF8 { bytes in
            bytes.isEmpty || fwrite(bytes.baseAddress, 1, bytes.count, fp) == bytes.count
        }
        let failure = wrote ? nil : String(cString: strerror(errno))
        if fclose(fp) != 0 { return failure ?? String(cString: strerror(errno)) }
        return failure
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
