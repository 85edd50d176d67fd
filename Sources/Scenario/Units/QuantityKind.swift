import SimKernel

/// A unit a human may write after a number, and its size in the dimension's base unit.
public struct QuantityUnit: Hashable, Sendable {
    public var symbol: String
    /// Base units per one of this unit: `GiB` -> 1_073_741_824 (bytes), `Gbit/s` -> 1.25e8
    /// (bytes per second), `ms` -> 0.001 (seconds), `%` -> 0.01.
    public var scale: Double

    public init(_ symbol: String, _ scale: Double) {
        self.symbol = symbol
        self.scale = scale
    }
}

/// The dimension of a scenario field: tells the parser which units are accepted, whether a
/// unit is required, and which base unit values are converted to.
///
/// | kind             | base unit         | examples                                  |
/// |------------------|-------------------|-------------------------------------------|
/// | `bytes`          | byte              | `16GiB`, `512MiB`, `1.5TB`, `100B`        |
/// | `bytesPerSecond` | byte per second   | `25Gbit/s`, `10Gbps`, `128MiB/s`, `1GB/s` |
/// | `duration`       | second (`SimTime` from the typed accessors) | `300ms`, `2min`, `1h30m` |
/// | `fraction`       | 1 (in [0, 1])     | `1.5%`, `0.015`                           |
/// | `count`          | 1 (whole number)  | `6`, `2000`                               |
/// | `real`           | 1                 | `4`, `0.75`, `-1.2`                       |
///
/// Dimensioned kinds (`bytes`, `bytesPerSecond`, `duration`) reject a bare number, including a
/// YAML number such as `300`: "300 what?" is the most common scenario typo.
public enum QuantityKind: String, Hashable, Sendable, CaseIterable {
    case bytes
    case bytesPerSecond
    case duration
    case fraction
    case count
    case real

    /// The noun used in diagnostics, with its article: "a byte size".
    public var noun: String {
        switch self {
        case .bytes: return "a byte size"
        case .bytesPerSecond: return "a bandwidth"
        case .duration: return "a duration"
        case .fraction: return "a fraction"
        case .count: return "a whole number"
        case .real: return "a number"
        }
    }

    /// The noun without its article: "byte size".
    public var bareNoun: String {
        let n = noun
        if n.hasPrefix("an ") { return String(n.dropFirst(3)) }
        if n.hasPrefix("a ") { return String(n.dropFirst(2)) }
        return n
    }

    /// Whether a number must carry one of `units`.
    public var requiresUnit: Bool {
        switch self {
        case .bytes, .bytesPerSecond, .duration: return true
        case .fraction, .count, .real: return false
        }
    }

    /// Examples shown when a unit is missing.
    public var examples: String {
        switch self {
        case .bytes: return "16GiB, 512MiB, 1.5TB"
        case .bytesPerSecond: return "25Gbit/s, 10Gbps, 128MiB/s"
        case .duration: return "300ms, 20s, 2min, 1h30m"
        case .fraction: return "1.5% or 0.015"
        case .count: return "6"
        case .real: return "0.75"
        }
    }

    /// Every unit accepted for this kind (empty for plain numbers; `fraction` takes `%`).
    public var units: [QuantityUnit] {
        switch self {
        case .bytes: return QuantityKind.byteUnits
        case .bytesPerSecond: return QuantityKind.rateUnits
        case .duration: return SimTimeFormat.unitNanoseconds.map { QuantityUnit($0.suffix, Double($0.nanoseconds) / 1e9) }
        case .fraction: return [QuantityUnit("%", 0.01)]
        case .count, .real: return []
        }
    }

    /// The accepted unit symbols, for "expected ... in B, kB, ..." messages.
    /// Spelling variants (`Kbit/s`, `Gb/s`) are accepted but not listed, to keep it readable.
    public var unitList: String {
        units.map(\.symbol).filter { symbol in
            guard self == .bytesPerSecond else { return true }
            return !symbol.hasPrefix("K") || symbol.hasPrefix("KiB") || symbol.hasPrefix("KB")
                ? !(symbol.hasSuffix("b/s") && !symbol.hasSuffix("bit/s")) : false
        }.joined(separator: ", ")
    }

    // Decimal (SI, powers of 1000) and binary (IEC, powers of 1024) prefixes. `KB` is accepted
    // as the decimal kilobyte it is on disk labels; lowercase `b` is a bit and not a byte unit.
    static let byteUnits: [QuantityUnit] = [
        QuantityUnit("B", 1),
        QuantityUnit("kB", 1e3), QuantityUnit("KB", 1e3), QuantityUnit("MB", 1e6),
        QuantityUnit("GB", 1e9), QuantityUnit("TB", 1e12), QuantityUnit("PB", 1e15),
        QuantityUnit("KiB", 1024), QuantityUnit("MiB", 1_048_576), QuantityUnit("GiB", 1_073_741_824),
        QuantityUnit("TiB", 1_099_511_627_776), QuantityUnit("PiB", 1_125_899_906_842_624),
    ]

    // Bit rates (NIC and link speeds, always decimal: 25 Gbit/s = 25e9 bit/s) and byte rates
    // (QEMU's max_bandwidth is in bytes per second; `MiB/s` is how virsh shows it).
    static let rateUnits: [QuantityUnit] = {
        var units: [QuantityUnit] = []
        let decimal: [(String, Double)] = [("", 1), ("k", 1e3), ("K", 1e3), ("M", 1e6), ("G", 1e9), ("T", 1e12)]
        for (prefix, factor) in decimal {
            units.append(QuantityUnit("\(prefix)bit/s", factor / 8))
            units.append(QuantityUnit("\(prefix)b/s", factor / 8))
            units.append(QuantityUnit("\(prefix)bps", factor / 8))
        }
        for unit in byteUnits { units.append(QuantityUnit(unit.symbol + "/s", unit.scale)) }
        // Dedupe (K and k give the same bit symbols only in case) while keeping order.
        var seen = Set<String>()
        return units.filter { seen.insert($0.symbol).inserted }
    }()

    /// What a field of this kind accepts unless told otherwise: [0, 1] for fractions, zero or
    /// more for everything else.
    public var defaultRange: QuantityRange {
        self == .fraction ? .between(0, 1) : .nonNegative
    }

    /// The largest magnitude a value of this kind may have, in base units: past it, values no
    /// longer fit the integer types the model converts them to (bytes are Int64 in the fleet
    /// model, times Int64 nanoseconds), and every real fleet is far below it. 1 EiB of memory or
    /// per second; 100 years (SimTime holds 292); 10^15 for plain numbers.
    public var maximumMagnitude: Double {
        switch self {
        case .bytes, .bytesPerSecond: return 1_152_921_504_606_846_976  // 2^60, 1 EiB
        case .duration: return 100 * 365.25 * 86_400
        case .fraction: return 1
        case .count, .real: return 1e15
        }
    }

    /// `maximumMagnitude` as written in messages.
    public var maximumText: String {
        switch self {
        case .bytes: return "1EiB"
        case .bytesPerSecond: return "1EiB/s"
        case .duration: return "100 years"
        case .fraction: return "1"
        case .count, .real: return "1e15"
        }
    }

    /// The unit with exactly this symbol.
    public func unit(_ symbol: String) -> QuantityUnit? {
        units.first { $0.symbol == symbol }
    }
}
