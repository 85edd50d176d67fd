import Foundation
import Yams

/// What a distribution field accepts: the family names and, per family, its parameter names;
/// and which parameters are plain numbers rather than values in the field's unit.
///
/// `standard` is a stand-in until Stochastics publishes its parameter table; build the real
/// one from that table (`DistributionSchema(families:dimensionless:)`) and hand it to
/// ``ScenarioReader``.
public struct DistributionSchema: Sendable {
    public struct Family: Sendable, Hashable {
        public var name: String
        /// Accepted parameter names; nil accepts any name.
        public var parameters: [String]?
        /// Whether the family takes samples (`values:` or `file:` + `column:`) instead of
        /// parameters.
        public var isEmpirical: Bool

        public init(_ name: String, parameters: [String]?, isEmpirical: Bool = false) {
            self.name = name
            self.parameters = parameters
            self.isEmpirical = isEmpirical
        }
    }

    public var families: [Family]
    /// Whether a parameter is a plain number (`sigma`, `shape`) rather than a value in the
    /// field's unit (`median`, `min`).
    public var isDimensionless: @Sendable (String) -> Bool

    public init(families: [Family], isDimensionless: @escaping @Sendable (String) -> Bool) {
        self.families = families
        self.isDimensionless = isDimensionless
    }

    public init(families: [Family], dimensionless: Set<String> = DistributionSchema.defaultDimensionless) {
        self.init(families: families, isDimensionless: { dimensionless.contains($0) })
    }

    /// Shape-like parameters: numbers whatever the field's unit.
    public static let defaultDimensionless: Set<String> = ["sigma", "shape", "mu", "alpha", "k"]

    /// The families DESIGN.md names, with conventional parameter names.
    public static let standard = DistributionSchema(families: [
        Family("constant", parameters: ["value"]),
        Family("uniform", parameters: ["min", "max"]),
        Family("exponential", parameters: ["mean"]),
        Family("normal", parameters: ["mean", "sd"]),
        Family("lognormal", parameters: ["median", "p99", "mean", "mu", "sigma"]),
        Family("weibull", parameters: ["scale", "shape", "k"]),
        Family("pareto", parameters: ["scale", "alpha", "shape"]),
        Family("gamma", parameters: ["shape", "scale", "k"]),
        Family("empirical", parameters: [], isEmpirical: true),
    ])

    public func family(_ name: String) -> Family? { families.first { $0.name == name } }
}

/// A distribution as written in a scenario, parsed and converted to base units, but not yet
/// built: Stochastics turns it into a sampler (`Distribution.make(kind:parameters:values:)`)
/// and reports its own objections (`p99` below `median`) through ``diagnostic(parameter:expected:found:)``.
///
/// Written either as a scalar, a constant (`16GiB` -> kind `constant`, `value` = 17179869184),
/// or as a mapping: `{dist: lognormal, median: 20s, p99: 2min}`,
/// `{dist: uniform, min: 4GiB, max: 64GiB}`, `{dist: empirical, values: [1s, 2s]}`,
/// `{dist: empirical, file: data.csv, column: seconds}`.
public struct DistributionSpecNode: Hashable, Sendable {
    /// Family name: `constant`, `lognormal`, ...
    public var kind: String
    /// The field's dimension: unit-carrying parameters and samples are in its base unit
    /// (bytes, bytes/s, seconds, 1).
    public var quantityKind: QuantityKind
    /// Parameters by name; unit-carrying ones in base units, dimensionless ones as written.
    public var parameters: [String: Double]
    /// Inline samples of an empirical distribution, in base units.
    public var values: [Double]?
    /// Data file of an empirical distribution, as written.
    public var file: String?
    /// `file` resolved against the scenario file's directory.
    public var resolvedFilePath: String?
    /// CSV column of `file` (nil: the first column).
    public var column: String?
    /// Where the distribution was written, for diagnostics.
    public var location: SourceLocation
    public var path: FieldPath
    /// Where each parameter was written.
    public var parameterLocations: [String: SourceLocation]

    public init(kind: String, quantityKind: QuantityKind, parameters: [String: Double] = [:],
                values: [Double]? = nil, file: String? = nil, resolvedFilePath: String? = nil,
                column: String? = nil, location: SourceLocation, path: FieldPath,
                parameterLocations: [String: SourceLocation] = [:]) {
        self.kind = kind
        self.quantityKind = quantityKind
        self.parameters = parameters
        self.values = values
        self.file = file
        self.resolvedFilePath = resolvedFilePath
        self.column = column
        self.location = location
        self.path = path
        self.parameterLocations = parameterLocations
    }

    /// The constant's value, if this is a constant.
    public var constantValue: Double? { kind == "constant" ? parameters["value"] : nil }

