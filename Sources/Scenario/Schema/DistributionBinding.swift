import Stochastics

extension DistributionSchema {
    /// The families and parameter names Stochastics accepts, straight from its table, so the
    /// scenario language and the sampler can never disagree on a parameter's name or unit.
    public static let stochastics: DistributionSchema = {
        let families = DistributionKind.allCases.map { kind -> Family in
            if kind == .empirical { return Family(kind.rawValue, parameters: [], isEmpirical: true) }
            return Family(kind.rawValue, parameters: kind.parameters.map(\.name))
        }
        var dimensionless = Set<String>()
        for kind in DistributionKind.allCases {
            for p in kind.parameters where !p.scaled { dimensionless.insert(p.name) }
        }
        return DistributionSchema(families: families, dimensionless: dimensionless)
    }()
}

extension MappingReader {
    /// A distribution field, built and validated: parsing errors and the distribution's own
    /// objections (`p99` not above `median`) are both reported at the right place.
    public func distribution(_ key: String, _ kind: QuantityKind, range: QuantityRange? = nil,
                             default defaultValue: Distribution? = nil) -> Distribution? {
        let spec = defaultValue == nil ? required(key, .distribution(kind, range: range))
                                       : optional(key, .distribution(kind, range: range))
        guard let spec else { return contains(key) ? nil : defaultValue }
        return DistributionBinding.build(spec, reader: reader)
    }
}

enum DistributionBinding {
    static func build(_ spec: DistributionSpecNode, reader: ScenarioReader) -> Distribution? {
        guard let kind = DistributionKind(rawValue: spec.kind) else { return nil }
        if kind == .empirical, let path = spec.resolvedFilePath {
            let column: CSVColumn = spec.column.map { Int($0).map(CSVColumn.index) ?? .name($0) } ?? .index(0)
            do {
                return try EmpiricalData.distribution(csvPath: path, column: column)
            } catch {
                reader.report(spec.diagnostic(parameter: "file", expected: "a CSV file of samples", found: "\(error)"))
                return nil
            }
        }
        do {
            return try Distribution.make(kind: kind, parameters: spec.parameters, values: spec.values)
        } catch {
            reader.report(spec.diagnostic(parameter: parameterNamed(in: error), expected: "valid \(kind.rawValue) parameters",
                                          found: "\(error)"))
            return nil
        }
    }

    /// The parameter a distribution error is about, to point the diagnostic at it.
    static func parameterNamed(in error: DistributionError) -> String? {
        switch error {
        case .notFinite(let p, _), .notPositive(let p, _), .notGreater(let p, _, _, _): return p
        case .unknownParameter(_, let name, _), .missingParameter(_, let name): return name
        default: return nil
        }
    }
}
