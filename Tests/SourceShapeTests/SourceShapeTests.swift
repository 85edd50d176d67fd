import Foundation
import Testing

/// Issue 10's rules, kept true: no Swift file in Sources/ over 400 lines, no function,
/// initializer or property body over 60. A long body reads as several steps; name them.
@Suite struct SourceShapeTests {
    static let maximumFileLines = 400
    static let maximumBodyLines = 60

    /// Bodies allowed over the limit for now, as "path relative to Sources/: name", each with
    /// the reason. Remove an entry when its body is split (a stale entry does not fail the
    /// test, so the branches splitting these can merge in any order).
    static let allowedLongBodies: [String: String] = [:]

    static let sourcesDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources")

    /// Every .swift file under Sources/, as (path relative to Sources/, text).
    static func sourceFiles() throws -> [(path: String, text: String)] {
        let root = sourcesDirectory.path
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        var files: [(String, String)] = []
        while let relative = walker.nextObject() as? String {
            guard relative.hasSuffix(".swift") else { continue }
            files.append((relative, try String(contentsOfFile: root + "/" + relative, encoding: .utf8)))
        }
        return files.sorted { $0.0 < $1.0 }
    }

    @Test func sourcesAreFound() throws {
        let files = try Self.sourceFiles()
        #expect(files.count > 100, "Sources/ not found at \(Self.sourcesDirectory.path)")
    }

    @Test func noFileOverTheLimit() throws {
        let long = try Self.sourceFiles().compactMap { file -> String? in
            let lines = SwiftShapeScanner.lineCount(of: file.text)
            return lines > Self.maximumFileLines ? "\(file.path): \(lines) lines" : nil
        }
        #expect(long.isEmpty, "files over \(Self.maximumFileLines) lines:\n\(long.joined(separator: "\n"))")
    }

    @Test func noBodyOverTheLimit() throws {
        var long: [String] = []
        for file in try Self.sourceFiles() {
            for body in SwiftShapeScanner.bodies(in: file.text) where body.lineCount > Self.maximumBodyLines {
                let key = "\(file.path): \(body.name)"
                guard Self.allowedLongBodies[key] == nil else { continue }
                long.append("\(file.path): \(body)")
            }
        }
        #expect(long.isEmpty, "bodies over \(Self.maximumBodyLines) lines:\n\(long.joined(separator: "\n"))")
    }
}
