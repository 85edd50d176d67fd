import Foundation
import Yams

/// One command-line `--set KEY=VALUE`: a scenario key by its path (`campaign.max_hosts_in_maintenance`,
/// `fleet.instance_groups[0].count`) and a YAML value written in its place before the scenario
/// is read. The schema then checks it like any value in the file; its diagnostics name the
/// `--set` argument instead of a line of the file.
///
/// Selectors reach groups of entities a scenario lists one by one: `[*]` is every item of a
/// sequence, `[key=value]` every item whose `key` is `value` (e.g.
/// `fleet.host_groups[*].nic=10Gbit/s`, `fleet.host_groups[name=e4].count=12`).
public struct ScenarioOverride: Sendable, Hashable {
    public enum Selector: Sendable, Hashable {
        case key(String)
        case index(Int)
        case all
        case match(key: String, value: String)
    }

    /// The argument as typed, `KEY=VALUE` (diagnostics and reports quote it).
    public let argument: String
    public let key: String
    public let value: String
    /// The path up to the first selector (all of it when there is none).
    public let path: FieldPath
    public let selectors: [Selector]

    /// Split `KEY=VALUE` at the first `=` outside brackets; the reason when it is not of that form.
    public static func parse(_ argument: String) -> Result<ScenarioOverride, OverrideSyntaxError> {
        var depth = 0
        let equals = argument.indices.first { i in
            if argument[i] == "[" { depth += 1 } else if argument[i] == "]" { depth -= 1 }
            return argument[i] == "=" && depth == 0
        }
        guard let equals else {
            return .failure(OverrideSyntaxError(message: "--set '\(argument)': expected KEY=VALUE (e.g. campaign.max_hosts_in_maintenance=20), found no '='"))
        }
        let key = String(argument[..<equals]).trimmingCharacters(in: .whitespaces)
        let value = String(argument[argument.index(after: equals)...])
        guard let selectors = tokens(key), !selectors.isEmpty else {
            return .failure(OverrideSyntaxError(message: "--set '\(argument)': expected a key path such as fleet.instance_groups[0].count or fleet.host_groups[*].nic, found '\(key)'"))
        }
        var prefix: [FieldPath.Component] = []
        for sel in selectors {
            if case .key(let k) = sel { prefix.append(.key(k)) } else if case .index(let i) = sel { prefix.append(.index(i)) } else { break }
        }
        return .success(ScenarioOverride(argument: argument, key: key, value: value, path: FieldPath(prefix), selectors: selectors))
    }

    /// `a.b[0][*][k=v].c` -> selectors; nil for an empty key, `a..b`, a stray bracket.
    static func tokens(_ text: String) -> [Selector]? {
        var out: [Selector] = []
        var rest = Substring(text)
        var expectKey = true
        while !rest.isEmpty {
            if rest.first == "[" {
                guard let close = rest.firstIndex(of: "]") else { return nil }
                let inner = String(rest[rest.index(after: rest.startIndex)..<close]).trimmingCharacters(in: .whitespaces)
                if inner == "*" { out.append(.all) }
                else if let n = Int(inner), n >= 0 { out.append(.index(n)) }
                else if let eq = inner.firstIndex(of: "="), eq != inner.startIndex {
                    out.append(.match(key: String(inner[..<eq]).trimmingCharacters(in: .whitespaces),
                                      value: String(inner[inner.index(after: eq)...]).trimmingCharacters(in: .whitespaces)))
                } else { return nil }
                rest = rest[rest.index(after: close)...]
                expectKey = false
                if rest.first == "." { rest = rest.dropFirst(); expectKey = true; if rest.isEmpty { return nil } }
                continue
            }
            guard expectKey else { return nil }
            let end = rest.firstIndex { $0 == "." || $0 == "[" } ?? rest.endIndex
            let name = String(rest[..<end])
            guard !name.isEmpty, !name.contains("]") else { return nil }
            out.append(.key(name))
            rest = rest[end...]
            expectKey = false
            if rest.first == "." { rest = rest.dropFirst(); expectKey = true; if rest.isEmpty { return nil } }
        }
        return out
    }

