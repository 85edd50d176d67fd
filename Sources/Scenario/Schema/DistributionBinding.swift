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
            if let refusal = EmpiricalFileCheck.refusal(path: path, written: spec.file ?? path, reader: reader) {
                reader.report(spec.diagnostic(parameter: "file", expected: refusal.expected, found: refusal.found))
                return nil
            }
            let column: CSVColumn = spec.column.map { Int($0).map(CSVColumn.index) ?? .name($0) } ?? .index(0)
            let quantity = spec.quantityKind
            do {
                let distribution = try EmpiricalData.distribution(csvPath: path, column: column) { cell in
                    EmpiricalFileCheck.parseCell(cell, as: quantity)
                }
                return checkedTail(distribution, spec, reader: reader)
            } catch {
                reader.report(spec.diagnostic(parameter: "file", expected: "a CSV file of samples", found: "\(error)"))
                return nil
            }
        }
        do {
            return checkedTail(try Distribution.make(kind: kind, parameters: spec.parameters, values: spec.values), spec,
                               reader: reader)
        } catch {
            reader.report(spec.diagnostic(parameter: parameterNamed(in: error), expected: "valid \(kind.rawValue) parameters",
                                          found: "\(error)"))
            return nil
        }
    }

    /// How far out the tail is checked: all but one draw in a billion must fit.
    static let tailProbability = 1e-9

    /// The distribution, unless its draws would not fit the model's integer types (a
    /// lognormal memory with a p99 of 10^30 GiB, a Pareto boot time with shape 0.01): those
    /// crashed the run on a conversion; now they are refused where they are written.
    static func checkedTail(_ d: Distribution, _ spec: DistributionSpecNode, reader: ScenarioReader) -> Distribution? {
        let kind = spec.quantityKind
        let limit = kind.maximumMagnitude
        let high = d.quantile(1 - tailProbability) ?? .infinity
        let low = d.quantile(tailProbability) ?? -.infinity
        guard high.isFinite, low.isFinite, abs(high) <= limit, abs(low) <= limit else {
            let worst = !(high.isFinite && low.isFinite) ? Double.infinity : max(abs(high), abs(low))
            reader.report(spec.diagnostic(
                expected: "a distribution whose draws stay within \(kind.maximumText) (checked at its \(1 - tailProbability) quantile)",
                found: "one reaching \(worst.isFinite ? String(format: "%.3g", worst) : "infinity")\(baseUnit(kind))"))
            return nil
        }
        return d
    }

    static func baseUnit(_ kind: QuantityKind) -> String {
        switch kind {
        case .bytes: return " B"
        case .bytesPerSecond: return " B/s"
        case .duration: return " s"
        case .fraction, .count, .real: return ""
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
