import Foundation
import Yams

/// Text -> Yams node tree, with YAML problems turned into diagnostics.
///
/// Yams refuses a mapping with a duplicated key and stops there, which would hide every other
/// problem in the file. So the loader finds the second occurrence in the text, reports it,
/// renames it to a placeholder that cannot clash, and parses again; readers then skip the
/// placeholder keys (`isSuppressedKey`). Duplicates it cannot locate (unusual flow layouts)
/// are reported at the first occurrence and end the parse, as any syntax error does.
struct YAMLLoader {
    struct Position: Hashable { var line: Int; var column: Int }

    var root: Node?
    var diagnostics: [ScenarioDiagnostic] = []
    /// Positions of keys renamed because they repeated an earlier key of their mapping.
    var suppressedKeys: Set<Position> = []

    static let placeholderMarker = "\u{2063}duplicate\u{2063}"

    init(yaml: String, file: String) {
        var text = yaml
        var duplicates: [(position: Position, key: String, firstLine: Int)] = []
        for attempt in 0..<1_000 {
            do {
                root = try Yams.compose(yaml: text)
                if root == nil {
                    diagnostics.append(ScenarioDiagnostic(
                        .wrongType, at: SourceLocation(file: file, line: 1, column: 1),
                        expected: "a mapping of scenario settings", found: "an empty document"))
                }
                break
            } catch let YamlError.duplicatedKeysInMapping(keys, context) {
                let key = keys.first ?? ""
                let first = Position(line: context.mark.line, column: context.mark.column)
                if let second = YAMLLoader.locateDuplicate(of: key, after: first, in: text) {
                    text = YAMLLoader.rename(at: second, keyLength: key.unicodeScalars.count,
                                             suffix: "\(YAMLLoader.placeholderMarker)\(attempt)", in: text)
                    duplicates.append((second, key, first.line))
                    suppressedKeys.insert(second)
                } else {
                    diagnostics.append(ScenarioDiagnostic(
                        .duplicateKey, at: SourceLocation(file: file, line: first.line, column: first.column),
                        expected: "each key once per mapping", found: "key '\(key)' more than once"))
                    break
                }
            } catch let error as YamlError {
                diagnostics.append(YAMLLoader.diagnostic(for: error, yaml: yaml, file: file))
                break
            } catch {
                diagnostics.append(ScenarioDiagnostic(
                    .syntax, at: SourceLocation(file: file, line: 1, column: 1),
                    expected: "valid YAML", found: "\(error)"))
                break
            }
        }
        // Name each duplicate by its key path, now that the tree exists (or at the document
        // root if a later syntax error left no tree).
        var paths: [Position: FieldPath] = [:]
        if let root { YAMLLoader.collectPaths(root, path: .root, wanted: suppressedKeys, into: &paths) }
        for duplicate in duplicates {
            diagnostics.append(ScenarioDiagnostic(
                .duplicateKey,
                at: SourceLocation(file: file, line: duplicate.position.line, column: duplicate.position.column),
                path: paths[duplicate.position] ?? FieldPath([.key(duplicate.key)]),
                expected: "each key once per mapping",
                found: "duplicate key '\(duplicate.key)' (first at line \(duplicate.firstLine))"))
        }
    }

    /// A libyaml error as `file:line:column: error: expected valid YAML, found <problem>`.
    static func diagnostic(for error: YamlError, yaml: String, file: String) -> ScenarioDiagnostic {
        func make(_ mark: Mark?, _ problem: String, _ context: YamlError.Context?) -> ScenarioDiagnostic {
            var found = problem
            if let context, !context.text.isEmpty {
                found += " \(context.text)"
                if context.mark.line != mark?.line { found += " started at line \(context.mark.line)" }
            }
            return ScenarioDiagnostic(.syntax, at: SourceLocation(file: file, mark: mark),
                                      expected: "valid YAML", found: found)
        }
        switch error {
        case let .scanner(context, problem, mark, _): return make(mark, problem, context)
        case let .parser(context, problem, mark, _): return make(mark, problem, context)
        case let .composer(context, problem, mark, _): return make(mark, problem, context)
        case let .reader(problem, offset, _, _):
            let (line, column) = yaml.lineAndColumn(ofCharacterOffset: offset ?? 0)
            return ScenarioDiagnostic(.syntax, at: SourceLocation(file: file, line: line, column: column),
                                      expected: "valid YAML text", found: problem)
        default:
            return ScenarioDiagnostic(.syntax, at: SourceLocation(file: file, line: 1, column: 1),
                                      expected: "valid YAML", found: "\(error)")
        }
    }