    /// Where diagnostics about this override point: the argument itself (line 0: no line).
    var location: SourceLocation { SourceLocation(file: "--set \(argument)", line: 0, column: 0) }
}

public struct OverrideSyntaxError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

extension ScenarioLoader {
    /// Read the scenario at `path` with `overrides` written into its tree first (in order; a
    /// later one wins). Every problem, in the file or in an override, is reported at once.
    public static func load(path: String, overrides: [ScenarioOverride],
                            options: ScenarioReadOptions = ScenarioReadOptions()) -> Result<LoadedScenario, ScenarioError> {
        let reader = ScenarioReader(contentsOfFile: path, distributionSchema: .stochastics, options: options)
        guard !overrides.isEmpty, reader.rootNode != nil else { return load(reader: reader, path: reader.file) }
        var problems: [ScenarioDiagnostic] = []
        var touched: [(FieldPath, ScenarioOverride)] = []
        reader.editRoot { root in
            for o in overrides {
                var paths: [FieldPath] = []
                if let problem = apply(o, to: &root, touched: &paths) { problems.append(problem) }
                touched += paths.map { ($0, o) }
            }
        }
        // Overrides that could not be placed are reported with everything the schema finds.
        switch load(reader: reader, path: reader.file) {
        case .success(let loaded): return problems.isEmpty ? .success(loaded) : .failure(ScenarioError(problems))
        case .failure(let error):
            return .failure(ScenarioError(problems + relocated(error, touched: touched).diagnostics))
        }
    }

    /// Problems inside an overridden value are the override's: point at the `--set` argument
    /// instead of the file (also for errors found later, e.g. while building the fleet).
    public static func relocated(_ error: ScenarioError, overrides: [ScenarioOverride]) -> ScenarioError {
        relocated(error, touched: overrides.map { ($0.path, $0) })
    }

    static func relocated(_ error: ScenarioError, touched: [(FieldPath, ScenarioOverride)]) -> ScenarioError {
        ScenarioError(error.diagnostics.map { d in
            guard let o = touched.last(where: { d.path.components.starts(with: $0.0.components) })?.1 else { return d }
            var moved = d
            moved.location = o.location
            return moved
        })
    }

    /// Write one override into the tree; a diagnostic when its path cannot be followed.
    static func apply(_ o: ScenarioOverride, to root: inout Node?, touched: inout [FieldPath]) -> ScenarioDiagnostic? {
        let value: Node
        do {
            value = try Yams.compose(yaml: o.value) ?? Node("")
        } catch {
            return ScenarioDiagnostic(.syntax, at: o.location, path: o.path, expected: "a YAML value",
                                      found: "'\(o.value)' (\(error))")
        }
        guard var node = root else { return nil }
        var walked: [FieldPath.Component] = []
        let problem = set(value, at: o.selectors[...], in: &node, walked: &walked, touched: &touched, override: o)
        root = node
        return problem
    }

    private static func set(_ value: Node, at path: ArraySlice<ScenarioOverride.Selector>, in node: inout Node,
                            walked: inout [FieldPath.Component], touched: inout [FieldPath],
                            override o: ScenarioOverride) -> ScenarioDiagnostic? {
        guard let first = path.first else { node = value; touched.append(FieldPath(walked)); return nil }
        // Each case appends its own component to `walked`; it comes off when this level ends.
        defer { walked.removeLast() }
        switch first {
        case .all, .match:
            return setInItems(value, selector: first, rest: path.dropFirst(), in: &node, walked: &walked, touched: &touched, override: o)
        case .key(let key):
            return setAtKey(value, key: key, rest: path.dropFirst(), in: &node, walked: &walked, touched: &touched, override: o)
        case .index(let index):
            return setAtIndex(value, index: index, rest: path.dropFirst(), in: &node, walked: &walked, touched: &touched, override: o)
        }
    }

