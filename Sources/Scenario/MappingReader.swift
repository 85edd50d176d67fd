import Yams

/// Reads the keys of one mapping, remembering which were asked for.
///
/// Every accessor marks its key as known (so it can be suggested) and, when present, as read.
/// ``finish()`` then reports each key that was never read as unknown, with a did-you-mean
/// among the known keys. ``NodeCursor/mapping(_:)`` calls `finish()` for you.
///
/// Absent keys: `required` records a `missingKey` diagnostic, `optional` returns nil (or the
/// default). A null value (`key:` or `key: ~`) counts as absent for `optional` and as an
/// error for `required`.
public final class MappingReader {
    public let cursor: NodeCursor
    private struct Entry {
        var key: String
        var keyNode: Node
        var value: Node
    }
    private let entries: [Entry]
    private var read: Set<String> = []
    private var known: [String] = []
    private var knownSet: Set<String> = []
    private var finished = false
    private var ignoringUnread = false

    /// Nil when the cursor's node is not a mapping.
    public init?(_ cursor: NodeCursor) {
        guard let mapping = cursor.node.mapping else { return nil }
        self.cursor = cursor
        var entries: [Entry] = []
        for (keyNode, value) in mapping {
            if cursor.reader.isSuppressedKey(keyNode) { continue }
            guard let scalar = keyNode.scalar else {
                NodeCursor(reader: cursor.reader, node: keyNode, path: cursor.path)
                    .report(.wrongType, expected: "a plain key (a name, not a mapping or a sequence)")
                continue
            }
            entries.append(Entry(key: scalar.string, keyNode: keyNode, value: value))
        }
        self.entries = entries
    }

    public var reader: ScenarioReader { cursor.reader }
    public var path: FieldPath { cursor.path }
    /// The keys present, in document order.
    public var keys: [String] { entries.map(\.key) }

    /// Declare keys as accepted without reading them (for suggestions, or keys read
    /// conditionally elsewhere).
    public func accept(_ keys: [String]) {
        for key in keys where knownSet.insert(key).inserted { known.append(key) }
    }

    /// Whether `key` is present (null values included). Marks it known, not read.
    public func contains(_ key: String) -> Bool {
        accept([key])
        return entries.contains { $0.key == key }
    }

    /// A cursor on the value of `key`, marking it read; nil when absent.
    public func node(_ key: String) -> NodeCursor? {
        accept([key])
        guard let entry = entries.first(where: { $0.key == key }) else { return nil }
        read.insert(key)
        return NodeCursor(reader: reader, node: entry.value, path: path.appending(key: key))
    }

    /// The value of a key that must be present.
    public func required<T>(_ key: String, _ type: FieldType<T>) -> T? {
        guard let value = node(key) else {
            // Held until `finish()`: when the key is missing because it was misspelt, the
            // unknown-key error ("did you mean 'memory'?") says it all, once.
            deferMissing(key, expected: type.expected)
            return nil
        }
        if value.isNull {
            value.report(.wrongType, expected: type.expected)
            return nil
        }
        return type.decode(value)
    }

    /// The value of a key that may be absent (nil, without a diagnostic, when it is).
    public func optional<T>(_ key: String, _ type: FieldType<T>) -> T? {
        guard let value = node(key), !value.isNull else { return nil }
        return type.decode(value)
    }

    /// The value of a key, or `defaultValue` when absent. When present but invalid, a
    /// diagnostic is recorded and `defaultValue` is returned so construction can go on; the
    /// read as a whole fails anyway.
    public func optional<T>(_ key: String, _ type: FieldType<T>, default defaultValue: T) -> T {
        optional(key, type) ?? defaultValue
    }

    /// A quantity in base units (bytes, bytes/s, seconds, 1).
    public func required(_ key: String, as kind: QuantityKind, range: QuantityRange? = nil) -> Double? {
        required(key, .quantity(kind, range: range))
    }

    public func optional(_ key: String, as kind: QuantityKind, range: QuantityRange? = nil) -> Double? {
        optional(key, .quantity(kind, range: range))
    }

    /// A nested mapping, read with `body` (its unknown keys are reported when `body` returns).
    public func mapping<T>(_ key: String, required isRequired: Bool = true, _ body: (MappingReader) -> T?) -> T? {
        guard let value = node(key), !value.isNull else {
            if isRequired { deferMissing(key, expected: "a mapping") }
            return nil
        }
        return value.mapping(body)
    }

    /// A nested sequence; `body` gets a cursor on each item (`key[i]`).
    public func sequence<T>(_ key: String, required isRequired: Bool = true, _ body: (NodeCursor) -> T?) -> [T]? {
        guard let value = node(key), !value.isNull else {
            if isRequired { deferMissing(key, expected: "a sequence") }
            return nil
        }
        return value.sequence(body)
    }

    /// Of `keys`, the one present. Two or more present is an error (reported at the second);
    /// none present is an error when `required`. Marks nothing read, except on a conflict:
    /// the keys present are then marked read, so the conflict is their one diagnostic (they
    /// are accepted keys, not unknown ones).
    public func oneOf(_ keys: [String], required isRequired: Bool) -> String? {
        accept(keys)
        let present = entries.filter { keys.contains($0.key) }
        if present.count > 1 {
            for entry in present { read.insert(entry.key) }
            reader.report(.invalidValue, at: present[1].keyNode, path: path.appending(key: present[1].key),
                          expected: "only one of \(MappingReader.list(keys))",
                          found: present.map { "'\($0.key)'" }.joined(separator: " and "))
            return nil
        }
        if present.isEmpty {
            if isRequired {
                reader.report(.missingKey, at: cursor.node, path: path,
                              expected: "one of the keys \(MappingReader.list(keys))", found: "none of them")
            }
            return nil
        }
        return present[0].key
    }

    /// Do not report unread keys (for a mapping the schema gave up on).
    public func ignoreUnreadKeys() { ignoringUnread = true }

    /// Report every key never read as unknown. Idempotent.
    public func finish() {
        guard !finished else { return }
        finished = true
        reader.recordKnownKeys(known, at: path)
        var suggested = Set<String>()
        if !ignoringUnread {
            for entry in entries where !read.contains(entry.key) {
                let suggestion = Suggestions.closest(to: entry.key, in: known)
                if let suggestion { suggested.insert(suggestion) }
                reader.report(.unknownKey, at: entry.keyNode, path: path.appending(key: entry.key),
                              expected: known.isEmpty ? "no keys here" : "one of the keys \(MappingReader.list(known))",
                              found: "unknown key '\(entry.key)'",
                              suggestion: suggestion)
            }
        }
        for (key, diagnostic) in pendingMissing where !suggested.contains(key) {
            reader.report(diagnostic)
        }
        pendingMissing = []
    }

    private func deferMissing(_ key: String, expected: String) {
        pendingMissing.append((key, ScenarioDiagnostic(
            .missingKey, at: SourceLocation(file: reader.file, mark: cursor.node.mark),
            path: path.appending(key: key), expected: expected, found: "no key '\(key)'")))
    }

    /// Missing required keys, reported by `finish()` unless a misspelt key explains them.
    private var pendingMissing: [(String, ScenarioDiagnostic)] = []

    /// `a, b, c` (at most 12, then `...`).
    static func list(_ names: [String]) -> String {
        let shown = names.prefix(12).joined(separator: ", ")
        return names.count > 12 ? shown + ", ..." : shown
    }
}
