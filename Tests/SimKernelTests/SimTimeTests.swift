import Testing
@testable import SimKernel

@Suite struct SimTimeTests {
    @Test(arguments: [
        ("300ms", Int64(300_000_000)), ("2h", 7_200_000_000_000), ("1.5s", 1_500_000_000),
        ("14d", 1_209_600_000_000_000), ("250us", 250_000), ("7ns", 7), ("1h30min", 5_400_000_000_000),
        ("2m30s", 150_000_000_000), ("1w", 604_800_000_000_000), (" 5 s ", 5_000_000_000),
    ])
    func parsesUnits(text: String, nanoseconds: Int64) throws {
        #expect(try SimTimeFormat.parse(text).nanoseconds == nanoseconds)
    }

    @Test func rejectsBadDurations() {
        #expect(throws: SimTimeFormat.ParseError.missingUnit("300")) { try SimTimeFormat.parse("300") }
        #expect(throws: SimTimeFormat.ParseError.unknownUnit("hours")) { try SimTimeFormat.parse("2hours") }
        #expect(throws: SimTimeFormat.ParseError.negative("-1s")) { try SimTimeFormat.parse("-1s") }
        #expect(throws: SimTimeFormat.ParseError.empty) { try SimTimeFormat.parse("") }
        #expect(throws: SimTimeFormat.ParseError.badNumber("s")) { try SimTimeFormat.parse("s") }
    }

    @Test(arguments: [
        (Int64(0), "0s"), (250_000_000, "250ms"), (1_500_000_000, "1.5s"), (7_200_000_000_000, "2h"),
        (5_400_000_000_000, "1h30m"), (273_600_000_000_000, "3d4h"), (90_000_000_000, "1m30s"), (42, "42ns"),
    ])
    func printsHumanForm(nanoseconds: Int64, text: String) {
        #expect(SimTime(nanoseconds: nanoseconds).description == text)
    }

    @Test func printedFormParsesBack() throws {
        for ns: Int64 in [1, 999, 12_345_000, 2_000_000_000, 3_600_000_000_000, 90_000_000_000] {
            #expect(try SimTimeFormat.parse(SimTime(nanoseconds: ns).description).nanoseconds == ns)
        }
    }

    @Test func arithmeticSaturatesAtMax() {
        #expect(SimTime.max + .seconds(1) == .max)
        #expect(SimTime(seconds: 1.25).nanoseconds == 1_250_000_000)
        #expect(SimTime.seconds(3).seconds == 3.0)
    }
}
