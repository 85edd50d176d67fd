import Foundation
import Yams

/// One command-line `--set KEY=VALUE`: a scenario key by its path (`campaign.max_hosts_in_maintenance`,
/// `fleet.instance_groups[0].count`) and a YAML value written in its place before the scenario
/// is read. The schema then checks it like any value in the file; its diagnostics name the
/// `--set` argument instead of a line of the file.
public struct ScenarioOverride: Sendable, Hashable {
    /// The argument as typed, `KEY=VALUE` (diagnostics and reports quote it).
    public let argument: String
    public let key: String
    public let value: String
    public let path: FieldPath

    /// Split `KEY=VALUE` at the first `=`; nil with the reason when it is not of that form.
    public static func parse(_ argument: String) -> Result<ScenarioOverride, OverrideSyntaxError> {
        guard let equals = argument.firstIndex(of: "=") else {
            return .failure(OverrideSyntaxError(message: "--set '\(argument)': expected KEY=VALUE (e.g. campaign.max_hosts_in_maintenance=20), found no '='"))
        }
        let key = String(argument[..<equals]).trimmingCharacters(in: .whitespaces)
        let value = String(argument[argument.index(after: equals)...])
        let path = FieldPath(parsing: key)
        // The path must read back as written: `a..b`, `a[x]` or a stray bracket are typos.
        guard !key.isEmpty, !path.components.isEmpty, path.description == key else {
            return .failure(OverrideSyntaxError(message: "--set '\(argument)': expected a key path such as fleet.instance_groups[0].count, found '\(key)'"))
        }
        return .success(ScenarioOverride(argument: argument, key: key, value: value, path: path))
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
    public static func load(path: String, overrides: [ScenarioOverride]) -> Result<LoadedScenario, ScenarioError> {
        let reader = ScenarioReader(contentsOfFile: path, distributionSchema: .stochastics)
        guard !overrides.isEmpty, reader.rootNode != nil else { return load(reader: reader, path: path) }
        var problems: [ScenarioDiagnostic] = []
        reader.editRoot { root in
            for o in overrides {
                if let problem = apply(o, to: &root) { problems.append(problem) }
            }
        }
        // Overrides that could not be placed are reported with everything the schema finds.
        switch load(reader: reader, path: path) {
        case .success(let loaded): return problems.isEmpty ? .success(loaded) : .failure(ScenarioError(problems))
        case .failure(let error):
            return .failure(ScenarioError(problems + relocated(error, overrides: overrides).diagnostics))
        }
    }

    /// Problems inside an overridden value are the override's: point at the `--set` argument
    /// instead of the file (also for errors found later, e.g. while building the fleet).
    public static func relocated(_ error: ScenarioError, overrides: [ScenarioOverride]) -> ScenarioError {
        ScenarioError(error.diagnostics.map { d in
            guard let o = overrides.last(where: { d.path.components.starts(with: $0.path.components) }) else { return d }
            var moved = d
            moved.location = o.location
            return moved
        })
    }

    /// Write one override into the tree; a diagnostic when its path cannot be followed.
    static func apply(_ o: ScenarioOverride, to root: inout Node?) -> ScenarioDiagnostic? {
        let value: Node
        do {
            value = try Yams.compose(yaml: o.value) ?? Node("")
        } catch {
            return ScenarioDiagnostic(.syntax, at: o.location, path: o.path, expected: "a YAML value",
                                      found: "'\(o.value)' (\(error))")
        }
        guard var node = root else { return nil }
        var walked: [FieldPath.Component] = []
        let problem = set(value, at: o.path.components[...], in: &node, walked: &walked, override: o)
        root = node
        return problem
    }

    private static func set(_ value: Node, at path: ArraySlice<FieldPath.Component>, in node: inout Node,
                            walked: inout [FieldPath.Component], override o: ScenarioOverride) -> ScenarioDiagnostic? {
        guard let first = path.first else { node = value; return nil }
        walked.append(first)
        switch first {
        case .key(let key):
            // A key absent from the file is added (then the schema says whether it exists).
            var mapping: Node.Mapping
            if case .mapping(let m) = node { mapping = m } else if node.isNullScalar { mapping = Node.Mapping([]) } else {
                return ScenarioDiagnostic(.wrongType, at: o.location, path: FieldPath(walked),
                                          expected: "a mapping at \(FieldPath(walked.dropLast())) to hold key '\(key)'",
                                          found: "a \(node.kindName)")
            }
            if let i = mapping.indices.first(where: { mapping[$0].key.string == key }) {
                var child = mapping[i].value
                if let p = set(value, at: path.dropFirst(), in: &child, walked: &walked, override: o) { return p }
                mapping[i] = (key: mapping[i].key, value: child)
            } else {
                var child = Node("")
                if let p = set(value, at: path.dropFirst(), in: &child, walked: &walked, override: o) { return p }
                mapping[key] = child
            }
            node = .mapping(mapping)
            return nil
        case .index(let index):
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
            if let p = set(value, at: path.dropFirst(), in: &child, walked: &walked, override: o) { return p }
            sequence[index] = child
            node = .sequence(sequence)
            return nil
        }
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
