import Stochastics

/// A knob that overrides one field of a group whose defaults the model declares: a policy
/// preset's knob group (`LiveMigrationKnobs.oci`, `RebootMigrationKnobs.oci`, with the seed
/// quotes that justify them) or a failure group (`MigrationFaults()`). The default stays there,
/// next to its citation, and is not repeated here: the entry holds the key path to it. The
/// reader writes the value through the path; the docs' default columns (one per preset, or
/// one) are decoded and compared with the groups the columns name (`KnobDefaultTests`).
public struct GroupKnob<Group, Value: Equatable> {
    public let doc: KnobDoc
    public let path: WritableKeyPath<Group, Value>
    /// Reads the key: the value written, or the group's current one when absent (when
    /// invalid too, with a diagnostic that fails the read).
    let read: (MappingReader, String, Value) -> Value
    /// Decodes a default as the docs write it (the YAML inside the backticks).
    let decode: (String) -> Value?
    /// For each default column of the row, the groups whose value it states (`lxd / incus`
    /// names two), in column order.
    let columns: [[Group]]

    /// A knob read with a field type.
    public init(_ doc: KnobDoc, _ path: WritableKeyPath<Group, Value>, _ field: FieldType<Value>, columns: [[Group]]) {
        self.doc = doc
        self.path = path
        self.read = { m, key, base in m.optional(key, field, default: base) }
        self.decode = { KnobDefaultText.decode($0, field) }
        self.columns = columns
    }

    public var key: String { doc.key }
    public var row: String { doc.row }
}

extension GroupKnob where Value == Distribution {
    /// A knob whose value is a distribution of a quantity (a constant or `{dist: ...}`).
    public init(_ doc: KnobDoc, _ path: WritableKeyPath<Group, Distribution>, distributionOf kind: QuantityKind,
                columns: [[Group]]) {
        self.doc = doc
        self.path = path
        self.read = { m, key, base in m.distribution(key, kind, default: base) ?? base }
        self.decode = { KnobDefaultText.decodeDistribution($0, kind, range: nil) }
        self.columns = columns
    }
}

/// A group knob with its value type erased, so a section lists its knobs in one array and
/// its reader applies them in that (the docs') order.
public protocol GroupOverride<Group>: KnobRow {
    associatedtype Group
    func apply(_ m: MappingReader, to group: inout Group)
}

extension GroupKnob: GroupOverride {
    public func apply(_ m: MappingReader, to group: inout Group) {
        group[keyPath: path] = read(m, key, group[keyPath: path])
    }
}

extension GroupKnob: KnobRow {
    public var keyDoc: KnobDoc? { doc }

    /// Every default column stated as one literal in backticks must decode, with the knob's
    /// own reader, to the value of every group the column names.
    public func defaultMismatch() -> String? {
        precondition(doc.defaults.count == columns.count, "knob '\(key)': \(doc.defaults.count) default cells, \(columns.count) columns")
        for (text, groups) in zip(doc.defaults, columns) {
            guard let literal = KnobDefaultText.literal(text) else { continue }
            guard let decoded = decode(literal) else { return "\(key): the docs' default \(text) is not a valid value" }
            for group in groups where group[keyPath: path] != decoded {
                return "\(key): the docs say \(text), the code's default is \(group[keyPath: path])"
            }
        }
        return nil
    }
}

extension MappingReader {
    /// `base` with every knob of the list present in this mapping applied, in list order.
    public func overriding<G>(_ base: G, _ knobs: [any GroupOverride<G>]) -> G {
        var group = base
        for knob in knobs { knob.apply(self, to: &group) }
        return group
    }
}
