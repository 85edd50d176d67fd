import Foundation
import Testing
@testable import Reporting

@Suite struct JSONValueTests {
    @Test func objectsKeepTheirKeyOrder() {
        let value = JSONValue.object([
            ("zeta", .int(1)), ("alpha", .string("x")), ("mid", .bool(false)), ("beta", .null),
        ])
        #expect(value.rendered() == """
            {
              "zeta": 1,
              "alpha": "x",
              "mid": false,
              "beta": null
            }

            """)
    }

    @Test func prettyPrintingOfNestedValues() {
        let value = JSONValue.object([
            ("scalars", .array([.int(1), .number(2.5), .null, .bool(true), .string("s")])),
            ("empty_array", .array([])),
            ("empty_object", .object([])),
            ("objects", .array([.object([("a", .int(1))]), .object([("b", .array([]))])])),
            ("nested", .object([("inner", .object([("x", .int(-3))]))])),
        ])
        #expect(value.rendered() == """
            {
              "scalars": [1, 2.5, null, true, "s"],
              "empty_array": [],
              "empty_object": {},
              "objects": [
                {
                  "a": 1
                },
                {
                  "b": []
                }
              ],
              "nested": {
                "inner": {
                  "x": -3
                }
              }
            }

            """)
    }

    @Test func scalarsAtTheTopLevelEndWithANewline() {
        #expect(JSONValue.int(42).rendered() == "42\n")
        #expect(JSONValue.string("a").rendered() == "\"a\"\n")
        #expect(JSONValue.null.rendered() == "null\n")
        #expect(JSONValue.array([]).rendered() == "[]\n")
    }

    @Test func stringEscaping() {
        #expect(JSONValue.quoted("plain") == "\"plain\"")
        #expect(JSONValue.quoted("say \"hi\"") == #""say \"hi\"""#)
        #expect(JSONValue.quoted("back\\slash") == #""back\\slash""#)
        #expect(JSONValue.quoted("line1\nline2\r\tend") == #""line1\nline2\r\tend""#)
        #expect(JSONValue.quoted("crlf\r\nend") == #""crlf\r\nend""#)  // one Character, two escapes
        #expect(JSONValue.quoted("\u{0}\u{1}\u{8}\u{c}\u{1f}") == #""\u0000\u0001\u0008\u000c\u001f""#)
        // Non-ASCII and DEL are valid inside JSON strings and stay as they are.
        #expect(JSONValue.quoted("Zürich \u{7f} ✓") == "\"Zürich \u{7f} ✓\"")
        // Keys are escaped the same way.
        #expect(JSONValue.object([("a\"b", .int(1))]).rendered() == "{\n  \"a\\\"b\": 1\n}\n")
    }

    @Test func escapedStringsRoundTripThroughJSONSerialization() throws {
        let nasty = "q\"uote\\ \n\r\t \u{1} \u{1f} é ✓ </script>"
        let text = JSONValue.object([("k", .string(nasty)), ("list", .array([.string(nasty)]))]).rendered()
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(parsed["k"] as? String == nasty)
        #expect((parsed["list"] as? [String])?.first == nasty)
    }

    @Test func nonFiniteNumbersBecomeNull() {
        #expect(JSONValue.number(.nan).rendered() == "null\n")
        #expect(JSONValue.number(.infinity).rendered() == "null\n")
        #expect(JSONValue.number(-.infinity).rendered() == "null\n")
        #expect(JSONValue.finite(.nan) == .null)
        #expect(JSONValue.finite(.infinity) == .null)
        #expect(JSONValue.finite(nil) == .null)
        #expect(JSONValue.finite(2.5) == .number(2.5))
        let doc = JSONValue.object([("a", .number(.nan)), ("b", .array([.number(.infinity), .number(1)]))]).rendered()
        #expect(doc == "{\n  \"a\": null,\n  \"b\": [null, 1]\n}\n")
        #expect((try? JSONSerialization.jsonObject(with: Data(doc.utf8))) != nil)
    }

    @Test func integersAndDecimals() {
        #expect(JSONValue.int(Int64.max).rendered() == "9223372036854775807\n")
        #expect(JSONValue.int(Int64.min).rendered() == "-9223372036854775808\n")
        #expect(JSONValue.uint(UInt64.max).rendered() == "18446744073709551615\n")
        #expect(JSONValue.uint(7) == .uint(7) && JSONValue.uint(7) != .int(7))
        // Whole doubles print without a decimal point, others through NumberText.
        #expect(JSONValue.number(3600).rendered() == "3600\n")
        #expect(JSONValue.number(-2).rendered() == "-2\n")
        #expect(JSONValue.number(1.5).rendered() == "1.5\n")
        #expect(JSONValue.number(0.1 + 0.2).rendered() == "0.3\n")
        #expect(JSONValue.number(0.000123).rendered() == "0.000123\n")
    }

    @Test func equality() {
        #expect(JSONValue.number(.nan) == .number(.nan))
        #expect(JSONValue.int(1) != .number(1))
        #expect(JSONValue.object([("a", .int(1)), ("b", .int(2))]) != .object([("b", .int(2)), ("a", .int(1))]))
        #expect(JSONValue.object([("a", .int(1))]) != .object([("a", .int(1)), ("b", .int(2))]))
        #expect(JSONValue.array([.null, .bool(true)]) == .array([.null, .bool(true)]))
    }
}

@Suite struct NumberTextTests {
    @Test func jsonNumbers() {
        #expect(NumberText.json(0) == "0")
        #expect(NumberText.json(-0.0) == "0")
        #expect(NumberText.json(3600) == "3600")
        #expect(NumberText.json(-7) == "-7")
        #expect(NumberText.json(1.5) == "1.5")
        #expect(NumberText.json(0.25) == "0.25")
        #expect(NumberText.json(0.000123) == "0.000123")
        #expect(NumberText.json(2.0 / 3.0) == "0.666667")  // six decimals, rounded
        #expect(NumberText.json(1234.5678915) == "1234.567892")
        #expect(NumberText.json(-1.25) == "-1.25")
        // Below the sixth decimal: rounds to zero, never "-0".
        #expect(NumberText.json(4e-7) == "0")
        #expect(NumberText.json(-4e-7) == "0")
        // Large whole numbers: no exponent, no decimal point.
        #expect(NumberText.json(1e15) == "1000000000000000")
        #expect(NumberText.json(1e20) == "100000000000000000000")
        #expect(NumberText.json(17_179_869_184) == "17179869184")
        #expect(NumberText.json(.nan) == "null")
        #expect(NumberText.json(.infinity) == "null")
    }

    @Test func jsonNumbersParseBackToTheSameValue() throws {
        for x in [0.5, 1.25, 12.125, 3600, 86_400.75, 0.001953] {
            let parsed = try #require(Double(NumberText.json(x)))
            #expect(parsed == x)
        }
    }

    @Test func fixedDecimals() {
        #expect(NumberText.fixed(1.26, 1) == "1.3")
        #expect(NumberText.fixed(2.0, 2) == "2.00")
        #expect(NumberText.fixed(12.345, 0) == "12")
        #expect(NumberText.fixed(-0.001, 2) == "0.00")  // no negative zero
        #expect(NumberText.fixed(-1.5, 1) == "-1.5")
        #expect(NumberText.fixed(.nan, 1) == "n/a")
        #expect(NumberText.fixed(.infinity, 1) == "n/a")
    }

    @Test func durationsForPeople() {
        #expect(NumberText.duration(0) == "0s")
        #expect(NumberText.duration(0.85) == "850ms")
        #expect(NumberText.duration(0.005) == "5.00ms")
        #expect(NumberText.duration(12.34) == "12.3s")
        #expect(NumberText.duration(119) == "119.0s")
        #expect(NumberText.duration(120) == "2.0min")
        #expect(NumberText.duration(252) == "4.2min")
        #expect(NumberText.duration(7_200) == "2.0h")
        #expect(NumberText.duration(3.1 * 3_600) == "3.1h")
        #expect(NumberText.duration(172_800) == "2.0d")
        #expect(NumberText.duration(2.5 * 86_400) == "2.5d")
        #expect(NumberText.duration(-5) == "-5.0s")
        #expect(NumberText.duration(.nan) == "n/a")
    }

    @Test func percentages() {
        #expect(NumberText.percent(0.125) == "12.5%")
        #expect(NumberText.percent(1) == "100.0%")
        #expect(NumberText.percent(0) == "0.0%")
        #expect(NumberText.percent(0.5, decimals: 0) == "50%")
    }
}
