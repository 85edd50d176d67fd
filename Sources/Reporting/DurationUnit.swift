import Foundation

/// One time unit for a whole table row, so a row never mixes `108.5s` with `4.1min`: the unit
/// is chosen from the row's largest value (the thresholds of `NumberText.duration`) and shown
/// once, in the row's unit column.
public struct DurationUnit: Sendable, Equatable {
    public let symbol: String
    public let seconds: Double

    public static let milliseconds = DurationUnit(symbol: "ms", seconds: 0.001)
    public static let seconds = DurationUnit(symbol: "s", seconds: 1)
    public static let minutes = DurationUnit(symbol: "min", seconds: 60)
    public static let hours = DurationUnit(symbol: "h", seconds: 3_600)
    public static let days = DurationUnit(symbol: "d", seconds: 86_400)

    /// The unit in which the largest of `values` (seconds) reads best.
    public static func fitting(_ values: [Double]) -> DurationUnit {
        let a = values.filter(\.isFinite).map(abs).max() ?? 0
        if a < 1 { return .milliseconds }
        if a < 120 { return .seconds }
        if a < 7_200 { return .minutes }
        if a < 172_800 { return .hours }
        return .days
    }

    /// `seconds` in this unit: one decimal from 0.1 up, three significant digits below, so
    /// small values in a row of large ones do not read as 0.
    public func format(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "n/a" }
        let x = seconds / self.seconds
        if x == 0 { return "0" }
        let a = abs(x)
        if a >= 0.1 { return NumberText.fixed(x, 1) }
        let decimals = min(12, 2 - Int(log10(a).rounded(.down)))
        return NumberText.fixed(x, decimals)
    }
}
