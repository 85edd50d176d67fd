import Yams

/// One node of the document together with its key path: what every decoder works on.
///
/// A cursor never fails silently: each accessor either returns a value or records a
/// diagnostic at this node (its file, line, column and key path) and returns nil.
public struct NodeCursor {
    public let reader: ScenarioReader
    public let node: Node
    public let path: FieldPath

    public init(reader: ScenarioReader, node: Node, path: FieldPath) {
        self.reader = reader
        self.node = node
        self.path = path
    }

    public var location: SourceLocation { SourceLocation(file: reader.file, mark: node.mark) }

    public var isMapping: Bool { node.mapping != nil }
    public var isSequence: Bool { node.sequence != nil }
    /// A scalar that is not null.
    public var isScalar: Bool { node.scalar != nil && !isNull }
    /// `key:` with nothing after it, `~` or `null` (unquoted).
    public var isNull: Bool {
        guard let scalar = node.scalar else { return false }
        return scalar.style == .plain && node.tagName == .null
    }

    /// How this node is named after "found": `a mapping`, `a sequence`, `an empty value`, `'25G'`.
    public var found: String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a sequence"
        case .alias: return "an alias"
        case .scalar(let scalar):
            if isNull { return scalar.string.isEmpty ? "an empty value" : "null" }
            return NodeCursor.quote(scalar.string)
        }
    }

    /// `'text'`, shortened to 60 characters and one line.
    public static func quote(_ text: String) -> String {
        var t = text.replacingAll("\n", with: "\\n")
        if t.count > 60 { t = String(t.prefix(57)) + "..." }
        return "'\(t)'"
    }

    /// Record a diagnostic at this node; `found` defaults to a description of the node.
    public func report(_ code: ScenarioDiagnostic.Code, expected: String, found: String? = nil,
                       suggestion: String? = nil, severity: ScenarioDiagnostic.Severity = .error) {
        reader.report(code, at: node, path: path, expected: expected, found: found ?? self.found,
                      suggestion: suggestion, severity: severity)
    }

    /// Decode this node as `type`.
    public func decode<T>(_ type: FieldType<T>) -> T? { type.decode(self) }

    /// The scalar's text, or a `wrongType` diagnostic naming `expected` for a mapping, a
    /// sequence or a null.
    public func scalarText(expected: String) -> String? {
        guard let scalar = node.scalar, !isNull else {
            report(.wrongType, expected: expected)
            return nil
        }
        return scalar.string
    }

    /// Whether the scalar was written as a YAML number (`300`, `1.5`, not `"300"`).
    public var isYAMLNumber: Bool {
        guard let scalar = node.scalar, scalar.style == .plain else { return false }
        return node.tagName == .int || node.tagName == .float
    }

    /// Read this node as a mapping with `body`, then report its unread keys as unknown.
    /// Nil (with a `wrongType` diagnostic) when the node is not a mapping, or when `body`
    /// returns nil.
    public func mapping<T>(_ body: (MappingReader) -> T?) -> T? {
        guard let m = MappingReader(self) else {
            report(.wrongType, expected: "a mapping")
            return nil
        }
        let value = body(m)
        m.finish()
        return value
    }

    /// Read this node as a sequence, calling `body` with a cursor on each item (path
    /// `...[i]`). Every item is visited even after a failure; the result is nil if the node is
    /// not a sequence or any item returned nil.
    public func sequence<T>(_ body: (NodeCursor) -> T?) -> [T]? {
        guard let sequence = node.sequence else {
            report(.wrongType, expected: "a sequence")
            return nil
        }
        var items: [T] = []
        var failed = false
        for (index, item) in sequence.enumerated() {
            if let value = body(NodeCursor(reader: reader, node: item, path: path.appending(index: index))) {
                items.append(value)
            } else {
                failed = true
            }
        }
        return failed ? nil : items
    }

    /// Read this node as a sequence of `element`.
    public func sequence<T>(of element: FieldType<T>) -> [T]? {
        guard node.sequence != nil else {
            report(.wrongType, expected: "a sequence of \(element.expected)")
            return nil
        }
        return sequence { $0.decode(element) }
    }
}

extension Node {
    /// The resolved tag's name (Yams keeps `Tag.name` internal).
    var tagName: Tag.Name { Tag.Name(rawValue: tag.rawValue) }
}
