import Foundation

/// Counts in messages: `24`, `1e+10`.
public enum FleetCountText {
    public static func count(_ n: Double) -> String { n < 1e9 ? String(Int(n)) : String(format: "%.3g", n) }
}
