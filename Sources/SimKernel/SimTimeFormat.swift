/// Parsing and printing of human time units: `300ms`, `2h`, `1.5s`, `1h30m`, `14d`.
///
/// Units: ns, us (or µs), ms, s, m or min, h, d, w. A bare number is rejected: a duration
/// without a unit is ambiguous (seconds? milliseconds?) and is the most common scenario typo.
public enum SimTimeFormat {
    public static let unitNanoseconds: [(suffix: String, nanoseconds: Int64)] = [
        ("ns", 1), ("us", 1_000), ("µs", 1_000), ("ms", 1_000_000),
        ("s", 1_000_000_000), ("sec", 1_000_000_000), ("min", 60_000_000_000), ("m", 60_000_000_000),
        ("h", 3_600_000_000_000), ("d", 86_400_000_000_000), ("w", 604_800_000_000_000),
    ]

    public enum ParseError: Error, Equatable, CustomStringConvertible {
        case empty
        case missingUnit(String)
        case unknownUnit(String)
        case badNumber(String)
        case negative(String)
        case tooLarge(String)

        public var description: String {
            switch self {
            case .empty: return "an empty duration"
            case .missingUnit(let t): return "'\(t)' has no unit (write e.g. '\(t)s' or '\(t)ms')"
            case .unknownUnit(let u): return "unknown time unit '\(u)' (ns, us, ms, s, min, h, d, w)"
            case .badNumber(let t): return "'\(t)' is not a number"
            case .negative(let t): return "'\(t)' is negative"
            case .tooLarge(let t): return "'\(t)' is beyond 292 years"
            }
        }
    }

    /// Parse a duration. Compound forms (`1h30min`, `2m30s`) add up.
    public static func parse(_ text: String) throws(ParseError) -> SimTime {
        let trimmed = text.trimmingSpaces()
        if trimmed.isEmpty { throw .empty }
        if trimmed.hasPrefix("-") { throw .negative(trimmed) }
        var total: Double = 0
        var rest = Substring(trimmed)
        var sawTerm = false
        while !rest.isEmpty {
            let numberEnd = rest.firstIndex { !($0.isNumber || $0 == "." || $0 == "e" || $0 == "E" || $0 == "+") } ?? rest.endIndex
            let numberText = rest[..<numberEnd]
            rest = rest[numberEnd...].drop { $0 == " " }
            guard let value = Double(numberText), value.isFinite else {
                throw numberText.isEmpty ? .badNumber(trimmed) : .badNumber(String(numberText))
            }
            let unitEnd = rest.firstIndex { $0.isNumber || $0 == " " } ?? rest.endIndex
            let unit = String(rest[..<unitEnd])
            rest = rest[unitEnd...].drop { $0 == " " }
            if unit.isEmpty { throw sawTerm ? .badNumber(trimmed) : .missingUnit(trimmed) }
            guard let scale = unitNanoseconds.first(where: { $0.suffix == unit })?.nanoseconds else {
                throw .unknownUnit(unit)
            }
            total += value * Double(scale)
            sawTerm = true
        }
        if total >= 9.2e18 { throw .tooLarge(trimmed) }
        return SimTime(nanoseconds: Int64(total.rounded()))
    }

    /// The shortest exact-enough human form: `0s`, `250ms`, `1.5s`, `2h`, `1h30m`, `3d4h`.
    public static func human(_ t: SimTime) -> String {
        if t == .max { return "∞" }
        let ns = t.nanoseconds
        if ns < 0 { return "-" + human(SimTime(nanoseconds: -ns)) }
        if ns == 0 { return "0s" }
        if ns < 1_000 { return "\(ns)ns" }
        if ns < 1_000_000 { return trim(Double(ns) / 1e3) + "us" }
        if ns < 1_000_000_000 { return trim(Double(ns) / 1e6) + "ms" }
        if ns < 60 * 1_000_000_000 { return trim(Double(ns) / 1e9) + "s" }
        // Minutes and above: at most two parts, largest first ("3d4h", not "3d4h12m7.25s").
        let totalSeconds = Double(ns) / 1e9
        if totalSeconds < 3_600 {
            let m = Int(totalSeconds / 60)
            let s = ((totalSeconds - Double(m) * 60) * 1000).rounded() / 1000
            return s >= 60 ? "\(m + 1)m" : (s > 0 ? "\(m)m\(trim(s))s" : "\(m)m")
        }
        let (big, bigSuffix, small, smallSuffix): (Double, String, Double, String) =
            totalSeconds < 86_400 ? (3_600, "h", 60, "m") : (86_400, "d", 3_600, "h")
        var whole = Int(totalSeconds / big)
        var part = ((totalSeconds - Double(whole) * big) / small).rounded()
        if part * small >= big { whole += 1; part = 0 }
        return part > 0 ? "\(whole)\(bigSuffix)\(Int(part))\(smallSuffix)" : "\(whole)\(bigSuffix)"
    }

    /// Up to three decimals, trailing zeros removed.
    static func trim(_ x: Double) -> String {
        let r = (x * 1000).rounded() / 1000
        if r == r.rounded() { return String(Int(r)) }
        var s = String(r)
        if let dot = s.firstIndex(of: "."), s.distance(from: dot, to: s.endIndex) > 4 {
            s = String(s[..<s.index(dot, offsetBy: 4)])
        }
        while s.hasSuffix("0") { s.removeLast() }
        return s
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
