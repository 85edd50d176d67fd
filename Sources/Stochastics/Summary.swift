import CGSL

/// Descriptive statistics of a sample, computed with GSL. Deterministic and order-independent:
/// the values are sorted first (`gsl_sort`) and every statistic is computed from the sorted
/// sample, so even the last bits of the mean depend only on the multiset of values (merged
/// shards give the same summary whatever order they arrive in).
public struct Summary: Sendable, Equatable {
    public let count: Int
    /// Arithmetic mean (`gsl_stats_mean`, a running-mean recurrence).
    public let mean: Double
    /// Sample standard deviation with the n - 1 (Bessel) denominator (`gsl_stats_sd_m`);
    /// nil when count < 2.
    public let standardDeviation: Double?
    public let min: Double
    public let max: Double
    /// The sample in ascending order, kept for arbitrary quantiles.
    public let sorted: [Double]

    /// Summarises `values`; they must be non-empty and finite.
    public init(_ values: [Double]) throws(StatisticsError) {
        guard !values.isEmpty else { throw .emptySample }
        for (i, v) in values.enumerated() where !v.isFinite { throw .notFinite(index: i, got: v) }
        var sorted = values
        sorted.withUnsafeMutableBufferPointer { gsl_sort($0.baseAddress, 1, $0.count) }
        self.sorted = sorted
        count = sorted.count
        min = sorted[0]
        max = sorted[sorted.count - 1]
        let (mean, sd) = sorted.withUnsafeBufferPointer { buf -> (Double, Double?) in
            let m = gsl_stats_mean(buf.baseAddress, 1, buf.count)
            return (m, buf.count < 2 ? nil : gsl_stats_sd_m(buf.baseAddress, 1, buf.count, m))
        }
        self.mean = mean
        standardDeviation = sd
    }

    /// The p-quantile, p in [0, 1], by GSL's `gsl_stats_quantile_from_sorted_data`: with
    /// h = (n - 1) p and i = floor(h), q = x[i] + (h - i) (x[i+1] - x[i]) on the sorted sample
    /// x[0...n-1]. That is linear interpolation between order statistics, type 7 of Hyndman &
    /// Fan, "Sample quantiles in statistical packages" (1996), the default of R and NumPy:
    /// p = 0 is the minimum, p = 1 the maximum, p = 0.5 the usual median.
    ///
    /// - Precondition: 0 <= p <= 1.
    public func quantile(_ p: Double) -> Double {
        precondition(p >= 0 && p <= 1, "quantile p must be in [0, 1], got \(p)")
        return sorted.withUnsafeBufferPointer { gsl_stats_quantile_from_sorted_data($0.baseAddress, 1, $0.count, p) }
    }

    public var p50: Double { quantile(0.5) }
    public var p90: Double { quantile(0.9) }
    public var p99: Double { quantile(0.99) }

    /// The Student-t confidence interval of the mean at `level` (see `ConfidenceInterval`).
    public func meanConfidenceInterval(level: Double = 0.95) throws(StatisticsError) -> ConfidenceInterval {
        try ConfidenceInterval(mean: mean, standardDeviation: standardDeviation, count: count, level: level)
    }
}
