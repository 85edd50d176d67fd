import Foundation
import MigrationEngine
import Scenario
import SimKernel

/// Parsing of one command-line flag's text. Quantities go through the scenario files'
/// `QuantityParser`, so a flag accepts exactly the units a scenario does. Every failure is a
/// bad-input error (exit 2) naming the flag, what it expects and what it found.
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

    /// A quantity in its base unit (bytes, bytes/s, seconds, 1). `expected` is the sentence
    /// shown on failure, e.g. "a positive byte size with a unit (e.g. 16GiB)".
    public static func quantity(_ text: String, flag: String, kind: QuantityKind, range: QuantityRange,
                         expected: String) throws(CommandFailure) -> Double {
        switch QuantityParser.parse(text, as: kind, range: range) {
        case .success(let value): return value
        case .failure(let error): throw failure(flag, expected: expected, found: found(error, text: text))
        }
    }

    /// A quantity, or nil for `none`/`unlimited`.
    public static func optionalQuantity(_ text: String, flag: String, kind: QuantityKind, range: QuantityRange,
                                 expected: String) throws(CommandFailure) -> Double? {
        if isNone(text) { return nil }
        return try quantity(text, flag: flag, kind: kind, range: range, expected: expected)
    }

    public static func bytes(_ text: String, flag: String, positive: Bool = false) throws(CommandFailure) -> Double {
        try quantity(text, flag: flag, kind: .bytes, range: positive ? .positive : .nonNegative,
                     expected: "a \(positive ? "positive" : "non-negative") byte size with a unit (e.g. 16GiB, 512MiB, 4KiB)")
    }

    public static func rate(_ text: String, flag: String, allowNone: Bool = false) throws(CommandFailure) -> Double? {
        let expected = "a positive bandwidth with a unit (e.g. 10Gbit/s, 128MiB/s)" + (allowNone ? " or 'unlimited'" : "")
        if allowNone { return try optionalQuantity(text, flag: flag, kind: .bytesPerSecond, range: .positive, expected: expected) }
        return try quantity(text, flag: flag, kind: .bytesPerSecond, range: .positive, expected: expected)
    }

    public static func duration(_ text: String, flag: String, positive: Bool = false, atMost: Double? = nil,
                         allowNone: Bool = false) throws(CommandFailure) -> Double? {
        var expected = "a \(positive ? "positive" : "non-negative") duration with a unit (e.g. 300ms, 20s, 2min)"
        if let atMost { expected += " of at most \(SimTimeText.seconds(atMost))" }
        if allowNone { expected += " or 'none'" }
        let range = QuantityRange(lower: 0, lowerInclusive: !positive, upper: atMost)
        if allowNone { return try optionalQuantity(text, flag: flag, kind: .duration, range: range, expected: expected) }
        return try quantity(text, flag: flag, kind: .duration, range: range, expected: expected)
    }

    public static func fraction(_ text: String, flag: String, open: Bool = false) throws(CommandFailure) -> Double {
        let range = open ? QuantityRange(lower: 0, lowerInclusive: false, upper: 1, upperInclusive: false) : .between(0, 1)
        let bounds = open ? "strictly between 0 and 1" : "between 0 and 1"
        return try quantity(text, flag: flag, kind: .fraction, range: range,
                            expected: "a fraction \(bounds) (e.g. 0.25 or 25%)")
    }

    /// A whole number in `range`.
    public static func integer(_ text: String, flag: String, in range: ClosedRange<Int>, expected: String? = nil) throws(CommandFailure) -> Int {
        let expected = expected ?? "a whole number from \(range.lowerBound) to \(range.upperBound)"
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let n = Int(trimmed) else {
            throw failure(flag, expected: expected, found: Double(trimmed) != nil
                          ? "\(quote(text)), which is not a whole number" : "\(quote(text)), which is not a number")
        }
        guard range.contains(n) else { throw failure(flag, expected: expected, found: "\(quote(text)), which is out of range") }
        return n
    }

    /// A percentage as QEMU's integer parameters take it: `20` or `20%`.
    public static func percent(_ text: String, flag: String, in range: ClosedRange<Int>) throws(CommandFailure) -> Int {
        var t = text.trimmingCharacters(in: .whitespaces)
        if t.hasSuffix("%") { t.removeLast() }
        return try integer(t, flag: flag, in: range,
                           expected: "a whole percentage from \(range.lowerBound) to \(range.upperBound) (e.g. 20 or 20%)")
    }

    /// A non-negative real number (`2`, `0.5`).
    public static func real(_ text: String, flag: String, expected: String) throws(CommandFailure) -> Double {
        guard let x = Double(text.trimmingCharacters(in: .whitespaces)), x.isFinite else {
            throw failure(flag, expected: expected, found: "\(quote(text)), which is not a number")
        }
        guard x >= 0 else { throw failure(flag, expected: expected, found: "\(quote(text)), which is negative") }
        return x
    }

    /// One of `choices`, with a did-you-mean.
    public static func choice<T>(_ text: String, flag: String, _ choices: [(String, T)]) throws(CommandFailure) -> T {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let hit = choices.first(where: { $0.0 == t }) { return hit.1 }
        let names = choices.map(\.0)
        let suggestion = Suggestions.closest(to: t, in: names).map { "; did you mean '\($0)'?" } ?? ""
        throw failure(flag, expected: "one of \(names.joined(separator: ", "))", found: "\(quote(text))\(suggestion)")
    }

    /// `TIME=VALUE`, as used by the repeatable schedule flags.
    public static func timed(_ text: String, flag: String, valueNoun: String) throws(CommandFailure) -> (Double, String) {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2 else {
            throw failure(flag, expected: "TIME=\(valueNoun) (e.g. 30s=...)", found: "\(quote(text)), which has no '='")
        }
        let t = try duration(parts[0], flag: flag)!
        return (t, parts[1])
    }

    // MARK: dirty rates

    public static let dirtyRateExpected =
        "a dirty rate: bytes per second (e.g. 200MiB/s), pages per second (e.g. 50000pages/s) "
        + "or a fraction of memory per second (e.g. 2%/s or 0.02/s)"

    /// A guest write rate in one of three forms: `200MiB/s` (any byte or bit rate), `50000pages/s`
    /// (`page/s` too), `2%/s` or `0.02/s` (a fraction of the guest's memory per second). `0` is zero.
    public static func dirtyRate(_ text: String, flag: String) throws(CommandFailure) -> DirtyRate {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let zero = Double(t), zero == 0 { return .bytesPerSecond(0) }
        for suffix in ["pages/s", "page/s"] where t.hasSuffix(suffix) {
            let number = t.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)
            guard let pages = Double(number), pages.isFinite else {
                throw failure(flag, expected: dirtyRateExpected, found: "\(quote(text)), whose page count is not a number")
            }
            guard pages >= 0 else { throw failure(flag, expected: dirtyRateExpected, found: "\(quote(text)), which is negative") }
            return .pagesPerSecond(pages)
        }
        let bytesResult = QuantityParser.parse(t, as: .bytesPerSecond, range: .nonNegative)
        if case .success(let b) = bytesResult { return .bytesPerSecond(b) }
        if t.hasSuffix("/s") {
            let body = String(t.dropLast(2)).trimmingCharacters(in: .whitespaces)
            if body.hasSuffix("%") || Double(body) != nil {
                switch QuantityParser.parse(body, as: .fraction, range: .nonNegative) {
                case .success(let f): return .fractionOfMemoryPerSecond(f)
                case .failure(let e): throw failure(flag, expected: dirtyRateExpected, found: found(e, text: text))
                }
            }
        }
        if case .failure(.unknownUnit(let unit, nil)) = bytesResult,
           case .success = QuantityParser.parse(t + "/s", as: .bytesPerSecond, range: .nonNegative) {
            throw failure(flag, expected: dirtyRateExpected, found: "\(quote(text)) (unknown unit '\(unit)'; did you mean '\(unit)/s'?)")
        }
        if t.hasSuffix("%") {
            throw failure(flag, expected: dirtyRateExpected, found: "\(quote(text)) (a fraction without '/s'; did you mean '\(t)/s'?)")
        }
        if case .failure(let e) = bytesResult {
            // A bare number is the commonest slip: say which units would make it a rate.
            if case .missingUnit = e {
                throw failure(flag, expected: dirtyRateExpected, found: "\(quote(text)) (missing unit)")
            }
            throw failure(flag, expected: dirtyRateExpected, found: found(e, text: text))
        }
        throw failure(flag, expected: dirtyRateExpected, found: quote(text))
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
