import Foundation
import Scenario

/// The grid of a sweep: each `--set KEY=V1,V2,...` is an axis; a point takes one value of each
/// axis. Points are listed with the first axis varying slowest, so the order (and the CSV) is
/// the same on every machine.
public struct SweepGrid: Sendable {
    public struct Axis: Sendable {
        public let key: String
        public let values: [String]
    }

    public let axes: [Axis]

    /// Parse `KEY=V1,V2,...` arguments. A value may not be empty; a key may not repeat.
    public init(arguments: [String]) throws(CommandFailure) {
        var axes: [Axis] = []
        for argument in arguments {
            guard let equals = argument.firstIndex(of: "=") else {
                throw .badInput("--set '\(argument)': expected KEY=V1,V2,... (e.g. campaign.max_hosts_in_maintenance=1,2,4), found no '='")
            }
            let key = String(argument[..<equals]).trimmingCharacters(in: .whitespaces)
            let values = argument[argument.index(after: equals)...].split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            if values.contains(where: \.isEmpty) {
                throw .badInput("--set '\(argument)': expected a comma-separated list of values, found an empty value")
            }
            if axes.contains(where: { $0.key == key }) {
                throw .badInput("--set '\(argument)': expected each key once, found '\(key)' again")
            }
            axes.append(Axis(key: key, values: values))
        }
        if axes.isEmpty { throw .badInput("--set: expected at least one KEY=V1,V2,... to sweep, found none") }
        self.axes = axes
    }

    /// Every point, first axis slowest: each is one value per axis, in axis order.
    public var points: [[String]] {
        axes.reduce([[]]) { partial, axis in partial.flatMap { p in axis.values.map { p + [$0] } } }
    }

    /// The `--set` overrides of one point.
    public func overrides(for point: [String]) throws(CommandFailure) -> [ScenarioOverride] {
        var result: [ScenarioOverride] = []
        for (axis, value) in zip(axes, point) {
            switch ScenarioOverride.parse("\(axis.key)=\(value)") {
            case .success(let o): result.append(o)
            case .failure(let e): throw .badInput(e.message)
            }
        }
        return result
    }
}
