import Testing
import CGSL
@testable import Stochastics

@Suite struct DistributionQuantileTests {
    @Test func closedFormsAgainstHandValues() throws {
        // Exponential: -mean ln(1 - p).
        #expect(abs(try #require(Distribution.exponential(mean: 4).quantile(0.9)) - 4 * log(10.0)) < 1e-12)
        // Weibull median: scale (ln 2)^(1/shape).
        #expect(abs(try #require(Distribution.weibull(scale: 2, shape: 1.5).quantile(0.5))
                    - 2 * pow(log(2.0), 1 / 1.5)) < 1e-12)
        // Pareto median: scale 2^(1/shape).
        #expect(abs(try #require(Distribution.pareto(scale: 2, shape: 3).quantile(0.5)) - 2 * pow(2.0, 1 / 3.0)) < 1e-12)
        // Normal: mean + 1.959964 stddev at 0.975.
        #expect(abs(try #require(Distribution.normal(mean: 10, stddev: 2).quantile(0.975))
                    - (10 + 2 * 1.959963984540054)) < 1e-9)
        #expect(Distribution.uniform(min: 2, max: 6).quantile(0.25) == 3)
        #expect(Distribution.constant(5).quantile(0.3) == 5)
    }

    @Test func quantileInvertsTheCDF() throws {
        let p = 0.37
        #expect(abs(gsl_cdf_gamma_P(try #require(Distribution.gamma(shape: 3, scale: 2).quantile(p)), 3, 2) - p) < 1e-10)
        #expect(abs(gsl_cdf_lognormal_P(try #require(Distribution.lognormal(median: exp(1), sigma: 0.5).quantile(p)),
                                        1, 0.5) - p) < 1e-10)
        #expect(abs(gsl_cdf_weibull_P(try #require(Distribution.weibull(scale: 2, shape: 1.5).quantile(p)), 2, 1.5) - p) < 1e-10)
    }

    @Test func outOfRangeProbabilities() {
        for p in [-0.1, 1.1, .nan] {
            #expect(Distribution.normal(mean: 0, stddev: 1).quantile(p) == nil)
            #expect(Distribution.constant(1).quantile(p) == nil)
        }
    }
}
