import CGSL

extension Distribution {
    /// The p-quantile (inverse CDF) for p in [0, 1]; nil for p outside [0, 1] and for a
    /// truncated normal whose window lies more than 30 standard deviations from the mean.
    /// p = 0 and p = 1 give the support's ends (possibly infinite).
    ///
    /// Uses GSL's `gsl_cdf_*_Pinv`, the inverse of the truncated normal's CDF (see
    /// `TruncatedStandardNormal`), and for empirical the step-function inverse CDF of the
    /// discrete distribution (smallest value whose cumulative weight reaches p).
    public func quantile(_ p: Double) -> Double? {
        guard p >= 0, p <= 1 else { return nil }
        switch self {
        case let .constant(value):
            return value
        case let .uniform(min, max):
            return gsl_cdf_flat_Pinv(p, min, max)
        case let .exponential(mean):
            return gsl_cdf_exponential_Pinv(p, mean)
        case let .normal(mean, stddev, nil, nil):
            return mean + gsl_cdf_gaussian_Pinv(p, stddev)
        case let .normal(mean, stddev, min, max):
            return TruncatedStandardNormal(mean: mean, stddev: stddev, min: min, max: max)
                .inverseCDF(p).map { mean + stddev * $0 }
        case let .lognormal(median, sigma):
            return median * gsl_cdf_lognormal_Pinv(p, 0, sigma)
        case let .weibull(scale, shape):
            return gsl_cdf_weibull_Pinv(p, scale, shape)
        case let .pareto(scale, shape):
            return gsl_cdf_pareto_Pinv(p, shape, scale)  // GSL: (a = shape, b = scale)
        case let .gamma(shape, scale):
            return gsl_cdf_gamma_Pinv(p, shape, scale)
        case let .empirical(table):
            return table.quantile(p)
        }
    }
}
