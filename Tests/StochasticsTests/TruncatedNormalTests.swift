import Testing
@testable import Stochastics

/// Reference moments of truncated standard normals computed with mpmath at 60 digits from
/// E = (phi(a) - phi(b))/Z and Var = 1 + (a phi(a) - b phi(b))/Z - E^2.
@Suite struct TruncatedNormalTests {
    struct Window: Sendable, CustomTestStringConvertible {
        let min: Double?
        let max: Double?
        let mean: Double
        let variance: Double
        var testDescription: String { "[\(min.map { "\($0)" } ?? "-inf"), \(max.map { "\($0)" } ?? "inf")]" }
    }

    static let windows: [Window] = [
        Window(min: -1, max: 2, mean: 0.229637179091329, variance: 0.519762539211534),
        Window(min: -0.5, max: 1.5, mean: 0.35627288417706, variance: 0.280248150151225),
        // Far tails: inversion through Q (8 sd) and rejection (40 sd, one-sided and narrow).
        Window(min: 8, max: nil, mean: 8.12136811223611, variance: 0.0143248834433409),
        Window(min: 40, max: nil, mean: 40.0249688472073, variance: 0.000622668378591389),
        Window(min: 40, max: 40.01, mean: 40.0046675119502, variance: 8.2670439822023e-6),
        Window(min: nil, max: -40, mean: -40.0249688472073, variance: 0.000622668378591389),
    ]

    @Test(arguments: windows)
    func staysInsideBoundsAndMatchesTruncatedMoments(_ w: Window) throws {
        let d = Distribution.normal(mean: 0, stddev: 1, min: w.min, max: w.max)
        let closedMean = try #require(d.mean)
        let closedVariance = try #require(d.variance)
        #expect(abs(closedMean - w.mean) < 1e-9 * Swift.max(1, abs(w.mean)))
        #expect(abs(closedVariance - w.variance) < 1e-6 * w.variance)

        let stream = RandomStream(seed: 5)
        let xs = (0..<200_000).map { _ in d.sample(stream) }
        #expect(xs.allSatisfy { $0 >= (w.min ?? -.infinity) && $0 <= (w.max ?? .infinity) })
        let m = SampleMoments(d, seed: 5)
        #expect(abs(m.mean - closedMean) <= m.meanTolerance, "\(m.mean) vs \(closedMean)")
        #expect(abs(m.variance - closedVariance) <= m.varianceTolerance, "\(m.variance) vs \(closedVariance)")
    }

    @Test func locationAndScaleApply() throws {
        // normal(100, 10, [90, 130]) = 100 + 10 * Z on [-1, 3].
        let d = Distribution.normal(mean: 100, stddev: 10, min: 90, max: 130)
        let standard = Distribution.normal(mean: 0, stddev: 1, min: -1, max: 3)
        #expect(abs(try #require(d.mean) - (100 + 10 * (try #require(standard.mean)))) < 1e-10)
        let stream = RandomStream(seed: 8)
        for _ in 0..<10_000 {
            let x = d.sample(stream)
            #expect(x >= 90 && x <= 130)
        }
    }

    @Test func quantilesOfTheWindow() throws {
        let d = Distribution.normal(mean: 0, stddev: 1, min: -1, max: 2)
        #expect(try #require(d.quantile(0)) == -1)
        #expect(try #require(d.quantile(1)) == 2)
        // Median: Phi^-1((Phi(-1) + Phi(2)) / 2) = 0.1711639... (mpmath).
        #expect(abs(try #require(d.quantile(0.5)) - 0.171163918017825) < 1e-9)
        // Beyond the inversion limit quantiles are not computed.
        #expect(Distribution.normal(mean: 0, stddev: 1, min: 40).quantile(0.5) == nil)
    }
}
