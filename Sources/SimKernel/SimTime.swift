/// Simulated time, in integer nanoseconds since the start of a run.
///
/// Integer time makes ties exact and runs reproducible: two events scheduled "at the same
/// time" by different arithmetic paths really are at the same time. Int64 nanoseconds cover
/// ±292 years, far beyond any maintenance campaign.
public struct SimTime: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public var nanoseconds: Int64

    @inlinable public init(nanoseconds: Int64) { self.nanoseconds = nanoseconds }

    public static let zero = SimTime(nanoseconds: 0)
    /// A time later than any scheduled event: the horizon of an unbounded run.
    public static let max = SimTime(nanoseconds: Int64.max)

    public static let nanosecondsPerSecond: Int64 = 1_000_000_000

    @inlinable public static func nanoseconds(_ n: Int64) -> SimTime { SimTime(nanoseconds: n) }
    @inlinable public static func microseconds(_ n: Int64) -> SimTime { SimTime(nanoseconds: n * 1_000) }
    @inlinable public static func milliseconds(_ n: Int64) -> SimTime { SimTime(nanoseconds: n * 1_000_000) }
    @inlinable public static func seconds(_ n: Int64) -> SimTime { SimTime(nanoseconds: n * nanosecondsPerSecond) }
    @inlinable public static func minutes(_ n: Int64) -> SimTime { .seconds(n * 60) }
    @inlinable public static func hours(_ n: Int64) -> SimTime { .seconds(n * 3_600) }
    @inlinable public static func days(_ n: Int64) -> SimTime { .seconds(n * 86_400) }

    /// Seconds as a Double, rounded to the nearest nanosecond. Non-finite or negative input
    /// is a programming error upstream (validated durations are finite and >= 0).
    @inlinable public init(seconds s: Double) {
        precondition(s.isFinite, "SimTime(seconds:): non-finite value \(s)")
        let ns = (s * 1e9).rounded()
        self.nanoseconds = ns >= 9.2e18 ? Int64.max : Int64(ns)
    }

    @inlinable public var seconds: Double { Double(nanoseconds) / 1e9 }

    @inlinable public static func < (a: SimTime, b: SimTime) -> Bool { a.nanoseconds < b.nanoseconds }
    @inlinable public static func + (a: SimTime, b: SimTime) -> SimTime {
        let (sum, overflow) = a.nanoseconds.addingReportingOverflow(b.nanoseconds)
        return overflow ? (b.nanoseconds > 0 ? .max : SimTime(nanoseconds: .min)) : SimTime(nanoseconds: sum)
    }
    @inlinable public static func - (a: SimTime, b: SimTime) -> SimTime {
        SimTime(nanoseconds: a.nanoseconds - b.nanoseconds)
    }
    @inlinable public static func += (a: inout SimTime, b: SimTime) { a = a + b }

    public var description: String { SimTimeFormat.human(self) }
}

// Encoded as the bare integer nanoseconds: exact, unlike seconds as a Double.
extension SimTime {
    public init(from decoder: any Decoder) throws { nanoseconds = try decoder.singleValueContainer().decode(Int64.self) }
    public func encode(to encoder: any Encoder) throws { var c = encoder.singleValueContainer(); try c.encode(nanoseconds) }
}
