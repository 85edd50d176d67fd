import Testing
@testable import Stochastics

@Suite struct WilsonIntervalTests {
    @Test func textbookValue() throws {
        // 8 successes in 10 trials at 95%: [0.4902, 0.9433] (Newcombe, Statistics in
        // Medicine 17, 1998, method 3; also e.g. the Wikipedia worked example).
        let w = try WilsonInterval(successes: 8, trials: 10)
        #expect(abs(w.lower - 0.4902) < 5e-5)
        #expect(abs(w.upper - 0.9433) < 5e-5)
        #expect(w.proportion == 0.8)
    }

    @Test func extremesStayInsideTheUnitInterval() throws {
        // 0 of 10: [0, z^2 / (n + z^2)] = [0, 0.2775].
        let none = try WilsonInterval(successes: 0, trials: 10)
        #expect(none.lower == 0)
        #expect(abs(none.upper - 3.841458820694124 / 13.841458820694124) < 1e-12)
        let all = try WilsonInterval(successes: 10, trials: 10)
        #expect(all.upper == 1)
        #expect(abs(all.lower - 10 / 13.841458820694124) < 1e-12)
    }

    @Test func invalidCounts() {
        #expect(throws: StatisticsError.invalidCounts(successes: 3, trials: 2)) { try WilsonInterval(successes: 3, trials: 2) }
        #expect(throws: StatisticsError.invalidCounts(successes: 0, trials: 0)) { try WilsonInterval(successes: 0, trials: 0) }
        #expect(throws: StatisticsError.invalidCounts(successes: -1, trials: 5)) { try WilsonInterval(successes: -1, trials: 5) }
        #expect(throws: StatisticsError.invalidLevel(2)) { try WilsonInterval(successes: 1, trials: 5, level: 2) }
    }
}