    /// A diagnostic about this distribution (or one of its parameters), for checks done
    /// after parsing, e.g. by `Distribution.make`.
    public func diagnostic(parameter: String? = nil, expected: String, found: String) -> ScenarioDiagnostic {
        let at = parameter.flatMap { parameterLocations[$0] } ?? location
        let where_ = parameter.map { path.appending(key: $0) } ?? path
        return ScenarioDiagnostic(.invalidValue, at: at, path: where_, expected: expected, found: found)
    }
}

extension FieldType where Value == DistributionSpecNode {
    /// A distribution of values of `kind`: a constant scalar or a `{dist: ...}` mapping.
    /// Unit-carrying parameters, constants and samples must lie in `range` (default: the
    /// kind's); dimensionless parameters may be any finite number.
    public static func distribution(_ kind: QuantityKind, range: QuantityRange? = nil) -> FieldType<DistributionSpecNode> {
        let range = range ?? kind.defaultRange
        let expected = "\(QuantityField.expectation(kind, range)) or a distribution ({dist: ..., ...})"
        return FieldType(expected: expected) { cursor in
            DistributionParser.parse(cursor, kind: kind, range: range, expected: expected)
        }
    }
}

enum DistributionParser {
    static let reservedKeys: Set<String> = ["dist", "values", "file", "column"]

    static func parse(_ cursor: NodeCursor, kind: QuantityKind, range: QuantityRange, expected: String) -> DistributionSpecNode? {
        if cursor.isScalar {
            guard let value = cursor.decode(.quantity(kind, range: range)) else { return nil }
            return DistributionSpecNode(kind: "constant", quantityKind: kind, parameters: ["value": value],
                                        location: cursor.location, path: cursor.path,
                                        parameterLocations: ["value": cursor.location])
        }
        guard cursor.isMapping else {
            cursor.report(.wrongType, expected: expected)
            return nil
        }
        let schema = cursor.reader.distributionSchema
        return cursor.mapping { m -> DistributionSpecNode? in
            let name = m.required("dist", .oneOf(schema.families.map(\.name), noun: "distribution"))
            let family = name.flatMap(schema.family)
            let spec = DistributionSpecNode(kind: name ?? "?", quantityKind: kind,
                                            location: cursor.location, path: cursor.path)
            if let family, family.isEmpirical {
                return readSamples(m, cursor: cursor, kind: kind, range: range, into: spec)
            }
            return readParameters(m, family: family, schema: schema, kind: kind, range: range, into: spec)
        }
    }

    /// An empirical distribution's samples: inline `values`, or a `file` (and its `column`).
    private static func readSamples(_ m: MappingReader, cursor: NodeCursor, kind: QuantityKind, range: QuantityRange,
                                    into spec: DistributionSpecNode) -> DistributionSpecNode? {
        var spec = spec
        switch m.oneOf(["values", "file"], required: true) {
        case "values"?:
            let values = m.node("values")!
            guard let list = values.sequence(of: .quantity(kind, range: range)) else { return nil }
            if list.isEmpty {
                values.report(.invalidValue, expected: "at least one sample", found: "an empty sequence")
                return nil
            }
            spec.values = list
            // `column` makes no sense with inline values: left unread, so reported.
            return spec
        case "file"?:
            let file = m.required("file", .string)
            spec.column = m.optional("column", .string)
            guard let file else { return nil }
            spec.file = file
            spec.resolvedFilePath = FilePath.join(cursor.reader.baseDirectory, file)
            return spec
        default:
            return nil
        }
    }

    /// A parametric family's parameters, each in the field's unit unless dimensionless. For
    /// an unknown family the values' units are still checked, so one run reports them too;
    /// the result is then nil.
    private static func readParameters(_ m: MappingReader, family: DistributionSchema.Family?, schema: DistributionSchema,
                                       kind: QuantityKind, range: QuantityRange,
                                       into spec: DistributionSpecNode) -> DistributionSpecNode? {
        var spec = spec
        var ok = true
        let accepted = family?.parameters
        if family == nil { for key in reservedKeys { _ = m.node(key) } }
        if let accepted { m.accept(accepted) }
        for key in m.keys where !reservedKeys.contains(key) {
            guard accepted == nil || accepted!.contains(key) || family == nil else { continue }
            let dimensionless = schema.isDimensionless(key)
            let type: FieldType<Double> = dimensionless ? .quantity(.real, range: .any) : .quantity(kind, range: range)
            guard let node = m.node(key) else { continue }
            spec.parameterLocations[key] = node.location
            if let value = node.decode(type) {
                spec.parameters[key] = value
            } else {
                ok = false
            }
        }
        return ok && family != nil ? spec : nil
    }
}
