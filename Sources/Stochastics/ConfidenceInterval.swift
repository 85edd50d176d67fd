import CGSL

/// A two-sided confidence interval for a population mean from n independent observations:
/// mean +/- t_{(1+level)/2, n-1} * s / sqrt(n), the Student t interval (e.g. Law, "Simulation
/// Modeling and Analysis", 5th ed., sec. 4.5; Montgomery & Runger, "Applied Statistics and
/// Probability for Engineers", sec. 8.2). The t quantile is `gsl_cdf_tdist_Pinv`.
///
/// With fewer than two observations the spread is unknown: `halfWidth`, `lower` and `upper`
/// are nil, not zero and not infinite, so a report shows "n/a" rather than a fake interval.
public struct ConfidenceInterval: Sendable, Equatable {
    public let mean: Double
    /// t * s / sqrt(n); nil when count < 2.
    public let halfWidth: Double?
    public let level: Double
    public let count: Int

    public var lower: Double? { halfWidth.map { mean - $0 } }
    public var upper: Double? { halfWidth.map { mean + $0 } }

    /// - Parameters:
    ///   - standardDeviation: the sample standard deviation (n - 1 denominator); ignored and
    ///     may be nil when count < 2.
    ///   - level: confidence level in (0, 1), e.g. 0.95.
    public init(mean: Double, standardDeviation: Double?, count: Int, level: Double = 0.95) throws(StatisticsError) {
        try requireLevel(level)
        guard count > 0 else { throw .emptySample }
        self.mean = mean
        self.level = level
        self.count = count
        if count >= 2, let s = standardDeviation {
            let t = gsl_cdf_tdist_Pinv((1 + level) / 2, Double(count - 1))
            halfWidth = t * s / Double(count).squareRoot()
        } else {
            halfWidth = nil
        }
    }

    /// The interval for the mean of `values`.
    public init(of values: [Double], level: Double = 0.95) throws(StatisticsError) {
        self = try Summary(values).meanConfidenceInterval(level: level)
    }
}
