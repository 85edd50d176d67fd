extension Distribution {
    /// The distribution of `factor * X`, for a unit conversion (GiB -> bytes, s -> ns).
    ///
    /// Only parameters that carry the quantity's unit are multiplied (the `scaled: true`
    /// entries of `DistributionKind.parameterSets`); shapes and sigma are dimensionless. Every
    /// kind samples as "unit-carrying parameter times something", so for a power-of-two factor
    /// each draw of the scaled distribution is bit-for-bit `factor` times the corresponding draw
    /// of the original; for other factors they agree to rounding.
    ///
    /// - Precondition: `factor` is finite and > 0 (a unit conversion, not input data).
    public func scaled(by factor: Double) -> Distribution {
        precondition(factor.isFinite && factor > 0, "scale factor must be finite and > 0, got \(factor)")
        switch self {
        case let .constant(value):
            return .constant(value * factor)
        case let .uniform(min, max):
            return .uniform(min: min * factor, max: max * factor)
        case let .exponential(mean):
            return .exponential(mean: mean * factor)
        case let .normal(mean, stddev, min, max):
            return .normal(mean: mean * factor, stddev: stddev * factor,
                           min: min.map { $0 * factor }, max: max.map { $0 * factor })
        case let .lognormal(median, sigma):
            return .lognormal(median: median * factor, sigma: sigma)
        case let .weibull(scale, shape):
            return .weibull(scale: scale * factor, shape: shape)
        case let .pareto(scale, shape):
            return .pareto(scale: scale * factor, shape: shape)
        case let .gamma(shape, scale):
            return .gamma(shape: shape, scale: scale * factor)
        case let .empirical(table):
            return .empirical(table.scaled(by: factor))
        }
    }
}
