import SimKernel

/// Which values a quantity field accepts, in base units (bytes, bytes/s, seconds, 1).
public struct QuantityRange: Hashable, Sendable {
    public var lower: Double?
    public var lowerInclusive: Bool
    public var upper: Double?
    public var upperInclusive: Bool

    public init(lower: Double? = nil, lowerInclusive: Bool = true, upper: Double? = nil, upperInclusive: Bool = true) {
        self.lower = lower
        self.lowerInclusive = lowerInclusive
        self.upper = upper
        self.upperInclusive = upperInclusive
    }

    /// Any finite value, negative included.
    public static let any = QuantityRange()
    /// Zero or more: the default for every kind.
    public static let nonNegative = QuantityRange(lower: 0)
    /// Strictly more than zero (a bandwidth or a page size of 0 is a typo).
    public static let positive = QuantityRange(lower: 0, lowerInclusive: false)
    public static func atLeast(_ x: Double) -> QuantityRange { QuantityRange(lower: x) }
    public static func atMost(_ x: Double) -> QuantityRange { QuantityRange(lower: 0, upper: x) }
    public static func between(_ a: Double, _ b: Double) -> QuantityRange { QuantityRange(lower: a, upper: b) }

    public func contains(_ x: Double) -> Bool {
        if let lower, lowerInclusive ? x < lower : x <= lower { return false }
        if let upper, upperInclusive ? x > upper : x >= upper { return false }
        return true
    }

    /// Whether a negative value is out of range only because of the sign (so the diagnostic
    /// can say "non-negative" instead of quoting bounds).
    var isSignOnly: Bool { lower == 0 && upper == nil }

    /// "a non-negative bandwidth", "a positive byte size", "a fraction between 0 and 1".
    func describe(_ kind: QuantityKind) -> String {
        switch (lower, upper) {
        case (nil, nil): return kind.noun
        case (0?, nil): return (lowerInclusive ? "a non-negative " : "a positive ") + kind.bareNoun
        case (let l?, nil): return "\(kind.noun) \(lowerInclusive ? "of at least" : "greater than") \(format(l, kind))"
        case (nil, let u?): return "\(kind.noun) \(upperInclusive ? "of at most" : "less than") \(format(u, kind))"
        case (let l?, let u?): return "\(kind.noun) between \(format(l, kind)) and \(format(u, kind))"
        }
    }

    private func format(_ x: Double, _ kind: QuantityKind) -> String {
        let number = x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x)
        switch kind {
        case .bytes: return number + "B"
        case .bytesPerSecond: return number + "B/s"
        case .duration: return SimTimeFormat.human(SimTime(seconds: x))
        case .fraction, .count, .real: return number
        }
    }
}

/// Why a quantity's text was refused.
public enum QuantityParseError: Error, Hashable, Sendable {
    case empty
    /// Not a number at all (`fast`, `1.2.3`).
    case badNumber(String)
    /// A dimensioned kind given a bare number (`300`).
    case missingUnit(String)
    /// A unit this kind does not know; `suggestion` is the closest accepted symbol.
    case unknownUnit(unit: String, suggestion: String?)
    /// A unit on a plain number (`count: 4GiB`).
    case unexpectedUnit(String)
    /// A count with a fractional part (`2.5`).
    case notWhole(String)
    case negative
    case outOfRange
    /// Beyond what the result type holds (durations past 292 years, counts past Int).
    case tooLarge
}

