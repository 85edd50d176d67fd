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
        if let reason = writeStreamed(to: tmp, { sink in send(text, to: sink) }) {
            unlink(tmp)
            throw WriteError(path: path, reason: reason)
        }
        if rename(tmp, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(tmp)
            throw WriteError(path: path, reason: reason)
        }
    }

    /// Hand a text's UTF-8 bytes to `sink` as they are, in one chunk (no `Data` or array copy
    /// of a text that can be tens of MB).
    static func send(_ text: String, to sink: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        text.withUTF8 { sink($0) }
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
