import Foundation
import Testing
@testable import Reporting

/// The report writers' fixed-decimal conversion (C `vsnprintf`) against Foundation's
/// `String(format:)`, which the reports used before: same text for every value, so no report
/// changed when the faster path came in.
@Suite struct NumberTextPrintfTests {
    @Test func fixedDecimalsEqualsFoundationFormatting() {
        var x: UInt64 = 0x2545_F491_4F6C_DD1D
        func next() -> UInt64 { x ^= x << 13; x ^= x >> 7; x ^= x << 17; return x }
        var values: [Double] = [0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 1e-7, 5e-7, 0.0000005, 123456.0000005,
                                1e15, 1e20, 1e22, -1e300, 1.7976931348623157e308, 5e-324, 0.1, 0.7, 1.0 / 3]
        for _ in 0..<20_000 {
            let bits = next()
            // Random magnitudes, and random doubles of every exponent (halfway cases included).
            values.append(Double(Int64(bitPattern: bits) % 10_000_000) / 1000)
            let any = Double(bitPattern: bits)
            if any.isFinite { values.append(any) }
        }
        // Exact binary fractions: halfway cases at every decimal count printed (ties go to even).
        for i in 0..<4_000 {
            values.append(Double(i) / 64)
            values.append(-Double(i) / 1_024)
            values.append(Double(i) / 2_097_152 + 1_000)
        }
        // Around the fast path's magnitude limit (9e12) and past it.
        values += [8.999999999999e12, 9e12, 9.000000000001e12, -8.5e12 - 0.5, 4503599627370495.5]
        for v in values {
            for d in [0, 1, 2, 3, 6, 9] {
                #expect(NumberText.fixedDecimals(v, d) == String(format: "%.\(d)f", v), "\(v) at \(d) decimals")
            }
        }
    }

    /// `json`'s trimming before it moved to bytes: trailing zeros, then a trailing point;
    /// "-0" is "0".
    static func trimmed(_ text: String) -> String {
        var s = text
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s == "-0" ? "0" : s
    }

    /// `json` trims on the C buffer's bytes; the same text as the string trimming it had
    /// (`trimmed`), for the same kinds of values, negative zeros and tiny negatives included.
    @Test func jsonTrimsAsTheStringTrimmingDid() {
        var x: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 { x ^= x << 13; x ^= x >> 7; x ^= x << 17; return x }
        var values: [Double] = [0, -0.0, -1e-7, -4e-7, -5e-7, -6e-7, 1e-7, 0.5, -0.5, 10.5, 100.25, 1e15 + 0.5, 1e20 + 4096,
                                -1e300, 5e-324, 0.1, 1.0 / 3, 123456.0000005, 8.999999999999e12, 9.000000000001e12]
        for _ in 0..<20_000 {
            let bits = next()
            values.append(Double(Int64(bitPattern: bits) % 10_000_000) / 1000)
            values.append(Double(Int64(bitPattern: bits) % 1_000) / 1_000_000)
            let any = Double(bitPattern: bits)
            if any.isFinite { values.append(any) }
        }
        for v in values {
            let expected = v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : Self.trimmed(NumberText.fixedDecimals(v, 6))
            #expect(NumberText.json(v) == expected, "\(v)")
        }
    }
}
