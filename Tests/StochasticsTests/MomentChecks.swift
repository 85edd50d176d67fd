@testable import Stochastics

/// Sample mean and variance of `n` draws, and how far each may sit from the closed form.
///
/// Tolerance: 5 standard errors. SE(mean) = s / sqrt(n); SE(variance) = sqrt((m4 - s^4) / n)
/// (the large-sample variance of the sample variance, m4 = fourth central moment, estimated
/// from the same draws). With n = 200,000 that is about 1.1% of one standard deviation for
/// the mean and a few per cent of the variance: a correct sampler fails with probability
/// ~1e-6 (and the seed is fixed, so the outcome is deterministic), while each test also
/// proves that its plausible wrong parameterisations (swapped shape/scale, sigma passed as
/// variance, rate passed as mean) move the mean or the variance by more than that.
struct SampleMoments {
    let mean: Double
    let variance: Double
    let meanTolerance: Double
    let varianceTolerance: Double

    init(_ d: Distribution, n: Int = 200_000, seed: UInt64 = 20_240_601) {
        let stream = RandomStream(seed: seed)
        let xs = (0..<n).map { _ in d.sample(stream) }
        let mean = xs.reduce(0, +) / Double(n)
        var m2 = 0.0, m4 = 0.0
        for x in xs {
            let d2 = (x - mean) * (x - mean)
            m2 += d2
            m4 += d2 * d2
        }
        m4 /= Double(n)
        let variance = m2 / Double(n - 1)
        self.mean = mean
        self.variance = variance
        meanTolerance = 5 * (variance / Double(n)).squareRoot()
        varianceTolerance = 5 * (Swift.max(m4 - variance * variance, 0) / Double(n)).squareRoot()
    }

    func matches(mean expected: Double?, variance expectedVariance: Double?) -> Bool {
        guard let expected, let expectedVariance else { return false }
        return abs(mean - expected) <= meanTolerance && abs(variance - expectedVariance) <= varianceTolerance
    }
}
