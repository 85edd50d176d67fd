import Foundation

/// How far a metric may move before `compare` fails: `metric: 5%` (of A's mean) or
/// `metric: 60` (absolute, the metric's own unit), one per line; `default:` applies to every
/// metric not listed. `#` starts a comment. Without a file every metric must not move at all:
/// same scenario, same seed, same build give the same numbers.
public struct Tolerances: Sendable {
    public enum Limit: Sendable, Equatable, CustomStringConvertible {
        case absolute(Double)
        case relative(Double)
        public var description: String {
            switch self {
            case .absolute(let x): return x == 0 ? "exact" : "±\(x)"
            case .relative(let x): return "±\(x * 100)%"
            }
        }
        func allows(difference: Double, baseline: Double) -> Bool {
            switch self {
            case .absolute(let x): return abs(difference) <= x + 1e-12
            case .relative(let x): return abs(difference) <= x * abs(baseline) + 1e-12
            }
        }
    }

    public var byMetric: [String: Limit] = [:]
    public var fallback: Limit = .absolute(0)

    public init() {}

    public func limit(for metric: String) -> Limit { byMetric[metric] ?? fallback }

    public static func parse(_ text: String, file: String) throws(CommandFailure) -> Tolerances {
        var t = Tolerances()
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            guard let colon = line.firstIndex(of: ":") else {
                throw .badInput("\(file):\(n + 1):1: expected 'metric: tolerance' (e.g. makespan_s: 5%), found '\(line)'")
            }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            let valueText = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            let column = line.distance(from: line.startIndex, to: colon) + 2
            let limit: Limit
            if valueText.hasSuffix("%"), let x = Double(valueText.dropLast()), x >= 0, x.isFinite {
                limit = .relative(x / 100)
            } else if let x = Double(valueText), x >= 0, x.isFinite {
                limit = .absolute(x)
            } else {
                throw .badInput("\(file):\(n + 1):\(column): \(key): expected a non-negative number or percentage (e.g. 60 or 5%), found '\(valueText)'")
            }
            if key == "default" { t.fallback = limit } else { t.byMetric[key] = limit }
        }
        return t
    }
}
