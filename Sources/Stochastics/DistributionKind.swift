/// The names by which scenario files write distributions (DESIGN.md, "Randomness").
public enum DistributionKind: String, Sendable, Codable, CaseIterable {
    case constant, uniform, exponential, normal, lognormal, weibull, pareto, gamma, empirical
}

extension DistributionKind {
    /// The accepted parameter sets of this kind; exactly one set must be given.
    ///
    /// Most kinds have one set (with optional members, such as normal's truncation bounds);
    /// lognormal has four: {mu, sigma}, {median, p99}, {median, sigma}, {mean, stddev}.
    /// mu is ln of the quantity in the unit it is written in, so it is `scaled: false`: a
    /// scenario layer that converts units should build the distribution in the written unit
    /// and then call `Distribution.scaled(by:)`, which handles every parameterisation.
    ///
    /// Exponential accepts only `mean`: a rate has the inverse unit (1/s), which would need a
    /// third kind of unit handling for one convenience.
    public var parameterSets: [[DistributionParameter]] {
        typealias P = DistributionParameter
        switch self {
        case .constant:
            return [[P("value", scaled: true)]]
        case .uniform:
            return [[P("min", scaled: true), P("max", scaled: true)]]
        case .exponential:
            return [[P("mean", scaled: true)]]
        case .normal:
            return [[P("mean", scaled: true), P("stddev", scaled: true),
                     P("min", required: false, scaled: true), P("max", required: false, scaled: true)]]
        case .lognormal:
            return [[P("mu", scaled: false), P("sigma", scaled: false)],
                    [P("median", scaled: true), P("p99", scaled: true)],
                    [P("median", scaled: true), P("sigma", scaled: false)],
                    [P("mean", scaled: true), P("stddev", scaled: true)]]
        case .weibull:
            return [[P("scale", scaled: true), P("shape", scaled: false)]]
        case .pareto:
            return [[P("scale", scaled: true), P("shape", scaled: false)]]
        case .gamma:
            return [[P("shape", scaled: false), P("scale", scaled: true)]]
        case .empirical:
            return [[P("values", scaled: true, isList: true),
                     P("weights", required: false, scaled: false, isList: true)]]
        }
    }

    /// Every parameter this kind accepts, once each, in table order. A parameter is
    /// `required` here only if every accepted set requires it.
    public var parameters: [DistributionParameter] {
        let sets = parameterSets
        var seen: [String] = []
        var result: [DistributionParameter] = []
        for set in sets {
            for p in set where !seen.contains(p.name) {
                seen.append(p.name)
                let requiredEverywhere = sets.allSatisfy { s in s.contains { $0.name == p.name && $0.required } }
                result.append(DistributionParameter(p.name, required: requiredEverywhere,
                                                    scaled: p.scaled, isList: p.isList))
            }
        }
        return result
    }

    /// The table entry for one parameter name, or nil if this kind does not accept it.
    public func parameter(named name: String) -> DistributionParameter? {
        parameters.first { $0.name == name }
    }

    /// The whole table, for documentation and scenario validation.
    public static var parameterTable: [DistributionKind: [[DistributionParameter]]] {
        Dictionary(uniqueKeysWithValues: allCases.map { ($0, $0.parameterSets) })
    }
}
