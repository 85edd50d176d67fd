import Testing
@testable import Stochastics

@Suite struct DistributionFactoryTests {
    @Test func everyKindByName() throws {
        #expect(try Distribution.make(kind: .constant, parameters: ["value": 3]) == .constant(3))
        #expect(try Distribution.make(kind: .uniform, parameters: ["min": 1, "max": 2]) == .uniform(min: 1, max: 2))
        #expect(try Distribution.make(kind: .exponential, parameters: ["mean": 4]) == .exponential(mean: 4))
        #expect(try Distribution.make(kind: .normal, parameters: ["mean": 1, "stddev": 2])
                == .normal(mean: 1, stddev: 2))
        #expect(try Distribution.make(kind: .normal, parameters: ["mean": 1, "stddev": 2, "min": 0])
                == .normal(mean: 1, stddev: 2, min: 0))
        #expect(try Distribution.make(kind: .weibull, parameters: ["scale": 2, "shape": 3]) == .weibull(scale: 2, shape: 3))
        #expect(try Distribution.make(kind: .pareto, parameters: ["scale": 2, "shape": 3]) == .pareto(scale: 2, shape: 3))
        #expect(try Distribution.make(kind: .gamma, parameters: ["shape": 2, "scale": 3]) == .gamma(shape: 2, scale: 3))
        #expect(try Distribution.make(kind: .empirical, parameters: [:], values: [1, 2], weights: [1, 3])
                == .empirical(values: [1, 2], weights: [1, 3]))
        for kind in DistributionKind.allCases { #expect(DistributionKind(rawValue: kind.rawValue) == kind) }
    }

    @Test func lognormalParameterSets() throws {
        #expect(try Distribution.make(kind: .lognormal, parameters: ["mu": 1, "sigma": 0.5])
                == Distribution.lognormal(mu: 1, sigma: 0.5))
        #expect(try Distribution.make(kind: .lognormal, parameters: ["median": 10, "p99": 100])
                == Distribution.lognormal(median: 10, p99: 100))
        #expect(try Distribution.make(kind: .lognormal, parameters: ["median": 10, "sigma": 0.5])
                == .lognormal(median: 10, sigma: 0.5))
        #expect(try Distribution.make(kind: .lognormal, parameters: ["mean": 10, "stddev": 3])
                == Distribution.lognormal(mean: 10, stddev: 3))
    }

    @Test func parameterTableMarksUnitCarryingParameters() throws {
        let ln = DistributionKind.lognormal
        #expect(ln.parameters.map(\.name) == ["mu", "sigma", "median", "p99", "mean", "stddev"])
        #expect(ln.parameter(named: "mu")?.scaled == false)
        #expect(ln.parameter(named: "sigma")?.scaled == false)
        #expect(ln.parameter(named: "median")?.scaled == true)
        #expect(ln.parameter(named: "p99")?.scaled == true)
        let noneRequired = ln.parameters.allSatisfy { !$0.required }
        #expect(noneRequired)
        let normal = DistributionKind.normal.parameters
        #expect(normal.map(\.name) == ["mean", "stddev", "min", "max"])
        #expect(normal.map(\.required) == [true, true, false, false])
        let allScaled = normal.allSatisfy(\.scaled)
        #expect(allScaled)
        for kind in [DistributionKind.weibull, .pareto, .gamma] {
            #expect(kind.parameter(named: "scale")?.scaled == true)
            #expect(kind.parameter(named: "shape")?.scaled == false)
        }
        #expect(DistributionKind.constant.parameter(named: "value")?.scaled == true)
        let values = try #require(DistributionKind.empirical.parameter(named: "values"))
        #expect(values.scaled && values.isList && values.required)
        #expect(DistributionKind.empirical.parameter(named: "weights")?.required == false)
        #expect(DistributionKind.parameterTable.count == DistributionKind.allCases.count)
    }

    @Test func kindOfADistribution() throws {
        #expect(Distribution.gamma(shape: 1, scale: 1).kind == .gamma)
        #expect(try Distribution.empirical(values: [1]).kind == .empirical)
    }
}
