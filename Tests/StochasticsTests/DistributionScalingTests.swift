import Testing
@testable import Stochastics

@Suite struct DistributionScalingTests {
    /// GiB -> bytes is 2^30: multiplying by a power of two never rounds, so each draw of the
    /// scaled distribution must be bit-for-bit 2^30 times the original's draw.
    @Test(arguments: momentCases)
    func powerOfTwoScalingIsExact(_ c: MomentCase) throws {
        let gib = Double(1 << 30)
        let scaled = c.distribution.scaled(by: gib)
        let a = RandomStream(seed: 11), b = RandomStream(seed: 11)
        for _ in 0..<2_000 {
            let x = c.distribution.sample(a)
            let y = scaled.sample(b)
            #expect(y == gib * x)
        }
        #expect(scaled.mean == c.distribution.mean.map { $0 * gib })
        #expect(scaled.kind == c.distribution.kind)
        let v = try #require(scaled.variance), v0 = try #require(c.distribution.variance)
        #expect(abs(v - v0 * gib * gib) <= 1e-12 * v)
        for p in [0.1, 0.5, 0.9] {
            let q = try #require(scaled.quantile(p)), q0 = try #require(c.distribution.quantile(p))
            #expect(abs(q - q0 * gib) <= 1e-12 * abs(q))
        }
    }

    /// Other factors (GB -> bytes) agree to rounding.
    @Test(arguments: momentCases)
    func decimalScalingAgreesToRounding(_ c: MomentCase) {
        let scaled = c.distribution.scaled(by: 1e9)
        let a = RandomStream(seed: 12), b = RandomStream(seed: 12)
        for _ in 0..<2_000 {
            let x = 1e9 * c.distribution.sample(a)
            let y = scaled.sample(b)
            #expect(abs(y - x) <= 1e-12 * Swift.max(abs(x), 1e9))
        }
    }

    @Test func dimensionlessParametersAreKept() {
        #expect(Distribution.gamma(shape: 3, scale: 2).scaled(by: 4) == .gamma(shape: 3, scale: 8))
        #expect(Distribution.weibull(scale: 2, shape: 1.5).scaled(by: 4) == .weibull(scale: 8, shape: 1.5))
        #expect(Distribution.pareto(scale: 2, shape: 3).scaled(by: 4) == .pareto(scale: 8, shape: 3))
        #expect(Distribution.lognormal(median: 2, sigma: 0.5).scaled(by: 4) == .lognormal(median: 8, sigma: 0.5))
        #expect(Distribution.normal(mean: 1, stddev: 2, min: 0).scaled(by: 4)
                == .normal(mean: 4, stddev: 8, min: 0, max: nil))
    }
}
