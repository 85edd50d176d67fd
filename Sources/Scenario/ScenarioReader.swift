import Foundation
import Yams

/// Reads one scenario document: holds the parsed tree, the file name used in diagnostics and
/// every diagnostic found so far. Reading never stops at the first problem: accessors record a
/// diagnostic, return nil, and the caller carries on, so one run reports everything.
///
/// ```swift
/// let fleet = try ScenarioReader.read(contentsOfFile: "fleet.yaml") { root in
///     let name = root.required("name", .string)
///     let racks = root.sequence("racks") { rack in
///         rack.mapping { r -> Rack? in
///             let uplink = r.required("uplink", .bytesPerSecond)
///             let hosts = r.optional("hosts", .count, default: 16)
///             guard let uplink else { return nil }
///             return Rack(uplinkBytesPerSecond: uplink, hosts: hosts)
///         }
///     }
///     guard let name, let racks else { return nil }
///     return Fleet(name: name, racks: racks)
/// }
/// ```
///
/// Read every field of a mapping before bailing out on a nil: a key never asked for is
/// reported as unknown by ``MappingReader/finish()``.
public final class ScenarioReader {
    /// The name diagnostics use for the file (as given, usually a relative path).
    public let file: String
    /// The document text (empty when the file could not be read).
    public let yaml: String
    /// Directory against which relative data files (`file: data.csv`) are resolved.
    public var baseDirectory: String
    /// What distribution fields accept; replace with Stochastics' table when it exists.
    public var distributionSchema: DistributionSchema
    /// Every problem found so far, in the order found (``ScenarioError`` sorts by position).
    public private(set) var diagnostics: [ScenarioDiagnostic] = []
    /// The document's root node; nil when the file is missing, empty or not valid YAML.
    public private(set) var rootNode: Node?
    /// Every mapping's known keys, by path (`fleet.host_groups[0]`): what the schema reads,
    /// for the test that keeps the docs and the reader in step.
    public private(set) var knownKeys: [String: [String]] = [:]

    func recordKnownKeys(_ keys: [String], at path: FieldPath) {
        var recorded = knownKeys[path.description, default: []]
        for key in keys where !recorded.contains(key) { recorded.append(key) }
        knownKeys[path.description] = recorded
    }

    /// What data files may be read and how much memory they may take.
    public var options = ScenarioReadOptions()

    let suppressedKeys: Set<YAMLLoader.Position>

    /// Parse `yaml`, naming it `file` in diagnostics. Syntax errors and duplicate keys are
    /// recorded immediately.
    public init(yaml: String, file: String = "<scenario>", baseDirectory: String = ".",
                distributionSchema: DistributionSchema = .standard) {
        self.file = file
        self.yaml = yaml
        self.baseDirectory = baseDirectory
        self.distributionSchema = distributionSchema
        let loaded = YAMLLoader(yaml: yaml, file: file)
        self.rootNode = loaded.root
        self.diagnostics = loaded.diagnostics
        self.suppressedKeys = loaded.suppressedKeys
    }

    /// Read and parse the file at `path` (`-`: standard input, named `<stdin>`). A missing,
    /// unreadable or non-YAML file is a diagnostic (with no line: it has none), not a crash.
    /// A file whose name does not end in `.yaml` or `.yml` is refused before it is read, so an
    /// error message never quotes lines of some other file (`validate /etc/shadow`).
    public convenience init(contentsOfFile path: String, distributionSchema: DistributionSchema = .standard,
                            options: ScenarioReadOptions = ScenarioReadOptions()) {
        let isStandardInput = path == "-"
        let file = isStandardInput ? "<stdin>" : path
        let base = isStandardInput ? "." : FilePath.directory(of: path)
        switch ScenarioReader.readText(path, isStandardInput: isStandardInput) {
        case .success(let text):
            self.init(yaml: text, file: file, baseDirectory: base, distributionSchema: distributionSchema)
            self.options = options
        case .failure(let f):
            self.init(failedFile: file, code: f.code, expected: f.expected, found: f.found, baseDirectory: base,
                      distributionSchema: distributionSchema, options: options, line: f.line, column: f.column)
        }
    }

    struct ReadFailure: Error {
        var code: ScenarioDiagnostic.Code
        var expected: String
        var found: String
        var line = 0
        var column = 0
    }

