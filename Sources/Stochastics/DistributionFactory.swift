extension Distribution {
    /// Builds a distribution from a scenario file's by-name description.
    ///
    /// - `parameters`: the numeric parameters by name, in the quantity's unit for those the
    ///   table marks `scaled` (see `DistributionKind.parameterSets`).
    /// - `values`, `weights`: the lists of an empirical distribution; rejected for other kinds.
    ///
    /// Rejects, in this order: names the kind does not know (the error lists the accepted
    /// ones), lists given to a kind that takes none, missing required parameters or a set of
    /// names that matches none of the accepted sets (lognormal), then invalid values.
    public static func make(kind: DistributionKind, parameters: [String: Double],
                            values: [Double]? = nil, weights: [Double]? = nil) throws(DistributionError) -> Distribution {
        let table = kind.parameters
        let accepted = table.map(\.name)
        let scalarNames = Set(table.filter { !$0.isList }.map(\.name))
        for name in parameters.keys.sorted() where !scalarNames.contains(name) {
            throw .unknownParameter(kind: kind, name: name, accepted: accepted)
        }
        if values != nil, !accepted.contains("values") {
            throw .unknownParameter(kind: kind, name: "values", accepted: accepted)
        }
        if weights != nil, !accepted.contains("weights") {
            throw .unknownParameter(kind: kind, name: "weights", accepted: accepted)
        }
        let set = try matchingSet(kind: kind, given: Set(parameters.keys), hasValues: values != nil)
        // Every name used below is required by the matched set, so it is present.
        func p(_ name: String) -> Double { parameters[name]! }

        switch kind {
        case .constant:
            return try Distribution.constant(p("value")).validated()
        case .uniform:
            return try Distribution.uniform(min: p("min"), max: p("max")).validated()
        case .exponential:
            return try Distribution.exponential(mean: p("mean")).validated()
        case .normal:
            return try Distribution.normal(mean: p("mean"), stddev: p("stddev"),
                                           min: parameters["min"], max: parameters["max"]).validated()
        case .lognormal:
            switch set {
            case ["mu", "sigma"]: return try lognormal(mu: p("mu"), sigma: p("sigma"))
            case ["median", "p99"]: return try lognormal(median: p("median"), p99: p("p99"))
            case ["median", "sigma"]: return try Distribution.lognormal(median: p("median"), sigma: p("sigma")).validated()
            default: return try lognormal(mean: p("mean"), stddev: p("stddev"))
            }
        case .weibull:
            return try Distribution.weibull(scale: p("scale"), shape: p("shape")).validated()
        case .pareto:
            return try Distribution.pareto(scale: p("scale"), shape: p("shape")).validated()
        case .gamma:
            return try Distribution.gamma(shape: p("shape"), scale: p("scale")).validated()
        case .empirical:
            return .empirical(try EmpiricalTable(values: values ?? [], weights: weights))
        }
    }

    /// The names of the one accepted parameter set that `given` fits: it holds all of the set's
    /// required scalar names and nothing outside the set. List parameters (values) count as
    /// given when `hasValues`.
    private static func matchingSet(kind: DistributionKind, given: Set<String>,
                                    hasValues: Bool) throws(DistributionError) -> [String] {
        let sets = kind.parameterSets
        var givenAll = given
        if hasValues { givenAll.insert("values") }
        let fitting = sets.filter { set in
            let names = Set(set.map(\.name))
            let required = Set(set.filter(\.required).map(\.name))
            return required.isSubset(of: givenAll) && given.isSubset(of: names)
        }
        if fitting.count == 1 { return fitting[0].filter(\.required).map(\.name) }
        if sets.count == 1 {
            // Unknown names were rejected already, so the only way to miss is a missing name.
            let missing = sets[0].first { $0.required && !givenAll.contains($0.name) }!
            throw .missingParameter(kind: kind, name: missing.name)
        }
        let order = kind.parameters.map(\.name)
        throw .invalidCombination(kind: kind,
                                  given: given.sorted { order.firstIndex(of: $0)! < order.firstIndex(of: $1)! },
                                  accepted: sets.map { $0.map(\.name) })
    }
}
