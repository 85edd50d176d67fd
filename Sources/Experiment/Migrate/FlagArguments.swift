import ArgumentParser
import Foundation
import MigrationEngine

/// A typed value of a `fleetsim migrate` flag: what was typed (`text`, for messages of the
/// checks between flags and for `--help`'s default) and what it means. Each option parses its
/// text once, in ArgumentParser, through a `transform:` made by the type's `parser(...)`: the
/// closure knows the flag's own bounds (positive, 'none' allowed, 1...255) and throws a
/// `FlagValueError`, which ArgumentParser prints after the flag's name ("The value 'abc' is
/// invalid for '--downtime-limit <duration>': expected ..., found ..."). `init?(argument:)`
/// (the type's widest form) is for callers without a flag.
public protocol FlagArgument: ExpressibleByArgument, CustomStringConvertible, Sendable {
    var text: String { get }
    /// The type's widest form (non-negative, 'none' allowed where the type has it).
    static func parse(_ text: String) throws(FlagValueError) -> Self
}

extension FlagArgument {
    public init?(argument: String) {
        guard let value = try? Self.parse(argument) else { return nil }
        self = value
    }

    public var description: String { text }
    public var defaultValueDescription: String { text }

    /// The type's widest form as an option's `transform:`.
    static var parser: @Sendable (String) throws -> Self { { text in try parse(text) } }

    /// A default written in the source: a text that does not parse is a programming error.
    static func literal(_ text: String, _ parser: (String) throws -> Self) -> Self {
        do { return try parser(text) } catch { preconditionFailure("default '\(text)': \(error)") }
    }
}

/// A byte size (`16GiB`).
public struct FlagBytes: FlagArgument {
    public let text: String
    public let bytes: Double

    public static func parse(_ text: String) throws(FlagValueError) -> FlagBytes {
        FlagBytes(text: text, bytes: try FlagValue.bytes(text))
    }

    static func parser(positive: Bool = false) -> @Sendable (String) throws -> FlagBytes {
        { text in FlagBytes(text: text, bytes: try FlagValue.bytes(text, positive: positive)) }
    }
}

/// A bandwidth (`10Gbit/s`); nil for 'unlimited' where the flag allows it.
public struct FlagRate: FlagArgument {
    public let text: String
    public let bytesPerSecond: Double?

    public static func parse(_ text: String) throws(FlagValueError) -> FlagRate {
        FlagRate(text: text, bytesPerSecond: try FlagValue.rate(text, allowNone: true))
    }

    static func parser(allowNone: Bool = false) -> @Sendable (String) throws -> FlagRate {
        { text in FlagRate(text: text, bytesPerSecond: try FlagValue.rate(text, allowNone: allowNone)) }
    }
}

/// A duration (`300ms`); nil for 'none' where the flag allows it.
public struct FlagDuration: FlagArgument {
    public let text: String
    public let seconds: Double?

    public static func parse(_ text: String) throws(FlagValueError) -> FlagDuration {
        FlagDuration(text: text, seconds: try FlagValue.duration(text, allowNone: true))
    }

    static func parser(positive: Bool = false, allowNone: Bool = false) -> @Sendable (String) throws -> FlagDuration {
        { text in FlagDuration(text: text, seconds: try FlagValue.duration(text, positive: positive, allowNone: allowNone)) }
    }
}

/// A fraction (`0.25` or `25%`).
public struct FlagFraction: FlagArgument {
    public let text: String
    public let value: Double

    public static func parse(_ text: String) throws(FlagValueError) -> FlagFraction {
        FlagFraction(text: text, value: try FlagValue.fraction(text))
    }

    /// `open`: strictly between 0 and 1.
    static func parser(open: Bool = false) -> @Sendable (String) throws -> FlagFraction {
        { text in FlagFraction(text: text, value: try FlagValue.fraction(text, open: open)) }
    }
}

/// A whole number (`4`, or a percentage `20%`); nil for 'none' where the flag allows it.
public struct FlagCount: FlagArgument {
    public let text: String
    public let value: Int?

    public static func parse(_ text: String) throws(FlagValueError) -> FlagCount {
        FlagCount(text: text, value: FlagValue.isNone(text) ? nil : try FlagValue.integer(text, in: 0...Int.max))
    }

    /// `expected` replaces "a whole number from A to B" where the bound is not the point.
    static func parser(in range: ClosedRange<Int>, expected: String? = nil,
                       allowNone: Bool = false) -> @Sendable (String) throws -> FlagCount {
        { text in
            if allowNone && FlagValue.isNone(text) { return FlagCount(text: text, value: nil) }
            return FlagCount(text: text, value: try FlagValue.integer(text, in: range, expected: expected))
        }
    }

    /// QEMU's integer percentages: `20` or `20%`.
    static func percent(in range: ClosedRange<Int>) -> @Sendable (String) throws -> FlagCount {
        { text in FlagCount(text: text, value: try FlagValue.percent(text, in: range)) }
    }
}

/// `--seed`: any UInt64.
public struct FlagSeed: FlagArgument {
    public let text: String
    public let value: UInt64

    public static func parse(_ text: String) throws(FlagValueError) -> FlagSeed {
        guard let value = UInt64(text.trimmingCharacters(in: .whitespaces)) else {
            throw FlagValueError(expected: "a whole number from 0 to \(UInt64.max)", found: FlagValue.quote(text))
        }
        return FlagSeed(text: text, value: value)
    }
}

/// A positive real factor (`3`); nil for 'none'.
public struct FlagFactor: FlagArgument {
    public let text: String
    public let value: Double?

    public static func parse(_ text: String) throws(FlagValueError) -> FlagFactor {
        if FlagValue.isNone(text) { return FlagFactor(text: text, value: nil) }
        let expected = "a positive factor (e.g. 3) or 'none'"
        let f = try FlagValue.real(text, expected: expected)
        guard f > 0 else { throw FlagValueError(expected: expected, found: FlagValue.quote(text)) }
        return FlagFactor(text: text, value: f)
    }
}

/// A guest write rate in `--dirty`'s three forms (`FlagValue.dirtyRate`).
public struct FlagDirtyRate: FlagArgument {
    public let text: String
    public let rate: DirtyRate

    public static func parse(_ text: String) throws(FlagValueError) -> FlagDirtyRate {
        FlagDirtyRate(text: text, rate: try FlagValue.dirtyRate(text))
    }
}
