import Testing
@testable import Stochastics

@Suite struct DistributionValidationTests {
    /// Asserts that `build` throws `expected` and that its message reads `message`. (An error
    /// carrying NaN never equals itself, NaN != NaN; for those only the message is compared.)
    func rejects(_ expected: DistributionError, _ message: String,
                 sourceLocation: SourceLocation = #_sourceLocation,
                 _ build: () throws -> Distribution) {
        do {
            let d = try build()
            Issue.record("accepted \(d)", sourceLocation: sourceLocation)
        } catch let error as DistributionError {
            if !expected.description.contains("nan") { #expect(error == expected, sourceLocation: sourceLocation) }
            #expect(error.description == message, sourceLocation: sourceLocation)
        } catch {
            Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
        }
    }

    @Test func parameterValues() {
        rejects(.notPositive(parameter: "stddev", got: -1), "stddev must be > 0, got -1") {
            try Distribution.normal(mean: 0, stddev: -1).validated()
        }
        rejects(.notFinite(parameter: "mean", got: .nan), "mean must be a finite number, got nan") {
            try Distribution.normal(mean: .nan, stddev: 1).validated()
        }
        rejects(.notFinite(parameter: "value", got: .infinity), "value must be a finite number, got inf") {
            try Distribution.constant(.infinity).validated()
        }
        rejects(.notGreater(parameter: "max", value: 1, other: "min", otherValue: 2),
                "max must be greater than min, got max = 1, min = 2") {
            try Distribution.uniform(min: 2, max: 1).validated()
        }
        rejects(.notGreater(parameter: "max", value: 3, other: "min", otherValue: 3),
                "max must be greater than min, got max = 3, min = 3") {
            try Distribution.normal(mean: 0, stddev: 1, min: 3, max: 3).validated()
        }
        rejects(.notFinite(parameter: "min", got: -.infinity), "min must be a finite number, got -inf") {
            try Distribution.normal(mean: 0, stddev: 1, min: -.infinity).validated()
        }
        rejects(.notPositive(parameter: "mean", got: 0), "mean must be > 0, got 0") {
            try Distribution.exponential(mean: 0).validated()
        }
        rejects(.notPositive(parameter: "shape", got: 0), "shape must be > 0, got 0") {
            try Distribution.weibull(scale: 1, shape: 0).validated()
        }
        rejects(.notPositive(parameter: "scale", got: -2.5), "scale must be > 0, got -2.5") {
            try Distribution.pareto(scale: -2.5, shape: 3).validated()
        }
        rejects(.notPositive(parameter: "scale", got: 0), "scale must be > 0, got 0") {
            try Distribution.gamma(shape: 2, scale: 0).validated()
        }
        rejects(.notPositive(parameter: "sigma", got: 0), "sigma must be > 0, got 0") {
            try Distribution.lognormal(median: 1, sigma: 0).validated()
        }
    }

    @Test func lognormalConstructors() {
        rejects(.notGreater(parameter: "p99", value: 50, other: "median", otherValue: 100),
                "p99 must be greater than median, got p99 = 50, median = 100") {
            try Distribution.lognormal(median: 100, p99: 50)
        }
        rejects(.notPositive(parameter: "median", got: -1), "median must be > 0, got -1") {
            try Distribution.lognormal(median: -1, p99: 50)
        }
        rejects(.notPositive(parameter: "stddev", got: 0), "stddev must be > 0, got 0") {
            try Distribution.lognormal(mean: 10, stddev: 0)
        }
        rejects(.notFinite(parameter: "median = e^mu", got: .infinity), "median = e^mu must be a finite number, got inf") {
            try Distribution.lognormal(mu: 1_000, sigma: 1)
        }
    }

    @Test func empiricalValuesAndWeights() {
        rejects(.emptyValues, "values must not be empty") { try Distribution.empirical(values: []) }
        rejects(.valueNotFinite(index: 1, got: .nan), "values must be finite numbers, got nan at index 1") {
            try Distribution.empirical(values: [1, .nan])
        }
        rejects(.invalidWeight(index: 1, got: -1), "weights must be non-negative and not all zero, got -1 at index 1") {
            try Distribution.empirical(values: [1, 2], weights: [1, -1])
        }
        rejects(.allWeightsZero, "weights must be non-negative and not all zero, got all zero") {
            try Distribution.empirical(values: [1, 2], weights: [0, 0])
        }
        rejects(.weightCountMismatch(values: 2, weights: 3),
                "weights must have one entry per value, got 2 values and 3 weights") {
            try Distribution.empirical(values: [1, 2], weights: [1, 1, 1])
        }
    }

    @Test func factoryNames() {
        rejects(.unknownParameter(kind: .normal, name: "sd", accepted: ["mean", "stddev", "min", "max"]),
                "normal has no parameter 'sd'; accepted: mean, stddev, min, max") {
            try Distribution.make(kind: .normal, parameters: ["mean": 1, "sd": 2])
        }
        rejects(.missingParameter(kind: .normal, name: "stddev"), "normal needs parameter 'stddev'") {
            try Distribution.make(kind: .normal, parameters: ["mean": 1])
        }
        rejects(.unknownParameter(kind: .exponential, name: "rate", accepted: ["mean"]),
                "exponential has no parameter 'rate'; accepted: mean") {
            try Distribution.make(kind: .exponential, parameters: ["rate": 2])
        }
        rejects(.unknownParameter(kind: .gamma, name: "values", accepted: ["shape", "scale"]),
                "gamma has no parameter 'values'; accepted: shape, scale") {
            try Distribution.make(kind: .gamma, parameters: ["shape": 1, "scale": 1], values: [1])
        }
        rejects(.missingParameter(kind: .empirical, name: "values"), "empirical needs parameter 'values'") {
            try Distribution.make(kind: .empirical, parameters: [:])
        }
        rejects(.unknownParameter(kind: .empirical, name: "mean", accepted: ["values", "weights"]),
                "empirical has no parameter 'mean'; accepted: values, weights") {
            try Distribution.make(kind: .empirical, parameters: ["mean": 1], values: [1])
        }
        let sets = [["mu", "sigma"], ["median", "p99"], ["median", "sigma"], ["mean", "stddev"]]
        rejects(.invalidCombination(kind: .lognormal, given: ["mu", "median"], accepted: sets),
                "lognormal takes exactly one of {mu, sigma} / {median, p99} / {median, sigma} / {mean, stddev}; got {mu, median}") {
            try Distribution.make(kind: .lognormal, parameters: ["median": 1, "mu": 0])
        }
        rejects(.invalidCombination(kind: .lognormal, given: ["sigma", "median", "p99"], accepted: sets),
                "lognormal takes exactly one of {mu, sigma} / {median, p99} / {median, sigma} / {mean, stddev}; got {sigma, median, p99}") {
            try Distribution.make(kind: .lognormal, parameters: ["median": 1, "p99": 5, "sigma": 1])
        }
        rejects(.invalidCombination(kind: .lognormal, given: ["median"], accepted: sets),
                "lognormal takes exactly one of {mu, sigma} / {median, p99} / {median, sigma} / {mean, stddev}; got {median}") {
            try Distribution.make(kind: .lognormal, parameters: ["median": 1])
        }
        // Values are validated after the names.
        rejects(.notGreater(parameter: "max", value: 0, other: "min", otherValue: 1),
                "max must be greater than min, got max = 0, min = 1") {
            try Distribution.make(kind: .uniform, parameters: ["min": 1, "max": 0])
        }
    }
}
