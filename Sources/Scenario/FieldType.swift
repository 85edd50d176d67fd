import SimKernel

/// How to decode one YAML node into a `Value`, and what to call it in diagnostics.
///
/// The schema names field types at the point of use: `m.required("uplink", .bytesPerSecond)`,
/// `m.optional("mode", .oneOf(["pull", "push", "relay"]))`,
/// `m.required("hosts", .sequence(of: .mapping { host in ... }))`. A decoder records its own
/// diagnostics at the node and returns nil on failure.
public struct FieldType<Value> {
    /// The expectation in diagnostics: "a byte size with a unit (e.g. 16GiB, 512MiB, 1.5TB)".
    public var expected: String
    public var decode: (NodeCursor) -> Value?

    public init(expected: String, decode: @escaping (NodeCursor) -> Value?) {
        self.expected = expected
        self.decode = decode
    }

    /// The same field, with its value transformed.
    public func map<U>(_ transform: @escaping (Value) -> U) -> FieldType<U> {
        let decode = self.decode
        return FieldType<U>(expected: expected) { cursor in decode(cursor).map(transform) }
    }

    /// The same field with an extra rule: `isValid` false records an `invalidValue` diagnostic
    /// expecting `expected` (e.g. "a page size that is a power of two").
    public func validated(expected: String, _ isValid: @escaping (Value) -> Bool) -> FieldType<Value> {
        let decode = self.decode
        return FieldType(expected: expected) { cursor in
            guard let value = decode(cursor) else { return nil }
            if isValid(value) { return value }
            cursor.report(.invalidValue, expected: expected)
            return nil
        }
    }

    /// A field decoded by hand.
    public static func custom(expected: String, _ decode: @escaping (NodeCursor) -> Value?) -> FieldType<Value> {
        FieldType(expected: expected, decode: decode)
    }

    /// A nested mapping read with `body` (unknown keys reported when it returns).
    public static func mapping(expected: String = "a mapping", _ body: @escaping (MappingReader) -> Value?) -> FieldType<Value> {
        FieldType(expected: expected) { cursor in cursor.mapping(body) }
    }

    /// A sequence of `element` (`key[i]` in diagnostics).
    public static func sequence<Element>(of element: FieldType<Element>) -> FieldType<Value> where Value == [Element] {
        FieldType(expected: "a sequence of \(element.expected)") { cursor in cursor.sequence(of: element) }
    }
}

// MARK: - Quantities

extension FieldType where Value == Double {
    /// A quantity of `kind` in base units (bytes, bytes/s, seconds, 1), within `range`
    /// (default: the kind's, i.e. non-negative, or [0, 1] for fractions).
    public static func quantity(_ kind: QuantityKind, range: QuantityRange? = nil) -> FieldType<Double> {
        let range = range ?? kind.defaultRange
        return FieldType(expected: QuantityField.expectation(kind, range)) { cursor in
            QuantityField.decode(cursor, kind, range)
        }
    }

    /// Bytes per second, from a bit rate (`25Gbit/s`, `10Gbps`) or a byte rate (`128MiB/s`).
    public static var bytesPerSecond: FieldType<Double> { .quantity(.bytesPerSecond) }
    /// `1.5%` or a bare number in [0, 1].
    public static var fraction: FieldType<Double> { .quantity(.fraction) }
    /// A dimensionless number, zero or more (use `.quantity(.real, range: .any)` for signed).
    public static var real: FieldType<Double> { .quantity(.real) }
}

extension FieldType where Value == Int64 {
    /// Bytes (`16GiB`, `1.5TB`), rounded to a whole byte.
    public static var bytes: FieldType<Int64> { .bytes(range: .nonNegative) }

    /// Bytes within `range`, rounded to a whole byte (the parser caps sizes at 1 EiB, so the
    /// conversion cannot trap).
    public static func bytes(range: QuantityRange) -> FieldType<Int64> {
        FieldType<Double>.quantity(.bytes, range: range).map { Int64($0.rounded()) }
    }
}

extension FieldType where Value == SimTime {
    /// A duration (`300ms`, `2min`, `1h30m`), through SimKernel's `SimTimeFormat`.
    public static var duration: FieldType<SimTime> { .duration(range: .nonNegative) }

    /// A duration within `range` (bounds in seconds).
    public static func duration(range: QuantityRange) -> FieldType<SimTime> {
        FieldType<Double>.quantity(.duration, range: range).map { SimTime(seconds: $0) }
    }
}

