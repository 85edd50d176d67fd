import CGSL
import Foundation

/// Number formatting shared by every report format, so JSON, CSV and Markdown agree and
/// output is byte-identical across runs and machines (printf's correctly rounded decimal
/// conversion, never locale-dependent).
public enum NumberText {
    /// Up to 6 decimals, trailing zeros trimmed: `1.5`, `0.000123`, `3600`.
    public static func json(_ x: Double) -> String {
        withJSONBytes(x) { String(decoding: $0, as: UTF8.self) }
    }

    /// The bytes of `json(x)`, handed to `body` from a stack buffer (CSV rows are built from
    /// these without a string per field).
    @inline(__always)
    static func withJSONBytes<R>(_ x: Double, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        guard x.isFinite else {
            let null: StaticString = "null"
            return null.withUTF8Buffer(body)
        }
        if x == x.rounded(), abs(x) < 1e15 { return withDecimalBytes(Int64(x), body) }
        // Trimmed on the C buffer's bytes: on a Swift string each `hasSuffix` and `removeLast`
        // walks grapheme boundaries (a third of instances.csv's time, perf).
        return withFixedDecimals(x, 6) { bytes in
            var end = bytes.count
            while end > 0 && bytes[end - 1] == UInt8(ascii: "0") { end -= 1 }
            if end > 0 && bytes[end - 1] == UInt8(ascii: ".") { end -= 1 }
            if end == 2 && bytes[0] == UInt8(ascii: "-") && bytes[1] == UInt8(ascii: "0") {
                return body(UnsafeBufferPointer(rebasing: bytes[1..<2]))   // "-0" is "0"
            }
            return body(UnsafeBufferPointer(rebasing: bytes[..<end]))
        }
    }

    /// The bytes of `String(n)` (decimal, a leading "-" when negative), from a stack buffer.
    @inline(__always)
    static func withDecimalBytes<R>(_ n: Int64, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { buf in
            // Digits from the end of the buffer; the magnitude as unsigned, so Int64.min works.
            var magnitude = n.magnitude
            var start = 20
            repeat {
                start -= 1
                buf[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if n < 0 { start -= 1; buf[start] = UInt8(ascii: "-") }
            return body(UnsafeBufferPointer(UnsafeMutableBufferPointer(rebasing: buf[start..<20])))
        }
    }

    /// Fixed decimals for tables.
    public static func fixed(_ x: Double, _ decimals: Int) -> String {
        guard x.isFinite else { return "n/a" }
        let s = fixedDecimals(x, decimals)
        return s.hasPrefix("-") && Double(s) == 0 ? String(s.dropFirst()) : s
    }

    /// A duration in seconds for people: `850ms`, `12.3s`, `4.2min`, `3.1h`, `2.5d`.
    public static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "n/a" }
        let a = abs(seconds)
        if a == 0 { return "0s" }
        if a < 1 { return fixed(seconds * 1000, a < 0.01 ? 2 : 0) + "ms" }
        if a < 120 { return fixed(seconds, 1) + "s" }
        if a < 7_200 { return fixed(seconds / 60, 1) + "min" }
        if a < 172_800 { return fixed(seconds / 3_600, 1) + "h" }
        return fixed(seconds / 86_400, 1) + "d"
    }

    /// A fraction as a percentage: `12.5%`.
    public static func percent(_ fraction: Double, decimals: Int = 1) -> String {
        fixed(fraction * 100, decimals) + "%"
    }

    /// `%.<decimals>f` by the C library's `snprintf` (through the C shim), the conversion
    /// Foundation's `String(format:)` hands floating-point values to (so the digits are the same,
    /// correctly rounded, "C" locale), without its format parsing, argument boxing and dynamic
    /// casts: those were a third of a large run's report writing (docs/performance.md, "Reports").
    @inline(__always)
    static func fixedDecimals(_ x: Double, _ decimals: Int) -> String {
        withFixedDecimals(x, decimals) { String(decoding: $0, as: UTF8.self) }
    }

    /// The `%.<decimals>f` text's bytes, handed to `body` from a stack buffer.
    @inline(__always)
    static func withFixedDecimals<R>(_ x: Double, _ decimals: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        // 32 bytes hold any value below 1e20 at 6 decimals; larger ones take a second call.
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 32) { buf in
            let n = Int(fleetsim_format_fixed(buf.baseAddress!, 32, Int32(decimals), x))
            if n < 32 { return buf.withMemoryRebound(to: UInt8.self) { body(UnsafeBufferPointer(rebasing: $0[..<n])) } }
            return withUnsafeTemporaryAllocation(of: CChar.self, capacity: n + 1) { big in
                _ = fleetsim_format_fixed(big.baseAddress!, n + 1, Int32(decimals), x)
                return big.withMemoryRebound(to: UInt8.self) { body(UnsafeBufferPointer(rebasing: $0[..<n])) }
            }
        }
    }
}
