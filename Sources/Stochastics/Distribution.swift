import CGSL

/// A probability distribution of one quantity, sampled by GSL through a `RandomStream`.
///
/// Parameters are stored in the unit of the sampled quantity wherever the distribution has
/// such a parameter (means, bounds, medians, scales), so that `scaled(by:)` is a plain
/// multiplication of those parameters. That is why lognormal is stored as (median, sigma)
/// rather than (mu, sigma): mu = ln(median) is a log-scale number, and shifting it by ln(factor)
/// would round, while multiplying the median by a power of two (GiB -> bytes) is exact.
///
/// Cases can be written directly in code when the parameters are known to be good. Anything
/// that comes from input goes through `Distribution.make(kind:parameters:values:weights:)` or
/// `validated()`, which throw a `DistributionError` that names the parameter; sampling itself
/// never fails.
public enum Distribution: Sendable, Equatable {
    /// Always `value`.
    case constant(Double)
    /// Uniform on [min, max) (`gsl_ran_flat`).
    case uniform(min: Double, max: Double)
    /// Exponential with the given mean, i.e. rate 1/mean (`gsl_ran_exponential` takes the mean).
    case exponential(mean: Double)
    /// Normal with standard deviation `stddev` (not the variance), optionally truncated to
    /// [min, max]; a missing bound means that side is not truncated.
    case normal(mean: Double, stddev: Double, min: Double? = nil, max: Double? = nil)
    /// Lognormal: ln X ~ Normal(mu = ln median, sigma). `sigma` is the standard deviation of
    /// ln X and is dimensionless. See `lognormal(mu:sigma:)`, `lognormal(median:p99:)`,
    /// `lognormal(mean:stddev:)` for the other parameterisations.
    case lognormal(median: Double, sigma: Double)
    /// Weibull with CDF 1 - exp(-(x/scale)^shape) (`gsl_ran_weibull(r, a = scale, b = shape)`).
    case weibull(scale: Double, shape: Double)
    /// Pareto (type I) with minimum `scale` (x_m) and tail index `shape` (alpha):
    /// P(X > x) = (scale/x)^shape for x >= scale (`gsl_ran_pareto(r, a = shape, b = scale)`:
    /// note GSL's argument order is shape first).
    case pareto(scale: Double, shape: Double)
    /// Gamma with shape k and scale theta (mean k*theta), not rate
    /// (`gsl_ran_gamma(r, a = shape, b = scale)`).
    case gamma(shape: Double, scale: Double)
    /// One of a fixed list of values, uniformly or by weight.
    case empirical(EmpiricalTable)
}

extension Distribution {
    /// The scenario-file name of this distribution's kind.
    public var kind: DistributionKind {
        switch self {
        case .constant: return .constant
        case .uniform: return .uniform
        case .exponential: return .exponential
        case .normal: return .normal
        case .lognormal: return .lognormal
        case .weibull: return .weibull
        case .pareto: return .pareto
        case .gamma: return .gamma
        case .empirical: return .empirical
        }
    }

    /// ln of the median, the mu of the textbook (mu, sigma) parameterisation; nil unless
    /// lognormal.
    public var lognormalMu: Double? {
        if case let .lognormal(median, _) = self { return log(median) }
        return nil
    }
}
