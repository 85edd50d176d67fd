import CGSL

extension Distribution {
    /// Lognormal from the mean and standard deviation of ln X (Johnson, Kotz & Balakrishnan,
    /// "Continuous Univariate Distributions" vol. 1, ch. 14): median = e^mu. mu is log-scale.
    public static func lognormal(mu: Double, sigma: Double) throws(DistributionError) -> Distribution {
        try requireFinite("mu", mu)
        let median = exp(mu)
        guard median > 0, median.isFinite else { throw .notFinite(parameter: "median = e^mu", got: median) }
        return try Distribution.lognormal(median: median, sigma: sigma).validated()
    }

    /// Lognormal from its median and 99th percentile: mu = ln median and
    /// sigma = (ln p99 - mu) / z_0.99, z_0.99 = Phi^-1(0.99) from `gsl_cdf_ugaussian_Pinv`
    /// (since ln X_p = mu + sigma * z_p). ln(p99 / median) is used for the numerator: one log
    /// instead of a difference of two.
    public static func lognormal(median: Double, p99: Double) throws(DistributionError) -> Distribution {
        try requirePositive("median", median)
        try requirePositive("p99", p99)
        try requireGreater("p99", p99, than: "median", median)
        let sigma = log(p99 / median) / gsl_cdf_ugaussian_Pinv(0.99)
        return try Distribution.lognormal(median: median, sigma: sigma).validated()
    }

    /// Lognormal from the mean m and standard deviation s of X itself (method of moments,
    /// Johnson, Kotz & Balakrishnan ch. 14): sigma^2 = ln(1 + s^2/m^2), mu = ln m - sigma^2/2,
    /// so median = e^mu = m / sqrt(1 + s^2/m^2). log1p keeps small coefficients of variation
    /// accurate.
    public static func lognormal(mean: Double, stddev: Double) throws(DistributionError) -> Distribution {
        try requirePositive("mean", mean)
        try requirePositive("stddev", stddev)
        let cv = stddev / mean
        let sigma2 = log1p(cv * cv)
        let median = mean / (1 + cv * cv).squareRoot()
        return try Distribution.lognormal(median: median, sigma: sigma2.squareRoot()).validated()
    }
}
