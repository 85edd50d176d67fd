/// Why a summary or interval could not be computed.
public enum StatisticsError: Error, Equatable, Sendable, CustomStringConvertible {
    case emptySample
    case notFinite(index: Int, got: Double)
    case invalidLevel(Double)
    case invalidCounts(successes: Int, trials: Int)

    public var description: String {
        switch self {
        case .emptySample:
            return "sample must not be empty"
        case let .notFinite(index, got):
            return "sample values must be finite numbers, got \(formatNumber(got)) at index \(index)"
        case let .invalidLevel(level):
            return "confidence level must be strictly between 0 and 1, got \(formatNumber(level))"
        case let .invalidCounts(successes, trials):
            return "need trials > 0 and 0 <= successes <= trials, got \(successes) successes in \(trials) trials"
        }
    }
}

func requireLevel(_ level: Double) throws(StatisticsError) {
    guard level > 0, level < 1 else { throw .invalidLevel(level) }
}
