import Foundation
import MigrationEngine
import Scenario
import SimKernel

/// A value that did not parse: what was expected and what was found, without the flag's name.
/// ArgumentParser names the flag when a `transform:` throws it ("The value 'x' is invalid for
/// '--flag <v>': expected ..., found ..."); `failure(_:)` names it for checks outside ArgumentParser.
public struct FlagValueError: Error, CustomStringConvertible, Equatable {
    public let expected: String
    public let found: String

    public init(expected: String, found: String) {
        self.expected = expected
        self.found = found
    }

    public var description: String { "expected \(expected), found \(found)" }

    /// The same words as a bad-input failure of `flag`.
    public func failure(_ flag: String) -> CommandFailure { FlagValue.failure(flag, expected: expected, found: found) }
}

/// Parsing of one command-line flag's text. Quantities go through the scenario files'
/// `QuantityParser`, so a flag accepts exactly the units a scenario does. A failure says what
/// the value should be and what it was (`FlagValueError`); the `flag:` forms, for commands
/// that parse text themselves, make it a bad-input error (exit 2) naming the flag.
public enum FlagValue {
    public static func failure(_ flag: String, expected: String, found: String) -> CommandFailure {
        .badInput("error: \(flag): expected \(expected), found \(found)")
    }

    public static func quote(_ text: String) -> String { "'\(text)'" }

    /// Words that mean "no value" for optional limits.
    public static let noneWords: Set<String> = ["none", "unlimited", "off", "never"]

    public static func isNone(_ text: String) -> Bool {
        noneWords.contains(text.trimmingCharacters(in: .whitespaces).lowercased())
    }