    /// The file's text, or why it is not read.
    static func readText(_ path: String, isStandardInput: Bool) -> Result<String, ReadFailure> {
        let data: Data
        if isStandardInput {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            if case .failure(let refusal) = ScenarioFileCheck.check(path) {
                return .failure(ReadFailure(code: refusal.code, expected: refusal.expected, found: refusal.found))
            }
            guard let contents = FileManager.default.contents(atPath: path) else {
                return .failure(ReadFailure(code: .unreadableFile, expected: "a readable scenario file",
                                            found: "a file that cannot be read (permission denied?)"))
            }
            data = contents
        }
        guard Double(data.count) <= ScenarioFileCheck.maximumBytes else {
            return .failure(ReadFailure(code: .invalidValue,
                                        expected: "a scenario file of at most \(Int(ScenarioFileCheck.maximumBytes) / 1_048_576) MiB",
                                        found: "\(data.count) bytes"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            let (line, column) = ScenarioFileCheck.firstInvalidUTF8(in: data)
            return .failure(ReadFailure(code: .unreadableFile, expected: "UTF-8 text", found: "bytes that are not UTF-8",
                                        line: line, column: column))
        }
        return .success(text)
    }

    private init(failedFile path: String, code: ScenarioDiagnostic.Code, expected: String, found: String,
                 baseDirectory: String, distributionSchema: DistributionSchema, options: ScenarioReadOptions,
                 line: Int = 0, column: Int = 0) {
        self.file = path
        self.yaml = ""
        self.baseDirectory = baseDirectory
        self.distributionSchema = distributionSchema
        self.rootNode = nil
        self.suppressedKeys = []
        self.options = options
        self.diagnostics = [ScenarioDiagnostic(code, at: SourceLocation(file: path, line: line, column: column),
                                               expected: expected, found: found)]
    }

    /// Edit the parsed tree before anything reads it: command-line `--set` overrides
    /// (ScenarioOverride.swift) go through the same schema, so their errors are as precise.
    func editRoot(_ edit: (inout Node?) -> Void) { edit(&rootNode) }

    /// A cursor on the root node, if the document parsed.
    public var root: NodeCursor? { rootNode.map { NodeCursor(reader: self, node: $0, path: .root) } }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Record a diagnostic.
    public func report(_ diagnostic: ScenarioDiagnostic) { diagnostics.append(diagnostic) }

    /// Record a diagnostic at `node` (1:1 when nil).
    public func report(_ code: ScenarioDiagnostic.Code, at node: Node?, path: FieldPath,
                       expected: String, found: String, suggestion: String? = nil,
                       severity: ScenarioDiagnostic.Severity = .error) {
        report(ScenarioDiagnostic(code, at: SourceLocation(file: file, mark: node?.mark), path: path,
                                  expected: expected, found: found, suggestion: suggestion, severity: severity))
    }

    /// Read the root as a mapping with `body` (then report its unknown keys). Nil when the
    /// document did not parse, is not a mapping, or `body` returned nil.
    public func readRoot<T>(_ body: (MappingReader) -> T?) -> T? {
        root?.mapping(body)
    }

    /// `value` if reading produced no errors; otherwise every diagnostic, sorted by position.
    public func result<T>(_ value: T?) throws(ScenarioError) -> T {
        if hasErrors { throw ScenarioError(diagnostics) }
        guard let value else {
            throw ScenarioError([ScenarioDiagnostic(
                .invalidValue, at: SourceLocation(file: file, line: 1, column: 1),
                expected: "a complete scenario", found: "a document the schema could not use")])
        }
        return value
    }

    /// Read a whole file: parse, walk the root mapping with `body`, and throw every diagnostic.
    public static func read<T>(contentsOfFile path: String, distributionSchema: DistributionSchema = .standard,
                               _ body: (MappingReader) -> T?) throws(ScenarioError) -> T {
        let reader = ScenarioReader(contentsOfFile: path, distributionSchema: distributionSchema)
        return try reader.result(reader.readRoot(body))
    }

    /// Read a document held in memory, naming it `file` in diagnostics.
    public static func read<T>(yaml: String, file: String = "<scenario>", distributionSchema: DistributionSchema = .standard,
                               _ body: (MappingReader) -> T?) throws(ScenarioError) -> T {
        let reader = ScenarioReader(yaml: yaml, file: file, distributionSchema: distributionSchema)
        return try reader.result(reader.readRoot(body))
    }

    /// Whether a mapping key was renamed by the loader because it repeats an earlier key (it
    /// has been reported as a duplicate already and is skipped).
    func isSuppressedKey(_ node: Node) -> Bool {
        guard !suppressedKeys.isEmpty, let mark = node.mark else { return false }
        return suppressedKeys.contains(YAMLLoader.Position(line: mark.line, column: mark.column))
    }
}