extension FieldType where Value == Int {
    /// A whole number, zero or more.
    public static var count: FieldType<Int> { .count(range: .nonNegative) }

    /// A whole number within `range`: `.count(range: .atLeast(1))`.
    public static func count(range: QuantityRange) -> FieldType<Int> {
        FieldType<Double>.quantity(.count, range: range).map { Int($0) }
    }
}

// MARK: - Names and flags

extension FieldType where Value == String {
    /// Any scalar, as written (`name: 1.0` is the string "1.0").
    public static var string: FieldType<String> {
        FieldType(expected: "a string") { cursor in cursor.scalarText(expected: "a string") }
    }

    /// One of `names`, exactly; anything else is `unknownName` with a did-you-mean.
    public static func oneOf(_ names: [String], noun: String = "value") -> FieldType<String> {
        let expected = "one of \(names.joined(separator: ", "))"
        return FieldType(expected: expected) { cursor in
            guard let text = cursor.scalarText(expected: expected) else { return nil }
            if names.contains(text) { return text }
            cursor.report(.unknownName, expected: expected, found: "unknown \(noun) \(NodeCursor.quote(text))",
                          suggestion: Suggestions.closest(to: text, in: names))
            return nil
        }
    }
}

extension FieldType where Value: RawRepresentable & CaseIterable, Value.RawValue == String {
    /// A case of a string enum, by raw value.
    public static func enumeration(_ type: Value.Type = Value.self, noun: String = "value") -> FieldType<Value> {
        let names = Value.allCases.map(\.rawValue)
        return FieldType<String>.oneOf(names, noun: noun).map { Value(rawValue: $0)! }
    }
}

extension FieldType where Value == Bool {
    /// `true` or `false` (and the other spellings YAML resolves as booleans).
    public static var bool: FieldType<Bool> {
        FieldType(expected: "true or false") { cursor in
            if let scalar = cursor.node.scalar, scalar.style == .plain, cursor.node.tagName == .bool,
               let value = cursor.node.bool {
                return value
            }
            cursor.report(.wrongType, expected: "true or false")
            return nil
        }
    }
}

// MARK: - Quantity decoding

enum QuantityField {
    static func expectation(_ kind: QuantityKind, _ range: QuantityRange) -> String {
        let noun = range == kind.defaultRange && kind != .fraction ? kind.noun : range.describe(kind)
        if kind.requiresUnit { return "\(noun) with a unit (e.g. \(kind.examples))" }
        if kind == .fraction { return "\(noun) (e.g. \(kind.examples))" }
        return noun
    }

    static func decode(_ cursor: NodeCursor, _ kind: QuantityKind, _ range: QuantityRange) -> Double? {
        let expected = expectation(kind, range)
        guard let text = cursor.scalarText(expected: expected) else { return nil }
        switch QuantityParser.parse(text, as: kind, range: range) {
        case .success(let value):
            return value
        case .failure(let error):
            report(error, text: text, kind: kind, range: range, at: cursor)
            return nil
        }
    }

    static func report(_ error: QuantityParseError, text: String, kind: QuantityKind, range: QuantityRange, at cursor: NodeCursor) {
        let quoted = NodeCursor.quote(text)
        let expected = expectation(kind, range)
        switch error {
        case .empty:
            cursor.report(.badNumber, expected: expected, found: "an empty string")
        case .badNumber:
            cursor.report(.badNumber, expected: expected, found: "\(quoted), which is not a number")
        case .missingUnit:
            cursor.report(.missingUnit, expected: expected, found: "\(quoted) (missing unit)")
        case .unknownUnit(let unit, let suggestion):
            cursor.report(.unknownUnit, expected: "\(kind.noun) in \(kind.unitList)",
                          found: "\(quoted) (unknown unit '\(unit)')", suggestion: suggestion)
        case .unexpectedUnit(let unit):
            cursor.report(.unexpectedUnit, expected: "\(expected) without a unit", found: "\(quoted) (unit '\(unit)')")
        case .notWhole:
            cursor.report(.badNumber, expected: expected, found: "\(quoted), which is not a whole number")
        case .negative:
            cursor.report(.negative, expected: range.describe(kind), found: quoted)
        case .outOfRange:
            cursor.report(.outOfRange, expected: range.describe(kind), found: quoted)
        case .tooLarge:
            let limit = kind != .duration && kind != .fraction ? " of at most \(kind.maximumText)" : ""
            cursor.report(.outOfRange, expected: expected + limit, found: "\(quoted), which is too large")
        }
    }
}
