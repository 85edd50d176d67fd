import CGSL

extension Distribution {
    /// The mean, in closed form; nil where it is infinite (pareto with shape <= 1).
    /// Formulas: Johnson, Kotz & Balakrishnan, "Continuous Univariate Distributions" (vol. 1:
    /// normal ch. 13, lognormal 14, exponential 19, Pareto 20, Weibull 21; gamma vol. 1 ch. 17).
    public var mean: Double? {
        switch self {
        case let .constant(value): return value
        case let .uniform(min, max): return (min + max) / 2
        case let .exponential(mean): return mean
        case let .normal(mean, stddev, min, max):
            if min == nil, max == nil { return mean }
            return mean + stddev * TruncatedStandardNormal(mean: mean, stddev: stddev, min: min, max: max).mean
        case let .lognormal(median, sigma):
            return median * exp(sigma * sigma / 2)
        case let .weibull(scale, shape):
            return scale * gsl_sf_gamma(1 + 1 / shape)
        case let .pareto(scale, shape):
            return shape > 1 ? shape * scale / (shape - 1) : nil
        case let .gamma(shape, scale):
            return shape * scale
        case let .empirical(table):
            return table.mean
        }
    }

    /// The variance, in closed form; nil where it is infinite or undefined (pareto with
    /// shape <= 2).
    public var variance: Double? {
        switch self {
        case .constant: return 0
        case let .uniform(min, max): return (max - min) * (max - min) / 12
        case let .exponential(mean): return mean * mean
        case let .normal(mean, stddev, min, max):
            if min == nil, max == nil { return stddev * stddev }
            return stddev * stddev
                * TruncatedStandardNormal(mean: mean, stddev: stddev, min: min, max: max).variance
        case let .lognormal(median, sigma):
            // (e^(s^2) - 1) e^(2 mu + s^2); expm1 keeps small sigma accurate.
            let s2 = sigma * sigma
            return median * median * exp(s2) * expm1(s2)
        case let .weibull(scale, shape):
            let g1 = gsl_sf_gamma(1 + 1 / shape), g2 = gsl_sf_gamma(1 + 2 / shape)
            return scale * scale * (g2 - g1 * g1)
        case let .pareto(scale, shape):
            guard shape > 2 else { return nil }
            return scale * scale * shape / ((shape - 1) * (shape - 1) * (shape - 2))
        case let .gamma(shape, scale):
            return shape * scale * scale
        case let .empirical(table):
            return table.variance
        }
    }

    /// The standard deviation, sqrt(variance).
    public var standardDeviation: Double? { variance.map { $0.squareRoot() } }
}
