import Foundation

/// Monotonic seconds (CLOCK_MONOTONIC): wall-clock adjustments cannot bend a timing.
public func monotonicSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// The median of `xs` (mean of the middle two for an even count); the benches report
/// medians so one slow run on a shared machine does not move the figure.
public func median(_ xs: [Double]) -> Double {
    precondition(!xs.isEmpty, "median of no runs")
    let s = xs.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

/// Seconds with three decimals, as every bench prints them.
func secondsText(_ seconds: Double) -> String { String(format: "%.3f", seconds) }

/// A rate or a size rounded to a whole number.
func wholeText(_ x: Double) -> String { String(format: "%.0f", x) }