    /// The second occurrence of `key` in the mapping whose first occurrence is at `first`:
    /// later on the same line for a flow mapping (`{a: 1, a: 2}`), else the next line starting
    /// at the same column before the block mapping ends (a line indented less).
    static func locateDuplicate(of key: String, after first: Position, in text: String) -> Position? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        guard first.line >= 1, first.line <= lines.count else { return nil }
        let keyScalars = Array(key.unicodeScalars)

        func keyEnd(in line: [Unicode.Scalar], at start: Int) -> Int? {
            var i = start
            for quote in ["\"", "'"] as [Unicode.Scalar] where i < line.count && line[i] == quote {
                guard matches(line, at: i + 1, keyScalars), i + 1 + keyScalars.count < line.count,
                      line[i + 1 + keyScalars.count] == quote else { return nil }
                i += keyScalars.count + 2
                return colonFollows(line, i) ? i : nil
            }
            guard matches(line, at: i, keyScalars) else { return nil }
            i += keyScalars.count
            return colonFollows(line, i) ? i : nil
        }

        // Flow mapping: `{a: 1, b: 2, a: 3}` on the first key's line.
        let firstLine = lines[first.line - 1]
        var i = first.column  // 0-based index just past the first key's first character
        var depth = 0
        while i < firstLine.count {
            let c = firstLine[i]
            if c == "{" || c == "[" { depth += 1 }
            if c == "}" || c == "]" { if depth == 0 { break }; depth -= 1 }
            if depth == 0, c == "," {
                var j = i + 1
                while j < firstLine.count, firstLine[j] == " " { j += 1 }
                if keyEnd(in: firstLine, at: j) != nil { return Position(line: first.line, column: j + 1) }
            }
            i += 1
        }

        // Block mapping.
        let indent = first.column - 1
        for lineIndex in first.line..<lines.count {
            let line = lines[lineIndex]
            var lead = 0
            while lead < line.count, line[lead] == " " { lead += 1 }
            let rest = line[lead...]
            if rest.isEmpty || rest.first == "#" || rest.allSatisfy({ $0 == "\r" || $0 == " " || $0 == "\t" }) { continue }
            if lead == 0, String(String.UnicodeScalarView(rest)).hasPrefix("---") || String(String.UnicodeScalarView(rest)).hasPrefix("...") { return nil }
            if lead < indent { return nil }
            if lead == indent, keyEnd(in: line, at: lead) != nil { return Position(line: lineIndex + 1, column: lead + 1) }
        }
        return nil
    }

    private static func matches(_ line: [Unicode.Scalar], at start: Int, _ key: [Unicode.Scalar]) -> Bool {
        start + key.count <= line.count && Array(line[start..<start + key.count]) == key
    }

    private static func colonFollows(_ line: [Unicode.Scalar], _ start: Int) -> Bool {
        var i = start
        while i < line.count, line[i] == " " || line[i] == "\t" { i += 1 }
        guard i < line.count, line[i] == ":" else { return false }
        return i + 1 == line.count || [" ", "\t", "\r", ",", "}"].contains(line[i + 1])
    }

    /// `text` with `suffix` inserted after the key at `position` (inside its quotes, if any).
    static func rename(at position: Position, keyLength: Int, suffix: String, in text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        var line = lines[position.line - 1]
        var insertAt = position.column - 1 + keyLength
        if line[position.column - 1] == "\"" || line[position.column - 1] == "'" { insertAt += 1 }
        line.insert(contentsOf: suffix.unicodeScalars, at: insertAt)
        lines[position.line - 1] = line
        return lines.map { String(String.UnicodeScalarView($0)) }.joined(separator: "\n")
    }

    /// The key paths of the keys at `wanted` positions.
    static func collectPaths(_ node: Node, path: FieldPath, wanted: Set<Position>, into paths: inout [Position: FieldPath]) {
        guard !wanted.isEmpty else { return }
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping {
                let name = key.scalar?.string ?? "?"
                if let mark = key.mark, wanted.contains(Position(line: mark.line, column: mark.column)) {
                    let original = name.components(separatedBy: placeholderMarker).first ?? name
                    paths[Position(line: mark.line, column: mark.column)] = path.appending(key: original)
                    continue
                }
                collectPaths(value, path: path.appending(key: name), wanted: wanted, into: &paths)
            }
        case .sequence(let sequence):
            for (index, item) in sequence.enumerated() {
                collectPaths(item, path: path.appending(index: index), wanted: wanted, into: &paths)
            }
        case .scalar, .alias:
            break
        }
    }
}