    /// What the parser found, in words: `'300' (missing unit)`.
    public static func found(_ error: QuantityParseError, text: String) -> String {
        let q = quote(text)
        switch error {
        case .empty: return "an empty value"
        case .badNumber: return "\(q), which is not a number"
        case .missingUnit: return "\(q) (missing unit)"
        case .unknownUnit(let unit, let suggestion):
            return "\(q) (unknown unit '\(unit)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "") + ")"
        case .unexpectedUnit(let unit): return "\(q) (unexpected unit '\(unit)')"
        case .notWhole: return "\(q), which is not a whole number"
        case .negative: return "\(q), which is negative"
        case .outOfRange: return "\(q), which is out of range"
        case .tooLarge: return "\(q), which is too large"
        }
    }

    /// `body`'s failure as a bad-input error of `flag`.
    static func named<T>(_ flag: String, _ body: () throws(FlagValueError) -> T) throws(CommandFailure) -> T {
        do { return try body() } catch { throw error.failure(flag) }
    }

    /// A quantity in its base unit (bytes, bytes/s, seconds, 1). `expected` is the sentence
    /// shown on failure, e.g. "a positive byte size with a unit (e.g. 16GiB)".
    public static func quantity(_ text: String, kind: QuantityKind, range: QuantityRange,
                                expected: String) throws(FlagValueError) -> Double {
        switch QuantityParser.parse(text, as: kind, range: range) {
        case .success(let value): return value
        case .failure(let error): throw FlagValueError(expected: expected, found: found(error, text: text))
        }
    }

    /// A quantity, or nil for `none`/`unlimited` when `allowNone`.
    static func quantity(_ text: String, kind: QuantityKind, range: QuantityRange, expected: String,
                         allowNone: Bool) throws(FlagValueError) -> Double? {
        if allowNone && isNone(text) { return nil }
        return try quantity(text, kind: kind, range: range, expected: expected)
    }

    public static func bytesExpected(positive: Bool) -> String {
        "a \(positive ? "positive" : "non-negative") byte size with a unit (e.g. 16GiB, 512MiB, 4KiB)"
    }

    public static func bytes(_ text: String, positive: Bool = false) throws(FlagValueError) -> Double {
        try quantity(text, kind: .bytes, range: positive ? .positive : .nonNegative, expected: bytesExpected(positive: positive))
    }

    public static func bytes(_ text: String, flag: String, positive: Bool = false) throws(CommandFailure) -> Double {
        try named(flag) { () throws(FlagValueError) in try bytes(text, positive: positive) }
    }

    public static func rate(_ text: String, allowNone: Bool = false) throws(FlagValueError) -> Double? {
        let expected = "a positive bandwidth with a unit (e.g. 10Gbit/s, 128MiB/s)" + (allowNone ? " or 'unlimited'" : "")
        return try quantity(text, kind: .bytesPerSecond, range: .positive, expected: expected, allowNone: allowNone)
    }

    public static func durationExpected(positive: Bool, atMost: Double? = nil, allowNone: Bool = false) -> String {
        var expected = "a \(positive ? "positive" : "non-negative") duration with a unit (e.g. 300ms, 20s, 2min)"
        if let atMost { expected += " of at most \(SimTimeText.seconds(atMost))" }
        if allowNone { expected += " or 'none'" }
        return expected
    }

    public static func duration(_ text: String, positive: Bool = false, atMost: Double? = nil,
                                allowNone: Bool = false) throws(FlagValueError) -> Double? {
        let range = QuantityRange(lower: 0, lowerInclusive: !positive, upper: atMost)
        return try quantity(text, kind: .duration, range: range,
                            expected: durationExpected(positive: positive, atMost: atMost, allowNone: allowNone), allowNone: allowNone)
    }

    public static func fraction(_ text: String, open: Bool = false) throws(FlagValueError) -> Double {
        let range = open ? QuantityRange(lower: 0, lowerInclusive: false, upper: 1, upperInclusive: false) : .between(0, 1)
        let bounds = open ? "strictly between 0 and 1" : "between 0 and 1"
        return try quantity(text, kind: .fraction, range: range, expected: "a fraction \(bounds) (e.g. 0.25 or 25%)")
    }

    /// A whole number in `range`.
    public static func integer(_ text: String, in range: ClosedRange<Int>, expected: String? = nil) throws(FlagValueError) -> Int {
        let expected = expected ?? "a whole number from \(range.lowerBound) to \(range.upperBound)"
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let n = Int(trimmed) else {
            throw FlagValueError(expected: expected, found: Double(trimmed) != nil
                                 ? "\(quote(text)), which is not a whole number" : "\(quote(text)), which is not a number")
        }
        guard range.contains(n) else { throw FlagValueError(expected: expected, found: "\(quote(text)), which is out of range") }
        return n
    }

    public static func integer(_ text: String, flag: String, in range: ClosedRange<Int>, expected: String? = nil) throws(CommandFailure) -> Int {
        try named(flag) { () throws(FlagValueError) in try integer(text, in: range, expected: expected) }
    }

    public static func percentExpected(_ range: ClosedRange<Int>) -> String {
        "a whole percentage from \(range.lowerBound) to \(range.upperBound) (e.g. 20 or 20%)"
    }

    /// A percentage as QEMU's integer parameters take it: `20` or `20%`.
    public static func percent(_ text: String, in range: ClosedRange<Int>) throws(FlagValueError) -> Int {
        var t = text.trimmingCharacters(in: .whitespaces)
        if t.hasSuffix("%") { t.removeLast() }
        // The found text is the number without its '%', as before the values were typed.
        return try integer(t, in: range, expected: percentExpected(range))
    }

    /// A non-negative real number (`2`, `0.5`).
    public static func real(_ text: String, expected: String) throws(FlagValueError) -> Double {
        guard let x = Double(text.trimmingCharacters(in: .whitespaces)), x.isFinite else {
            throw FlagValueError(expected: expected, found: "\(quote(text)), which is not a number")
        }
        guard x >= 0 else { throw FlagValueError(expected: expected, found: "\(quote(text)), which is negative") }
        return x
    }

    public static func real(_ text: String, flag: String, expected: String) throws(CommandFailure) -> Double {
        try named(flag) { () throws(FlagValueError) in try real(text, expected: expected) }
    }

    /// One of `choices`, with a did-you-mean.
    public static func choice<T>(_ text: String, _ choices: [(String, T)]) throws(FlagValueError) -> T {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let hit = choices.first(where: { $0.0 == t }) { return hit.1 }
        let names = choices.map(\.0)
        let suggestion = Suggestions.closest(to: t, in: names).map { "; did you mean '\($0)'?" } ?? ""
        throw FlagValueError(expected: "one of \(names.joined(separator: ", "))", found: "\(quote(text))\(suggestion)")
    }

    /// `TIME=VALUE`, as used by the repeatable schedule flags.
    public static func timed(_ text: String, valueNoun: String) throws(FlagValueError) -> (Double, String) {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2 else {
            throw FlagValueError(expected: "TIME=\(valueNoun) (e.g. 30s=...)", found: "\(quote(text)), which has no '='")
        }
        let t = try duration(parts[0])!
        return (t, parts[1])
    }
}

/// Short human renderings for the command's summary line.
public enum SimTimeText {
    public static func seconds(_ s: Double) -> String {
        if s < 1 { return String(format: "%g ms", s * 1000) }
        if s < 60 { return String(format: "%g s", s) }
        return String(format: "%g s", s) + " (\(SimTimeFormat.human(SimTime(seconds: s))))"
    }

    public static func bytes(_ b: Double) -> String {
        let units = [("GiB", Bytes.gibibyte), ("MiB", Bytes.mebibyte), ("KiB", Bytes.kibibyte)]
        for (name, scale) in units where b >= scale { return String(format: "%g", b / scale) + " " + name }
        return String(format: "%g B", b)
    }

    public static func rate(_ bps: Double) -> String {
        String(format: "%.1f MiB/s (%g Gbit/s)", bps / Bytes.mebibyte, bps * 8 / 1e9)
    }
}
