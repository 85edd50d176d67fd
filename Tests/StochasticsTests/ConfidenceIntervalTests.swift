import Testing
@testable import Stochastics

@Suite struct ConfidenceIntervalTests {
    @Test func studentTAgainstTableValue() throws {
        // 1...10: mean 5.5, s = sqrt(82.5 / 9); t_{0.975, 9} = 2.262157 (t tables).
        let xs = (1...10).map(Double.init)
        let ci = try ConfidenceInterval(of: xs)
        let s = (82.5 / 9).squareRoot()
        let expected = 2.262157 * s / 10.0.squareRoot()
        #expect(ci.mean == 5.5)
        let half = try #require(ci.halfWidth)
        #expect(abs(half - expected) < 1e-6 * expected)  // the table value has 7 digits
        #expect(try #require(ci.lower) == 5.5 - half)
        #expect(try #require(ci.upper) == 5.5 + half)
        #expect(ci.level == 0.95 && ci.count == 10)
        // 99%: t_{0.995, 9} = 3.249836.
        let ci99 = try Summary(xs).meanConfidenceInterval(level: 0.99)
        #expect(abs(try #require(ci99.halfWidth) - 3.249836 * s / 10.0.squareRoot()) < 1e-6)
    }

    @Test func fewerThanTwoObservationsHaveNoWidth() throws {
        let ci = try ConfidenceInterval(of: [4])
        #expect(ci.mean == 4)
        #expect(ci.halfWidth == nil && ci.lower == nil && ci.upper == nil)
    }

    @Test func invalidLevels() {
        for level in [0, 1, -0.5, 1.5, .nan] {
            #expect(throws: StatisticsError.self) { try ConfidenceInterval(of: [1, 2], level: level) }
        }
        #expect(StatisticsError.invalidLevel(1.5).description
                == "confidence level must be strictly between 0 and 1, got 1.5")
    }
}