    /// `[*]` or `[key=value]`: set `rest` in every item of the sequence (that matches).
    private static func setInItems(_ value: Node, selector: ScenarioOverride.Selector, rest: ArraySlice<ScenarioOverride.Selector>,
                                   in node: inout Node, walked: inout [FieldPath.Component], touched: inout [FieldPath],
                                   override o: ScenarioOverride) -> ScenarioDiagnostic? {
        walked.append(.index(-1))
        guard case .sequence(var sequence) = node else {
            return ScenarioDiagnostic(.wrongType, at: o.location, path: FieldPath(walked.dropLast()),
                                      expected: "a sequence to select items from", found: "a \(node.kindName)")
        }
        var matched = 0
        for i in sequence.indices {
            if case .match(let k, let v) = selector {
                guard case .mapping(let m) = sequence[i], let field = m.first(where: { $0.key.string == k })?.value,
                      field.string == v else { continue }
            }
            matched += 1
            walked[walked.count - 1] = .index(i)
            var child = sequence[i]
            if let p = set(value, at: rest, in: &child, walked: &walked, touched: &touched, override: o) { return p }
            sequence[i] = child
        }
        if matched == 0, case .match(let k, let v) = selector {
            return ScenarioDiagnostic(.invalidValue, at: o.location, path: FieldPath(walked.dropLast()),
                                      expected: "at least one item with \(k) = \(v)", found: "none among \(sequence.count) item\(sequence.count == 1 ? "" : "s")")
        }
        node = .sequence(sequence)
        return nil
    }

    /// `.key`: set `rest` under the key, adding it when the file does not have it.
    private static func setAtKey(_ value: Node, key: String, rest: ArraySlice<ScenarioOverride.Selector>,
                                 in node: inout Node, walked: inout [FieldPath.Component], touched: inout [FieldPath],
                                 override o: ScenarioOverride) -> ScenarioDiagnostic? {
        walked.append(.key(key))
        // A key absent from the file is added (then the schema says whether it exists).
        var mapping: Node.Mapping
        if case .mapping(let m) = node { mapping = m } else if node.isNullScalar { mapping = Node.Mapping([]) } else {
            return ScenarioDiagnostic(.wrongType, at: o.location, path: FieldPath(walked),
                                      expected: "a mapping at \(FieldPath(walked.dropLast())) to hold key '\(key)'",
                                      found: "a \(node.kindName)")
        }
        if let i = mapping.indices.first(where: { mapping[$0].key.string == key }) {
            var child = mapping[i].value
            if let p = set(value, at: rest, in: &child, walked: &walked, touched: &touched, override: o) { return p }
            mapping[i] = (key: mapping[i].key, value: child)
        } else {
            var child = Node("")
            if let p = set(value, at: rest, in: &child, walked: &walked, touched: &touched, override: o) { return p }
            mapping[key] = child
        }
        node = .mapping(mapping)
        return nil
    }

    /// `[i]`: set `rest` in item `i`, which must exist.
    private static func setAtIndex(_ value: Node, index: Int, rest: ArraySlice<ScenarioOverride.Selector>,
                                   in node: inout Node, walked: inout [FieldPath.Component], touched: inout [FieldPath],
                                   override o: ScenarioOverride) -> ScenarioDiagnostic? {
        walked.append(.index(index))
        guard case .sequence(var sequence) = node else {
            return ScenarioDiagnostic(.wrongType, at: o.location, path: FieldPath(walked),
                                      expected: "a sequence at \(FieldPath(walked.dropLast()))", found: "a \(node.kindName)")
        }
        guard index >= 0, index < sequence.count else {
            return ScenarioDiagnostic(.invalidValue, at: o.location, path: FieldPath(walked),
                                      expected: "an index below \(sequence.count) (the sequence has \(sequence.count) item\(sequence.count == 1 ? "" : "s"))",
                                      found: "[\(index)]")
        }
        var child = sequence[index]
        if let p = set(value, at: rest, in: &child, walked: &walked, touched: &touched, override: o) { return p }
        sequence[index] = child
        node = .sequence(sequence)
        return nil
    }
}

private extension Node {
    var isNullScalar: Bool {
        if case .scalar(let s) = self { return s.string.isEmpty || s.string == "~" || s.string == "null" }
        return false
    }

    var kindName: String {
        switch self {
        case .scalar(let s): return "value '\(s.string)'"
        case .mapping: return "mapping"
        case .sequence: return "sequence"
        case .alias: return "alias"
        }
    }
}
