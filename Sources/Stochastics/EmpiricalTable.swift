/// The values of an empirical distribution with everything sampling and the moments need,
/// computed once: a reference type so that copying a `Distribution` does not copy the values,
/// and so the GSL alias table is built once.
///
/// Sampling is O(1): a uniform index (`gsl_rng_uniform_int`) or, with weights, a Walker
/// alias draw (`gsl_ran_discrete`). Moments and quantiles are those of the discrete
/// distribution being sampled, not of a smoothed one.
public final class EmpiricalTable: Sendable, Equatable {
    /// The values as given.
    public let values: [Double]
    /// The weights as given, or nil for equally likely values.
    public let weights: [Double]?
    /// Mean and variance of the discrete distribution (weighted; population variance, since
    /// this is the distribution itself, not a sample of it).
    public let mean: Double
    public let variance: Double
    /// Values sorted ascending, and the running total of their weights (1 each if unweighted),
    /// for quantiles.
    let sortedValues: [Double]
    let cumulativeWeights: [Double]
    let lookup: DiscreteLookup?

    /// Validates: values non-empty and finite; weights, if given, one per value, finite,
    /// non-negative and not all zero.
    public convenience init(values: [Double], weights: [Double]? = nil) throws(DistributionError) {
        guard !values.isEmpty else { throw .emptyValues }
        for (i, v) in values.enumerated() where !v.isFinite { throw .valueNotFinite(index: i, got: v) }
        if let weights {
            guard weights.count == values.count else {
                throw .weightCountMismatch(values: values.count, weights: weights.count)
            }
            for (i, w) in weights.enumerated() where !(w.isFinite && w >= 0) { throw .invalidWeight(index: i, got: w) }
            guard weights.contains(where: { $0 > 0 }) else { throw .allWeightsZero }
        }
        self.init(checkedValues: values, weights: weights, lookup: weights.map { DiscreteLookup(weights: $0) })
    }

    private init(checkedValues values: [Double], weights: [Double]?, lookup: DiscreteLookup?) {
        self.values = values
        self.weights = weights
        self.lookup = lookup
        let w = weights ?? Array(repeating: 1, count: values.count)
        let total = w.reduce(0, +)
        // Two passes (mean, then squared deviations) rather than E[X^2] - E[X]^2, which
        // cancels badly when the spread is small compared with the values.
        let mean = zip(values, w).reduce(0) { $0 + $1.0 * $1.1 } / total
        self.mean = mean
        self.variance = zip(values, w).reduce(0) { $0 + $1.1 * ($1.0 - mean) * ($1.0 - mean) } / total
        let order = values.indices.sorted { values[$0] < values[$1] }
        sortedValues = order.map { values[$0] }
        var running = 0.0
        cumulativeWeights = order.map { running += w[$0]; return running }
    }

    /// The same table with every value multiplied by `factor`; the alias table depends only on
    /// the weights and is shared.
    func scaled(by factor: Double) -> EmpiricalTable {
        EmpiricalTable(checkedValues: values.map { $0 * factor }, weights: weights, lookup: lookup)
    }

    func sample(_ stream: RandomStream) -> Double {
        if let lookup { return values[lookup.index(stream)] }
        return values[stream.uniformInt(below: values.count)]
    }

    /// The inverse CDF of the discrete distribution: the smallest value x with
    /// P(X <= x) >= p (p = 0 gives the smallest value of positive weight). Found by binary search on the cumulative
    /// weights. This is a step function, unlike `Summary.quantile`, which interpolates between
    /// order statistics of a sample.
    func quantile(_ p: Double) -> Double {
        let target = p * cumulativeWeights[cumulativeWeights.count - 1]
        var lo = 0, hi = cumulativeWeights.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulativeWeights[mid] >= target, cumulativeWeights[mid] > 0 { hi = mid } else { lo = mid + 1 }
        }
        return sortedValues[lo]
    }

    public static func == (a: EmpiricalTable, b: EmpiricalTable) -> Bool {
        a === b || (a.values == b.values && a.weights == b.weights)
    }
}

extension Distribution {
    /// Empirical distribution over `values`, uniform or by `weights` (validated).
    public static func empirical(values: [Double], weights: [Double]? = nil) throws(DistributionError) -> Distribution {
        .empirical(try EmpiricalTable(values: values, weights: weights))
    }
}
