import Testing
@testable import Stochastics

@Suite struct EmpiricalTests {
    @Test func uniformOverValues() throws {
        let d = try Distribution.empirical(values: [1, 2, 3, 4])
        let stream = RandomStream(seed: 3)
        var counts: [Double: Int] = [:]
        for _ in 0..<40_000 { counts[d.sample(stream), default: 0] += 1 }
        #expect(Set(counts.keys) == [1, 2, 3, 4])
        // Each count ~ Binomial(40000, 1/4): sd 86.6; 5 sd = 433.
        for (_, c) in counts { #expect(abs(c - 10_000) < 433) }
        #expect(d.mean == 2.5)
        #expect(d.variance == 1.25)
    }

    @Test func weightedDrawsFollowWeightsAndSkipZeroWeights() throws {
        let d = try Distribution.empirical(values: [1, 10, 99], weights: [3, 1, 0])
        let stream = RandomStream(seed: 4)
        var ones = 0
        for _ in 0..<40_000 {
            let x = d.sample(stream)
            #expect(x != 99)
            if x == 1 { ones += 1 }
        }
        // Binomial(40000, 0.75): sd 86.6.
        #expect(abs(ones - 30_000) < 433)
        #expect(d.mean == 3.25)
    }

    @Test func quantileIsTheDiscreteInverseCDF() throws {
        let d = try Distribution.empirical(values: [5, 1, 3])
        #expect(d.quantile(0) == 1)
        #expect(d.quantile(0.33) == 1)
        #expect(d.quantile(0.34) == 3)
        #expect(d.quantile(0.5) == 3)
        #expect(d.quantile(0.67) == 5)
        #expect(d.quantile(1) == 5)
        #expect(d.quantile(1.5) == nil)
        let w = try Distribution.empirical(values: [0, 1, 2, 3], weights: [0, 1, 0, 3])
        #expect(w.quantile(0) == 1)  // zero-weight values are not in the support
        #expect(w.quantile(0.25) == 1)
        #expect(w.quantile(0.26) == 3)
        #expect(w.quantile(1) == 3)
    }

    @Test func tablesCompareByContent() throws {
        #expect(try EmpiricalTable(values: [1, 2]) == EmpiricalTable(values: [1, 2]))
        #expect(try EmpiricalTable(values: [1, 2]) != EmpiricalTable(values: [1, 2], weights: [1, 1]))
        #expect(try Distribution.empirical(values: [1, 2]) != Distribution.empirical(values: [2, 1]))
    }
}
