import Foundation
import Yams

/// Where a diagnostic points: a file and a 1-based line and column (columns count Unicode
/// scalars, as libyaml does). Line 0 means "the file as a whole" (e.g. it does not exist).
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// A Yams mark (already 1-based) in `file`; a missing mark points at 1:1.
    public init(file: String, mark: Mark?) {
        self.init(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }

    /// `file:line:column`, or just `file` for a whole-file location.
    public var description: String { line > 0 ? "\(file):\(line):\(column)" : file }
}

/// The path of a value inside a scenario document: `fleet.racks[2].uplink`.
/// Keys are joined by dots, sequence items are `[index]` (0-based, as written in YAML order).
/// A key that would be ambiguous in that syntax (contains `.`, `[`, `]`, a space, or is empty)
/// is written quoted: `labels["team.name"]`.
public struct FieldPath: Hashable, Sendable, CustomStringConvertible, ExpressibleByArrayLiteral {
    public enum Component: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    public var components: [Component]

    public init(_ components: [Component] = []) { self.components = components }
    public init(arrayLiteral elements: Component...) { self.components = elements }

    public static let root = FieldPath()

    public var isRoot: Bool { components.isEmpty }

    public func appending(key: String) -> FieldPath { FieldPath(components + [.key(key)]) }
    public func appending(index: Int) -> FieldPath { FieldPath(components + [.index(index)]) }

    /// The last key of the path, if the path ends in a key.
    public var lastKey: String? {
        if case .key(let k)? = components.last { return k }
        return nil
    }

    public var description: String {
        var out = ""
        for component in components {
            switch component {
            case .index(let i):
                out += "[\(i)]"
            case .key(let k):
                if k.isEmpty || k.contains(where: { ".[] \"\t".contains($0) }) {
                    let escaped = k.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"")
                    out += "[\"\(escaped)\"]"
                } else {
                    out += out.isEmpty ? k : "." + k
                }
            }
        }
        return out
    }
}

/// One problem found in a scenario file, with everything a reader needs to fix it.
///
/// Rendered (``description``) as
/// `FILE:LINE:COLUMN: error: KEYPATH: expected EXPECTATION, found FOUND (did you mean 'x'?)`;
/// the key path is left out at the document root, the position for whole-file problems.
public struct ScenarioDiagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of problem: stable, for tests and tools; the text is for humans.
    public enum Code: String, Hashable, Sendable, CaseIterable {
        case missingFile
        case unreadableFile
        case syntax
        case duplicateKey
        case unknownKey
        case missingKey
        case wrongType
        case missingUnit
        case unknownUnit
        case unexpectedUnit
        case badNumber
        case negative
        case outOfRange
        case unknownName
        case invalidValue
    }

    public enum Severity: String, Hashable, Sendable {
        case error
        case warning
    }

    public var code: Code
    public var severity: Severity
    public var location: SourceLocation
    public var path: FieldPath
    /// What the field accepts: "a byte size with a unit (e.g. 16GiB, 512MiB)".
    public var expected: String
    /// What was written: "'300' (missing unit)".
    public var found: String
    /// The closest accepted spelling, for a likely typo.
    public var suggestion: String?

    public init(_ code: Code, at location: SourceLocation, path: FieldPath = .root,
                expected: String, found: String, suggestion: String? = nil,
                severity: Severity = .error) {
        self.code = code
        self.severity = severity
        self.location = location
        self.path = path
        self.expected = expected
        self.found = found
        self.suggestion = suggestion
    }

    public var file: String { location.file }
    public var line: Int { location.line }
    public var column: Int { location.column }

    public var description: String {
        var out = "\(location): \(severity.rawValue): "
        if !path.isRoot { out += "\(path): " }
        out += "expected \(expected), found \(found)"
        if let suggestion { out += " (did you mean '\(suggestion)'?)" }
        return out
    }
}

/// The failure of reading a scenario: every diagnostic found in one pass, in file order.
public struct ScenarioError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [ScenarioDiagnostic]

    public init(_ diagnostics: [ScenarioDiagnostic]) {
        // Stable sort: problems at the same place keep the order they were found in.
        self.diagnostics = diagnostics.enumerated()
            .sorted { ($0.element.location, $0.offset) < ($1.element.location, $1.offset) }
            .map(\.element)
    }

    /// One diagnostic a line, then a count: what a compiler prints.
    public var description: String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let lines = diagnostics.map(\.description)
        return (lines + ["\(errors) error\(errors == 1 ? "" : "s")"]).joined(separator: "\n")
    }
}
