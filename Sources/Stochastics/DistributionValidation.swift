extension Distribution {
    /// This distribution if its parameters are usable, else the first problem found.
    ///
    /// Rules: every parameter finite; stddev, mean (exponential), median, sigma, scale and
    /// shape > 0; uniform max > min; truncated normal max > min. A zero spread (stddev 0,
    /// uniform min == max) is rejected: `constant` says that more plainly.
    public func validated() throws(DistributionError) -> Distribution {
        switch self {
        case let .constant(value):
            try requireFinite("value", value)
        case let .uniform(min, max):
            try requireFinite("min", min)
            try requireFinite("max", max)
            try requireGreater("max", max, than: "min", min)
        case let .exponential(mean):
            try requirePositive("mean", mean)
        case let .normal(mean, stddev, min, max):
            try requireFinite("mean", mean)
            try requirePositive("stddev", stddev)
            if let min { try requireFinite("min", min) }
            if let max { try requireFinite("max", max) }
            if let min, let max { try requireGreater("max", max, than: "min", min) }
        case let .lognormal(median, sigma):
            try requirePositive("median", median)
            try requirePositive("sigma", sigma)
        case let .weibull(scale, shape), let .pareto(scale, shape):
            try requirePositive("scale", scale)
            try requirePositive("shape", shape)
        case let .gamma(shape, scale):
            try requirePositive("shape", shape)
            try requirePositive("scale", scale)
        case .empirical:
            break  // EmpiricalTable's initialiser already validated it.
        }
        return self
    }
}

func requireFinite(_ name: String, _ x: Double) throws(DistributionError) {
    guard x.isFinite else { throw .notFinite(parameter: name, got: x) }
}

func requirePositive(_ name: String, _ x: Double) throws(DistributionError) {
    try requireFinite(name, x)
    guard x > 0 else { throw .notPositive(parameter: name, got: x) }
}

func requireGreater(_ name: String, _ x: Double, than other: String, _ y: Double) throws(DistributionError) {
    guard x > y else { throw .notGreater(parameter: name, value: x, other: other, otherValue: y) }
}
