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

    /// Write the chunks `stream` hands over to `path`; returns why it failed, or nil. The file
    /// is created at the first chunk, so a text rendered whole is rendered before its file
    /// exists (as when it was written after rendering); after the first failure the rest is
    /// ignored (the caller removes the file).
    static func writeStreamed(to path: String, _ stream: (_ sink: @escaping (UnsafeBufferPointer<UInt8>) -> Void) -> Void) -> String? {
        final class Output {
            var file: UnsafeMutablePointer<FILE>?
            var failure: String?
            let path: String
            init(path: String) { self.path = path }
            func open() -> Bool {
                if file == nil && failure == nil {
                    file = fopen(path, "wb")
                    if file == nil { failure = String(cString: strerror(errno)) }
                }
                return file != nil
            }
        }
        let out = Output(path: path)
        stream { chunk in
            guard out.open(), out.failure == nil, !chunk.isEmpty else { return }
            if fwrite(chunk.baseAddress, 1, chunk.count, out.file) != chunk.count {
                out.failure = out.failure ?? String(cString: strerror(errno))
            }
        }
        guard out.open(), let file = out.file else { return out.failure }
        if fclose(file) != 0 { return out.failure ?? String(cString: strerror(errno)) }
        return out.failure
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
