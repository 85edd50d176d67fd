import Testing
import CGSL
@testable import Stochastics

@Suite struct LognormalTests {
    @Test func medianAndP99AreReproducedEmpirically() throws {
        let d = try Distribution.lognormal(median: 100, p99: 1_000)
        let n = 200_000
        let stream = RandomStream(seed: 99)
        let xs = (0..<n).map { _ in d.sample(stream) }
        // The fraction below a quantile x_p is Binomial(n, p)/n: standard error sqrt(p(1-p)/n).
        // 5 standard errors is 0.0056 at the median and 0.0011 at p99; sigma from a wrong
        // z (e.g. z_0.975 = 1.96 instead of 2.326) would put 0.9955 below 1000.
        let belowMedian = Double(xs.filter { $0 <= 100 }.count) / Double(n)
        let belowP99 = Double(xs.filter { $0 <= 1_000 }.count) / Double(n)
        #expect(abs(belowMedian - 0.5) < 5 * (0.25 / Double(n)).squareRoot())
        #expect(abs(belowP99 - 0.99) < 5 * (0.99 * 0.01 / Double(n)).squareRoot())
        // Closed-form quantiles give the inputs back.
        #expect(abs(try #require(d.quantile(0.5)) - 100) < 1e-10)
        #expect(abs(try #require(d.quantile(0.99)) - 1_000) < 1e-9)
    }

    @Test func sigmaFromMedianAndP99() throws {
        // sigma = ln(10) / z_0.99 = 2.302585093 / 2.326347874 = 0.989785...
        guard case let .lognormal(median, sigma) = try Distribution.lognormal(median: 100, p99: 1_000) else {
            Issue.record("not lognormal"); return
        }
        #expect(median == 100)
        #expect(abs(sigma - 2.302585092994046 / 2.3263478740408408) < 1e-15)
    }

    @Test func muSigmaFormKeepsMuOnLogScale() throws {
        let d = try Distribution.lognormal(mu: 2, sigma: 0.3)
        #expect(abs(try #require(d.lognormalMu) - 2) < 1e-15)
        #expect(abs(try #require(d.quantile(0.5)) - exp(2)) < 1e-12)
        // Mean e^(mu + sigma^2/2).
        #expect(abs(try #require(d.mean) - exp(2 + 0.045)) < 1e-12)
    }
}
