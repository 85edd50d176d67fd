import CGSL

/// The Wilson score interval for a binomial proportion (E. B. Wilson, "Probable inference,
/// the law of succession, and statistical inference", JASA 22, 1927; recommended over the
/// Wald interval by Brown, Cai & DasGupta, Statistical Science 16, 2001):
///
///     center = (p + z^2/(2n)) / (1 + z^2/n)
///     half   = z / (1 + z^2/n) * sqrt(p(1-p)/n + z^2/(4n^2))
///
/// with p = successes/trials and z = Phi^-1((1 + level)/2) from `gsl_cdf_ugaussian_Pinv`.
/// Unlike the Wald interval it stays inside [0, 1] and is not degenerate at 0 or n successes.
public struct WilsonInterval: Sendable, Equatable {
    public let successes: Int
    public let trials: Int
    public let level: Double
    /// successes / trials.
    public let proportion: Double
    public let lower: Double
    public let upper: Double

    public init(successes: Int, trials: Int, level: Double = 0.95) throws(StatisticsError) {
        try requireLevel(level)
        guard trials > 0, successes >= 0, successes <= trials else {
            throw .invalidCounts(successes: successes, trials: trials)
        }
        self.successes = successes
        self.trials = trials
        self.level = level
        let n = Double(trials)
        let p = Double(successes) / n
        let z = gsl_cdf_ugaussian_Pinv((1 + level) / 2)
        let z2 = z * z
        let denominator = 1 + z2 / n
        let center = (p + z2 / (2 * n)) / denominator
        let half = z / denominator * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        proportion = p
        // At 0 successes center = half exactly in real arithmetic (lower bound 0), and at n
        // successes center + half = 1; set those bounds exactly rather than keep rounding
        // residue, and clamp in general.
        lower = successes == 0 ? 0 : Swift.max(0, center - half)
        upper = successes == trials ? 1 : Swift.min(1, center + half)
    }
}
