import Testing
@testable import Stochastics

@Suite struct SummaryTests {
    @Test func descriptiveStatistics() throws {
        let s = try Summary([9, 2, 4, 4, 5, 4, 7, 5])
        #expect(s.count == 8)
        #expect(s.mean == 5)
        // Sum of squared deviations 32, n - 1 = 7.
        #expect(abs(try #require(s.standardDeviation) - (32.0 / 7).squareRoot()) < 1e-14)
        #expect(s.min == 2)
        #expect(s.max == 9)
        // GSL convention on sorted [2,4,4,4,5,5,7,9]: h = 7p, interpolate x[floor h], x[floor h + 1].
        #expect(s.p50 == 4.5)                       // h = 3.5
        #expect(abs(s.p90 - 7.6) < 1e-12)           // h = 6.3: 7 + 0.3 * 2
        #expect(abs(s.p99 - 8.86) < 1e-12)          // h = 6.93
        #expect(s.quantile(0) == 2)
        #expect(s.quantile(1) == 9)
        #expect(abs(s.quantile(0.25) - 4) < 1e-12)  // h = 1.75 between 4 and 4
    }

    @Test func orderDoesNotMatter() throws {
        let xs = (0..<1_000).map { 1 / Double($0 + 1) }
        #expect(try Summary(xs) == Summary(xs.reversed()))
    }

    @Test func singleValueHasNoStandardDeviation() throws {
        let s = try Summary([3])
        #expect(s.standardDeviation == nil)
        #expect(s.p99 == 3)
    }

    @Test func invalidSamples() {
        #expect(throws: StatisticsError.emptySample) { try Summary([]) }
        #expect(throws: StatisticsError.notFinite(index: 1, got: .infinity)) { try Summary([1, .infinity]) }
        #expect(StatisticsError.emptySample.description == "sample must not be empty")
    }
}