/// Parsing of human-written quantities: `16GiB`, `25Gbit/s`, `300ms`, `1.5%`.
///
/// Numbers are decimal with an optional fraction and exponent (`1.5e3MiB`); spaces between the
/// number and the unit are allowed (`16 GiB`); units are case-sensitive (`Mb/s` is a bit rate,
/// `MB/s` a byte rate), with a case-insensitive did-you-mean for the rest.
public enum QuantityParser {
    /// The value in the kind's base unit (bytes, bytes/s, seconds, 1).
    public static func parse(_ text: String, as kind: QuantityKind,
                             range: QuantityRange? = nil) -> Result<Double, QuantityParseError> {
        let range = range ?? kind.defaultRange
        let trimmed = text.trimmingBlanks()
        if trimmed.isEmpty { return .failure(.empty) }
        let value: Double
        // Zero of anything is zero: `dirty: 0` (the documented default) and `60s=0` need no unit.
        if kind.requiresUnit, let zero = Double(trimmed), zero == 0 {
            return range.contains(0) ? .success(0) : .failure(.outOfRange)
        }
        switch kind {
        case .duration:
            switch parseDuration(trimmed) {
            case .success(let t): value = t.seconds
            case .failure(let e): return .failure(e)
            }
        default:
            guard let (number, unitText) = splitNumber(trimmed) else { return .failure(.badNumber(trimmed)) }
            if unitText.isEmpty {
                if kind.requiresUnit { return .failure(.missingUnit(trimmed)) }
                value = number
            } else if let unit = kind.unit(unitText) {
                value = number * unit.scale
            } else if kind.units.isEmpty {
                return .failure(.unexpectedUnit(unitText))
            } else {
                return .failure(.unknownUnit(unit: unitText, suggestion: suggestUnit(unitText, kind)))
            }
            if kind == .count && value != value.rounded() { return .failure(.notWhole(trimmed)) }
            if kind == .count && abs(value) >= 9.2e18 { return .failure(.tooLarge) }
        }
        guard value.isFinite else { return .failure(.tooLarge) }
        // Past these, values no longer fit the model's integer conversions (`ocpus: 1e300`
        // trapped when LXD's pool size was derived from it).
        if kind != .duration && kind != .fraction, abs(value) > kind.maximumMagnitude { return .failure(.tooLarge) }
        if !range.contains(value) {
            return .failure(value < 0 && range.isSignOnly ? .negative : .outOfRange)
        }
        return .success(value)
    }

    /// A duration through SimKernel's own parser (the one place time units are defined), with
    /// its errors mapped to ours.
    public static func parseDuration(_ text: String) -> Result<SimTime, QuantityParseError> {
        do {
            return .success(try SimTimeFormat.parse(text))
        } catch {
            switch error {
            case .empty: return .failure(.empty)
            case .missingUnit(let t): return .failure(.missingUnit(t))
            case .unknownUnit(let u): return .failure(.unknownUnit(unit: u, suggestion: suggestUnit(u, .duration)))
            case .badNumber(let t): return .failure(.badNumber(t))
            case .negative: return .failure(.negative)
            case .tooLarge: return .failure(.tooLarge)
            }
        }
    }

    /// Split `16.5 GiB` into (16.5, "GiB"); nil when there is no leading number.
    static func splitNumber(_ text: String) -> (Double, String)? {
        let scalars = Array(text.unicodeScalars)
        var i = 0
        if i < scalars.count, scalars[i] == "+" || scalars[i] == "-" { i += 1 }
        var sawDigit = false
        while i < scalars.count, ("0"..."9").contains(scalars[i]) || scalars[i] == "." || scalars[i] == "_" {
            if scalars[i] != "." && scalars[i] != "_" { sawDigit = true }
            i += 1
        }
        guard sawDigit else { return nil }
        // An exponent only when followed by digits: `1e3B` is 1000 B, but `1EB` is not a number.
        if i < scalars.count, scalars[i] == "e" || scalars[i] == "E" {
            var j = i + 1
            if j < scalars.count, scalars[j] == "+" || scalars[j] == "-" { j += 1 }
            if j < scalars.count, ("0"..."9").contains(scalars[j]) {
                while j < scalars.count, ("0"..."9").contains(scalars[j]) { j += 1 }
                i = j
            }
        }
        var numberText = String(String.UnicodeScalarView(scalars[..<i]))
        // YAML 1.1 allows digit group separators (`10_000`); Double does not.
        numberText = numberText.replacingAll("_", with: "")
        guard let number = Double(numberText), number.isFinite else { return nil }
        let unit = String(String.UnicodeScalarView(scalars[i...])).trimmingBlanks()
        return (number, unit)
    }

    static func suggestUnit(_ unit: String, _ kind: QuantityKind) -> String? {
        // Common spellings of whole words first: `GB/sec` and `seconds` are not typos but habits.
        let normalized = unit.replacingAll("/sec", with: "/s").replacingAll("ps", with: "/s")
        if normalized != unit, kind.unit(normalized) != nil { return normalized }
        let aliases: [String: String] = [
            "seconds": "s", "second": "s", "secs": "s", "minutes": "min", "minute": "min", "mins": "min",
            "hours": "h", "hour": "h", "hr": "h", "hrs": "h", "days": "d", "day": "d", "weeks": "w",
            "week": "w", "msec": "ms", "millis": "ms", "usec": "us", "nsec": "ns",
            "bytes": "B", "byte": "B", "percent": "%",
        ]
        if let alias = aliases[unit.lowercased()], kind.unit(alias) != nil { return alias }
        return Suggestions.closest(to: unit, in: kind.units.map(\.symbol))
    }
}
