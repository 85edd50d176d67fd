import Foundation

/// Checks on a scenario file made before its bytes are read.
public enum ScenarioFileCheck {
    /// Why a path is not read as a scenario.
    public struct Refusal: Error, Sendable {
        public var code: ScenarioDiagnostic.Code
        public var expected: String
        public var found: String
    }

    /// Scenario files are hand-written: anything past 16 MiB is not one, and reading it would
    /// only cost memory.
    public static let maximumBytes: Double = 16 * 1_048_576

    /// The accepted extensions. Any other file is refused unread, so that a typo such as
    /// `validate /etc/shadow` never prints that file's lines as "unknown keys".
    public static let extensions: Set<String> = ["yaml", "yml"]

    public static func check(_ path: String) -> Result<Void, Refusal> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(Refusal(code: .missingFile, expected: "an existing scenario file", found: "no such file"))
        }
        if isDirectory.boolValue {
            return .failure(Refusal(code: .unreadableFile, expected: "a scenario file (.yaml)", found: "a directory"))
        }
        guard isRegularFile(path) else {
            return .failure(Refusal(code: .unreadableFile, expected: "a scenario file (.yaml)",
                                    found: "a device, pipe or socket, which could be read without end"))
        }
        guard extensions.contains(FilePath.pathExtension(of: path)) else {
            let ext = FilePath.pathExtension(of: path)
            return .failure(Refusal(code: .unreadableFile, expected: "a scenario file whose name ends in .yaml or .yml",
                                    found: ext.isEmpty ? "a file name without an extension" : "a '.\(ext)' file"))
        }
        return .success(())
    }

    /// Whether `path` (after symbolic links) is a plain file: a FIFO or a device named
    /// `x.yaml` or `x.csv` would block a read, or never end it.
    public static func isRegularFile(_ path: String) -> Bool {
        let resolved = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)).map {
            $0.hasPrefix("/") ? $0 : FilePath.join(FilePath.directory(of: path), $0)
        } ?? path
        let type = (try? FileManager.default.attributesOfItem(atPath: resolved))?[.type] as? FileAttributeType
        return type == .typeRegular
    }

    /// 1-based line and column (in bytes) of the first byte that is not valid UTF-8.
    public static func firstInvalidUTF8(in data: Data) -> (line: Int, column: Int) {
        let bytes = [UInt8](data)
        var line = 1, lineStart = 0, i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, i - lineStart + 1)
            }
            if length > 1 {
                guard i + length <= bytes.count,
                      String(bytes: bytes[i..<i + length], encoding: .utf8) != nil else { return (line, i - lineStart + 1) }
            }
            if b == 0x0A { line += 1; lineStart = i + 1 }
            i += length
        }
        return (line, max(1, i - lineStart + 1))
    }
}
