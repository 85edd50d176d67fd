import Testing
@testable import Stochastics

/// One distribution, and parameterisation mistakes a moment check must be able to catch.
struct MomentCase: Sendable, CustomTestStringConvertible {
    let name: String
    let distribution: Distribution
    let mistakes: [Distribution]
    var testDescription: String { name }
}

let momentCases: [MomentCase] = [
    MomentCase(name: "constant", distribution: .constant(7), mistakes: [.constant(7.5)]),
    // (min, width) instead of (min, max).
    MomentCase(name: "uniform", distribution: .uniform(min: 2, max: 5), mistakes: [.uniform(min: 2, max: 7)]),
    // rate 4 instead of mean 4.
    MomentCase(name: "exponential", distribution: .exponential(mean: 4), mistakes: [.exponential(mean: 0.25)]),
    // variance 4 passed as stddev; stddev^2 vs stddev.
    MomentCase(name: "normal", distribution: .normal(mean: 10, stddev: 2),
               mistakes: [.normal(mean: 10, stddev: 4), .normal(mean: 10, stddev: 2.squareRoot())]),
    // sigma^2 passed as sigma; mu taken as the median's value rather than its log.
    MomentCase(name: "lognormal(mu 1, sigma 0.5)", distribution: try! .lognormal(mu: 1, sigma: 0.5),
               mistakes: [try! .lognormal(mu: 1, sigma: 0.25), .lognormal(median: 1, sigma: 0.5)]),
    // the mean read as the median and the coefficient of variation as sigma.
    MomentCase(name: "lognormal(mean 20, stddev 8)", distribution: try! .lognormal(mean: 20, stddev: 8),
               mistakes: [.lognormal(median: 20, sigma: 0.4)]),
    // shape and scale swapped; the rate 1/scale passed as scale.
    MomentCase(name: "weibull", distribution: .weibull(scale: 2, shape: 1.5),
               mistakes: [.weibull(scale: 1.5, shape: 2), .weibull(scale: 0.5, shape: 1.5)]),
    // shape and scale swapped (GSL's gsl_ran_pareto takes shape first).
    MomentCase(name: "pareto", distribution: .pareto(scale: 2, shape: 6),
               mistakes: [.pareto(scale: 6, shape: 2), .pareto(scale: 2, shape: 5)]),
    // shape and scale swapped (same mean, different variance); rate 2 given as scale.
    MomentCase(name: "gamma", distribution: .gamma(shape: 3, scale: 2),
               mistakes: [.gamma(shape: 2, scale: 3), .gamma(shape: 3, scale: 0.5)]),
    // weights ignored.
    MomentCase(name: "empirical weighted", distribution: try! .empirical(values: [1, 2, 3, 10], weights: [4, 3, 2, 1]),
               mistakes: [try! .empirical(values: [1, 2, 3, 10])]),
    MomentCase(name: "empirical uniform", distribution: try! .empirical(values: [1, 2, 3, 10]),
               mistakes: [try! .empirical(values: [1, 2, 3, 10], weights: [4, 3, 2, 1])]),
    // truncation ignored.
    MomentCase(name: "normal truncated both sides", distribution: .normal(mean: 0, stddev: 1, min: -1, max: 2),
               mistakes: [.normal(mean: 0, stddev: 1)]),
    MomentCase(name: "normal truncated below", distribution: .normal(mean: 5, stddev: 2, min: 3),
               mistakes: [.normal(mean: 5, stddev: 2)]),
    MomentCase(name: "normal truncated above", distribution: .normal(mean: 5, stddev: 2, max: 4),
               mistakes: [.normal(mean: 5, stddev: 2)]),
]

@Suite struct DistributionMomentTests {
    @Test(arguments: momentCases)
    func sampleMomentsMatchClosedForm(_ c: MomentCase) throws {
        let m = SampleMoments(c.distribution)
        let mean = try #require(c.distribution.mean)
        let variance = try #require(c.distribution.variance)
        #expect(abs(m.mean - mean) <= m.meanTolerance, "mean \(m.mean) vs \(mean) ± \(m.meanTolerance)")
        #expect(abs(m.variance - variance) <= m.varianceTolerance,
                "variance \(m.variance) vs \(variance) ± \(m.varianceTolerance)")
        // The same tolerances would have rejected each mistaken parameterisation.
        for wrong in c.mistakes {
            #expect(!m.matches(mean: wrong.mean, variance: wrong.variance), "\(wrong) not distinguishable")
        }
    }

    @Test func constantAndUniformClosedForms() {
        #expect(Distribution.constant(3).mean == 3)
        #expect(Distribution.constant(3).variance == 0)
        #expect(Distribution.uniform(min: 2, max: 5).mean == 3.5)
        #expect(Distribution.uniform(min: 2, max: 5).variance == 0.75)
    }

    @Test func paretoMomentsAreUndefinedForHeavyTails() {
        #expect(Distribution.pareto(scale: 1, shape: 1).mean == nil)
        #expect(Distribution.pareto(scale: 1, shape: 2).variance == nil)
        #expect(Distribution.pareto(scale: 1, shape: 2).mean == 2)
        #expect(Distribution.pareto(scale: 1, shape: 3).variance == 0.75)
    }

    @Test func closedFormsAgainstHandValues() throws {
        // Weibull(scale 2, shape 1.5): mean 2 Γ(5/3) = 1.805490585901867.
        #expect(abs(try #require(Distribution.weibull(scale: 2, shape: 1.5).mean) - 1.805490585901867) < 1e-12)
        // Gamma(3, 2): mean 6, variance 12.
        #expect(Distribution.gamma(shape: 3, scale: 2).mean == 6)
        #expect(Distribution.gamma(shape: 3, scale: 2).variance == 12)
        // Lognormal(mean 20, stddev 8) reproduces its own moments.
        let ln = try Distribution.lognormal(mean: 20, stddev: 8)
        #expect(abs(try #require(ln.mean) - 20) < 1e-12)
        #expect(abs(try #require(ln.standardDeviation) - 8) < 1e-12)
        // Empirical [1,2,3,10] weights [4,3,2,1]: mean (4+6+6+10)/10 = 2.6.
        let e = try Distribution.empirical(values: [1, 2, 3, 10], weights: [4, 3, 2, 1])
        #expect(abs(try #require(e.mean) - 2.6) < 1e-12)
    }
}
