import Stochastics

/// A row of a generated table: its markdown, and whether the default the docs state is the
/// default the code applies (`KnobDocsTests` asks every row).
public protocol KnobRow {
    var row: String { get }
    /// Nil when the docs' default is the code's, or cannot be compared (prose such as
    /// "preset", "none (off)"); else what differs.
    func defaultMismatch() -> String?
    /// The row's scenario key (nil for a `migrate` flag): `KnobDocsTests` compares the keys of
    /// each table with the keys its reader accepts.
    var keyDoc: KnobDoc? { get }
}

extension KnobRow {
    public var keyDoc: KnobDoc? { nil }
}

extension KnobDoc: KnobRow {
    public func defaultMismatch() -> String? { nil }
    public var keyDoc: KnobDoc? { self }
}

extension FlagKnob: KnobRow {
    public func defaultMismatch() -> String? { nil }
}

extension Knob: KnobRow {
    public var keyDoc: KnobDoc? { doc }

    /// Decodes the docs' default (when it is one literal in backticks, e.g. "`2h`") with the
    /// knob's own field and compares it with `defaultValue`.
    public func defaultMismatch() -> String? {
        guard let value = defaultValue, let text = KnobDefaultText.literal(doc.defaultText) else { return nil }
        guard let decoded = KnobDefaultText.decode(text, field) else {
            return "\(key): the docs' default \(doc.defaultText) is not a valid value"
        }
        guard let equatable = value as? any Equatable else { return nil }
        return KnobDefaultText.same(equatable, decoded) ? nil
            : "\(key): the docs say \(doc.defaultText), the reader's default is \(value)"
    }
}

extension DistributionKnob: KnobRow {
    public var keyDoc: KnobDoc? { doc }

    public func defaultMismatch() -> String? {
        guard let value = defaultValue else { return nil }
        let text = doc.defaultText.hasPrefix("`") ? KnobDefaultText.literal(doc.defaultText) : nil
        guard let text else { return nil }
        let decoded = KnobDefaultText.decodeDistribution(text, kind, range: range)
        return decoded == value ? nil : "\(key): the docs say \(doc.defaultText), the reader's default is \(value)"
    }
}

enum KnobDefaultText {
    /// The text inside "`...`" when the cell is exactly one code span.
    static func literal(_ cell: String) -> String? {
        guard cell.count > 2, cell.hasPrefix("`"), cell.hasSuffix("`") else { return nil }
        let inner = cell.dropFirst().dropLast()
        return inner.contains("`") ? nil : String(inner)
    }

    static func decode<T>(_ text: String, _ field: FieldType<T>) -> T? {
        let reader = ScenarioReader(yaml: "v: \(text)\n", file: "default")
        return reader.readRoot { m in m.optional("v", field) }
    }

    static func decodeDistribution(_ text: String, _ kind: QuantityKind, range: QuantityRange?) -> Distribution? {
        var decoded: Distribution?
        let reader = ScenarioReader(yaml: "v: \(text)\n", file: "default", distributionSchema: .stochastics)
        _ = reader.readRoot { m -> Int? in
            decoded = m.distribution("v", kind, range: range)
            return 0
        }
        return decoded
    }

    static func same<T: Equatable>(_ value: T, _ other: Any) -> Bool {
        (other as? T) == value
    }
}
