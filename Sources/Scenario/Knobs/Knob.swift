import Stochastics

/// The knob table: every key a scenario accepts and every flag of `fleetsim migrate`, declared
/// once with its type, default, meaning and the source of its default. The section readers
/// read their keys through these entries, `MigrateOptions` takes its flag names and help from
/// them, and the reference tables of docs/scenario-reference.md and docs/migrate.md are
/// generated from them (`fleetsim knobs --write-docs docs`; `KnobDocsTests` fails when the
/// docs and the table disagree).

/// One row of a scenario reference table: the key as written in YAML, its type and default in
/// words, and what it means with the source of its default. The docs print exactly these.
public struct KnobDoc: Sendable, Equatable {
    public var key: String
    public var type: String
    public var defaultText: String
    /// The defaults of the further default columns, for tables with one column per preset
    /// (`policy.live`: oci, lxd / incus, generic); empty otherwise.
    public var moreDefaults: [String]
    /// Nil for the tables without a meaning column (`reboot_migration`, `fleet.hosts[i]`).
    public var meaning: String?
    /// The mappings below the table's section where the key is read, when it is not read in
    /// the section itself: `scheduled[i]` (each entry of a list), `power` and `tor` (one key
    /// row for both). The docs print `scheduled[i].host`.
    public var within: [String]

    public init(_ key: String, type: String, default defaultText: String, meaning: String? = nil, within: [String] = []) {
        self.init(key, type: type, defaults: [defaultText], meaning: meaning, within: within)
    }

    /// A row with one default per default column of its table.
    public init(_ key: String, type: String, defaults: [String], meaning: String? = nil, within: [String] = []) {
        precondition(!defaults.isEmpty, "knob '\(key)' states no default")
        self.key = key
        self.type = type
        self.defaultText = defaults[0]
        self.moreDefaults = Array(defaults.dropFirst())
        self.meaning = meaning
        self.within = within
    }

    /// Every default column's text, in column order.
    public var defaults: [String] { [defaultText] + moreDefaults }

    /// The key as the docs print it: `key`, or `scheduled[i].key`, `power.key`, `tor.key`.
    public var keyCell: String {
        within.isEmpty ? "`\(key)`" : within.map { "`\($0).\(key)`" }.joined(separator: ", ")
    }

    /// The row as the docs print it.
    public var row: String {
        var cells = [keyCell, type] + defaults
        if let meaning { cells.append(meaning) }
        return "| " + cells.joined(separator: " | ") + " |"
    }
}

/// A scenario knob the reader decodes through the table: its row, how its value is read
/// (type and range, hence the diagnostics) and its default. `FieldType` holds closures, so
/// knobs are computed properties (`static var`), built when read.
public struct Knob<Value> {
    public let doc: KnobDoc
    public let field: FieldType<Value>
    /// Nil for a key without a default (absent means "not set", or the key is required).
    public let defaultValue: Value?
    /// The `fleetsim migrate` flag that sets the same engine parameter, if any: both accept
    /// the same values (`EngineLimits`; `EngineKnobAgreementTests`).
    public let flag: FlagKnob?

    /// A knob with a default. The parameter is not optional, so `default: .none` means a
    /// case named `none` (`FaultDomainSpread.none`), never "no default".
    public init(_ doc: KnobDoc, _ field: FieldType<Value>, default defaultValue: Value, flag: FlagKnob? = nil) {
        self.doc = doc
        self.field = field
        self.defaultValue = defaultValue
        self.flag = flag
    }

    /// A knob without a default: required, or "not set" when absent.
    public init(_ doc: KnobDoc, _ field: FieldType<Value>, flag: FlagKnob? = nil) {
        self.doc = doc
        self.field = field
        self.defaultValue = nil
        self.flag = flag
    }

    public var key: String { doc.key }
    public var row: String { doc.row }
}

/// A scenario knob whose value is a distribution of a quantity (`maintenance_duration`,
/// `reboot_migration.boot`): a constant or a `{dist: ...}` mapping.
public struct DistributionKnob {
    public let doc: KnobDoc
    public let kind: QuantityKind
    public let range: QuantityRange?
    /// Nil: the key is required.
    public let defaultValue: Distribution?
    /// The `fleetsim migrate` flag for the same guest property, if any (a constant there).
    public let flag: FlagKnob?

    public init(_ doc: KnobDoc, _ kind: QuantityKind, range: QuantityRange? = nil, default defaultValue: Distribution? = nil,
                flag: FlagKnob? = nil) {
        self.doc = doc
        self.kind = kind
        self.range = range
        self.defaultValue = defaultValue
        self.flag = flag
    }

    public var key: String { doc.key }
    public var row: String { doc.row }
}

extension MappingReader {
    /// The knob's distribution, its default when absent (nil, with a diagnostic, when it has
    /// none or the value is invalid).
    public func distribution(_ knob: DistributionKnob) -> Distribution? {
        distribution(knob.key, knob.kind, range: knob.range, default: knob.defaultValue)
    }
}

extension FieldType where Value == Double? {
    /// A positive rate, or `unlimited` (nil): a cap that may be lifted.
    public static var rateOrUnlimited: FieldType<Double?> {
        FieldType(expected: "a rate or 'unlimited'") { cursor in
            if cursor.scalarText(expected: "a rate or 'unlimited'") == "unlimited" { return .some(nil) }
            return cursor.decode(.quantity(.bytesPerSecond, range: .positive)).map { .some($0) }
        }
    }
}

extension MappingReader {
    /// The knob's value, or nil when absent (the knob's default is not applied).
    public func optional<T>(_ knob: Knob<T>) -> T? {
        optional(knob.key, knob.field)
    }

    /// The knob's value, or its default when absent.
    public func value<T>(_ knob: Knob<T>) -> T {
        guard let fallback = knob.defaultValue else {
            preconditionFailure("knob '\(knob.key)' has no default; read it with optional(_:) or required(_:)")
        }
        return optional(knob.key, knob.field, default: fallback)
    }

    /// The value of a knob that must be present.
    public func required<T>(_ knob: Knob<T>) -> T? {
        required(knob.key, knob.field)
    }
}

/// One reference table of the docs, generated from the knob table between the markers
/// `<!-- knob-table ID ... -->` and `<!-- end knob-table -->`.
public struct KnobTable {
    public enum DocFile: String, Sendable, CaseIterable {
        case scenarioReference = "scenario-reference.md"
        case migrate = "migrate.md"
        case policyReference = "policy-reference.md"
        case failureReference = "failure-reference.md"
    }

    public var id: String
    public var file: DocFile
    /// The header line, e.g. `| key | type | default | meaning |`.
    public var header: String
    public var knobs: [any KnobRow]

    public init(id: String, file: DocFile, header: String, knobs: [any KnobRow]) {
        self.id = id
        self.file = file
        self.header = header
        self.knobs = knobs
    }

    public var rows: [String] { knobs.map(\.row) }

    /// The rows whose documented default is not the default the code applies.
    public var defaultMismatches: [String] { knobs.compactMap { $0.defaultMismatch() } }

    /// The table as markdown: header, separator, rows.
    public var markdown: [String] {
        let columns = header.split(separator: "|", omittingEmptySubsequences: true).count
        return [header, "|" + String(repeating: "---|", count: columns)] + rows
    }
}
