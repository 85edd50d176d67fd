import Foundation
import Testing
@testable import Reporting

/// Rows built field by field (numbers formatted straight into the buffer, repeated fields
/// from segments) are byte for byte the rows `appendRow` writes from the same texts: the
/// instances.csv writer moved to them without changing a report.
@Suite struct CSVFieldByFieldTests {
    @Test func decimalBytesAreStringOfTheInteger() {
        var values: [Int64] = [0, 1, -1, 9, 10, -10, 99, 100, Int64.max, Int64.min, Int64.min + 1, 1_000_000_000_000_000_000]
        var x: UInt64 = 0xD1B5_4A32_D192_ED03
        for _ in 0..<20_000 {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17
            values.append(Int64(bitPattern: x))
            values.append(Int64(bitPattern: x) % 100_000)
        }
        for n in values {
            #expect(NumberText.withDecimalBytes(n) { String(decoding: $0, as: UTF8.self) } == String(n), "\(n)")
        }
    }

    @Test func jsonBytesOfNonFiniteAndSignedZeros() {
        for (x, text) in [(Double.nan, "null"), (.infinity, "null"), (-.infinity, "null"), (-0.0, "0"), (0, "0"),
                          (-1e-9, "0"), (-4e-7, "0"), (-6e-7, "-0.000001"), (2.5, "2.5"), (-3, "-3"), (1e15, "1000000000000000")] {
            #expect(NumberText.json(x) == text, "\(x)")
            #expect(NumberText.withJSONBytes(x) { String(decoding: $0, as: UTF8.self) } == text, "\(x)")
        }
    }

    @Test func fieldByFieldEqualsAppendRow() {
        var whole = CSVWriter(), byField = CSVWriter()
        var segment = CSVWriter(), emptySegment = CSVWriter()
        var x: UInt64 = 0x2545_F491_4F6C_DD1D
        let texts = ["", "plain", "a,b", "say \"hi\"", "line\nbreak", "naïve ✓", "\r"]
        for k in 0..<5_000 {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17
            let number = Double(Int64(bitPattern: x) % 10_000_000) / 1_000
            let text = texts[Int(x % UInt64(texts.count))]
            // The segment starts with an empty field on some rows: its separators still count.
            let segmentTexts = [k % 3 == 0 ? "" : "seg-\(k)", NumberText.json(number / 7), String(-k)]
            whole.appendRow([String(k), text, NumberText.json(number)] + segmentTexts + [NumberText.json(.nan), text])

            segment.clearSegment()
            segment.field(segmentTexts[0]); segment.field(json: number / 7); segment.field(-k)
            byField.field(k); byField.field(text); byField.field(json: number)
            byField.fields(of: segment)
            byField.fields(of: emptySegment)      // no fields: no separator either
            byField.field(json: .nan); byField.field(text)
            byField.endRow()
        }
        // A row that starts with a segment and one of a single empty field.
        whole.appendRow(["a", "b,c"]); whole.appendRow([""])
        segment.clearSegment(); segment.field("a"); segment.field("b,c")
        byField.fields(of: segment); byField.endRow()
        byField.field(""); byField.endRow()
        #expect(byField.bytes == whole.bytes)
        #expect(byField.fieldsInRow == 0)
    }
}
