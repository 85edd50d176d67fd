import CGSL

extension Distribution {
    /// One draw. Every kind is sampled by GSL (function named per case); never fails.
    public func sample(_ stream: RandomStream) -> Double {
        switch self {
        case let .constant(value):
            return value
        case let .uniform(min, max):
            return gsl_ran_flat(stream.raw, min, max)
        case let .exponential(mean):
            return gsl_ran_exponential(stream.raw, mean)
        case let .normal(mean, stddev, nil, nil):
            return mean + gsl_ran_gaussian(stream.raw, stddev)
        case let .normal(mean, stddev, min, max):
            return mean + stddev * TruncatedStandardNormal(mean: mean, stddev: stddev, min: min, max: max).sample(stream)
        case let .lognormal(median, sigma):
            // median * e^(sigma Z) = e^(ln median + sigma Z): the same variable as
            // gsl_ran_lognormal(r, ln median, sigma), written so that scaling the median by a
            // power of two scales every draw exactly.
            return median * gsl_ran_lognormal(stream.raw, 0, sigma)
        case let .weibull(scale, shape):
            return gsl_ran_weibull(stream.raw, scale, shape)
        case let .pareto(scale, shape):
            return gsl_ran_pareto(stream.raw, shape, scale)  // GSL: (a = shape, b = scale)
        case let .gamma(shape, scale):
            return gsl_ran_gamma(stream.raw, shape, scale)
        case let .empirical(table):
            return table.sample(stream)
        }
    }
}
