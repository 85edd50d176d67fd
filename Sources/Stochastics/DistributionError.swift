/// Why a distribution's parameters were rejected. Each message names the parameter and what
/// was expected, e.g. "stddev must be > 0, got -1"; the scenario layer adds file and key.
public enum DistributionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A parameter is NaN or infinite.
    case notFinite(parameter: String, got: Double)
    /// A parameter that must be strictly positive is not.
    case notPositive(parameter: String, got: Double)
    /// `parameter` must be strictly greater than `other` (max > min, p99 > median).
    case notGreater(parameter: String, value: Double, other: String, otherValue: Double)
    /// An empirical distribution was given no values.
    case emptyValues
    /// An empirical value is NaN or infinite.
    case valueNotFinite(index: Int, got: Double)
    /// Empirical weights do not pair up with the values.
    case weightCountMismatch(values: Int, weights: Int)
    /// An empirical weight is negative, NaN or infinite.
    case invalidWeight(index: Int, got: Double)
    /// Every empirical weight is zero.
    case allWeightsZero
    /// The factory was given a parameter name the kind does not have.
    case unknownParameter(kind: DistributionKind, name: String, accepted: [String])
    /// The factory was not given a parameter the kind requires.
    case missingParameter(kind: DistributionKind, name: String)
    /// The given names match none of the kind's accepted parameter sets (lognormal).
    case invalidCombination(kind: DistributionKind, given: [String], accepted: [[String]])

    public var description: String {
        switch self {
        case let .notFinite(parameter, got):
            return "\(parameter) must be a finite number, got \(formatNumber(got))"
        case let .notPositive(parameter, got):
            return "\(parameter) must be > 0, got \(formatNumber(got))"
        case let .notGreater(parameter, value, other, otherValue):
            return "\(parameter) must be greater than \(other), got \(parameter) = \(formatNumber(value)), "
                + "\(other) = \(formatNumber(otherValue))"
        case .emptyValues:
            return "values must not be empty"
        case let .valueNotFinite(index, got):
            return "values must be finite numbers, got \(formatNumber(got)) at index \(index)"
        case let .weightCountMismatch(values, weights):
            return "weights must have one entry per value, got \(values) values and \(weights) weights"
        case let .invalidWeight(index, got):
            return "weights must be non-negative and not all zero, got \(formatNumber(got)) at index \(index)"
        case .allWeightsZero:
            return "weights must be non-negative and not all zero, got all zero"
        case let .unknownParameter(kind, name, accepted):
            return "\(kind.rawValue) has no parameter '\(name)'; accepted: \(accepted.joined(separator: ", "))"
        case let .missingParameter(kind, name):
            return "\(kind.rawValue) needs parameter '\(name)'"
        case let .invalidCombination(kind, given, accepted):
            let sets = accepted.map { "{" + $0.joined(separator: ", ") + "}" }.joined(separator: " / ")
            return "\(kind.rawValue) takes exactly one of \(sets); got {\(given.joined(separator: ", "))}"
        }
    }
}
