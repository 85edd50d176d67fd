import Testing
import SimKernel
@testable import Scenario

@Suite struct QuantityParserTests {
    func value(_ text: String, _ kind: QuantityKind, range: QuantityRange? = nil) -> Double? {
        try? QuantityParser.parse(text, as: kind, range: range).get()
    }

    func failure(_ text: String, _ kind: QuantityKind, range: QuantityRange? = nil) -> QuantityParseError? {
        if case .failure(let e) = QuantityParser.parse(text, as: kind, range: range) { return e }
        return nil
    }

    @Test func bytesBinaryAndDecimal() {
        #expect(value("16GiB", .bytes) == 16.0 * 1_073_741_824)
        #expect(value("512MiB", .bytes) == 512.0 * 1_048_576)
        #expect(value("4KiB", .bytes) == 4096)
        #expect(value("1TiB", .bytes) == 1_099_511_627_776)
        #expect(value("2PiB", .bytes) == 2.0 * 1_125_899_906_842_624)
        #expect(value("1.5TB", .bytes) == 1.5e12)
        #expect(value("100B", .bytes) == 100)
        #expect(value("1kB", .bytes) == 1000)
        #expect(value("1KB", .bytes) == 1000)
        #expect(value("3MB", .bytes) == 3e6)
        #expect(value("2GB", .bytes) == 2e9)
        #expect(value("16 GiB", .bytes) == 16.0 * 1_073_741_824)
        #expect(value("1e3B", .bytes) == 1000)
        #expect(value("0B", .bytes) == 0)
    }

    @Test func bytesRejections() {
        #expect(failure("16", .bytes) == .missingUnit("16"))
        #expect(failure("16Gib", .bytes) == .unknownUnit(unit: "Gib", suggestion: "GiB"))
        #expect(failure("100b", .bytes) == .unknownUnit(unit: "b", suggestion: "B"))
        #expect(failure("16 bytes", .bytes) == .unknownUnit(unit: "bytes", suggestion: "B"))
        #expect(failure("-4GiB", .bytes) == .negative)
        #expect(failure("lots", .bytes) == .badNumber("lots"))
        #expect(failure("", .bytes) == .empty)
    }

    @Test func bitAndByteRatesInBytesPerSecond() {
        #expect(value("25Gbit/s", .bytesPerSecond) == 25e9 / 8)
        #expect(value("10Gbps", .bytesPerSecond) == 10e9 / 8)
        #expect(value("100Mbit/s", .bytesPerSecond) == 100e6 / 8)
        #expect(value("40Gb/s", .bytesPerSecond) == 40e9 / 8)
        #expect(value("8bit/s", .bytesPerSecond) == 1)
        #expect(value("128MiB/s", .bytesPerSecond) == 128.0 * 1_048_576)
        #expect(value("1GB/s", .bytesPerSecond) == 1e9)
        #expect(value("5B/s", .bytesPerSecond) == 5)
        #expect(value("1Kbit/s", .bytesPerSecond) == 125)
        #expect(value("1kbit/s", .bytesPerSecond) == 125)
    }

    @Test func rateRejections() {
        #expect(failure("25", .bytesPerSecond) == .missingUnit("25"))
        #expect(failure("25Gbit", .bytesPerSecond) == .unknownUnit(unit: "Gbit", suggestion: "Gbit/s"))
        #expect(failure("1GB/sec", .bytesPerSecond) == .unknownUnit(unit: "GB/sec", suggestion: "GB/s"))
        #expect(failure("1MBps", .bytesPerSecond) == .unknownUnit(unit: "MBps", suggestion: "MB/s"))
        #expect(failure("-1Gbit/s", .bytesPerSecond) == .negative)
        #expect(failure("0Gbit/s", .bytesPerSecond, range: .positive) == .outOfRange)
        #expect(failure("-1Gbit/s", .bytesPerSecond, range: .positive) == .negative)
    }

    @Test func durationsGoThroughSimTimeFormat() {
        #expect(value("300ms", .duration) == 0.3)
        #expect(value("2min", .duration) == 120)
        #expect(value("1h30m", .duration) == 5400)
        #expect(value("14d", .duration) == 14.0 * 86_400)
        #expect(failure("300", .duration) == .missingUnit("300"))
        #expect(failure("5seconds", .duration) == .unknownUnit(unit: "seconds", suggestion: "s"))
        #expect(failure("5mins", .duration) == .unknownUnit(unit: "mins", suggestion: "min"))
        #expect(failure("2hrs", .duration) == .unknownUnit(unit: "hrs", suggestion: "h"))
        #expect(failure("-5s", .duration) == .negative)
        let t = try? QuantityParser.parseDuration("1.5s").get()
        #expect(t == SimTime.milliseconds(1_500))
    }

    @Test func fractions() {
        #expect(value("1.5%", .fraction) == 0.015)
        #expect(value("100%", .fraction) == 1)
        #expect(value("0.25", .fraction) == 0.25)
        #expect(value("0", .fraction) == 0)
        #expect(failure("1.5", .fraction) == .outOfRange)
        #expect(failure("150%", .fraction) == .outOfRange)
        #expect(failure("-1%", .fraction) == .outOfRange)
        #expect(failure("5pc", .fraction) == .unknownUnit(unit: "pc", suggestion: nil))
        #expect(failure("5 percent", .fraction) == .unknownUnit(unit: "percent", suggestion: "%"))
    }

    @Test func countsAndReals() {
        #expect(value("6", .count) == 6)
        #expect(value("10_000", .count) == 10_000)
        #expect(failure("2.5", .count) == .notWhole("2.5"))
        #expect(failure("-3", .count) == .negative)
        #expect(failure("4GiB", .count) == .unexpectedUnit("GiB"))
        #expect(failure("1e30", .count) == .tooLarge)
        #expect(value("0.75", .real) == 0.75)
        #expect(value("-1.25", .real, range: .any) == -1.25)
        #expect(failure("-1.25", .real) == .negative)
        #expect(failure("2x", .real) == .unexpectedUnit("x"))
        #expect(value("3", .real, range: .between(1, 4)) == 3)
        #expect(failure("5", .real, range: .between(1, 4)) == .outOfRange)
    }

    @Test func unitListsNameTheDimensionsUnits() {
        #expect(QuantityKind.bytes.unitList == "B, kB, KB, MB, GB, TB, PB, KiB, MiB, GiB, TiB, PiB")
        let rates = QuantityKind.bytesPerSecond.unitList
        #expect(rates.contains("Gbit/s") && rates.contains("Gbps") && rates.contains("MiB/s") && rates.contains("KiB/s"))
        #expect(!rates.contains("Gb/s") && !rates.contains("Kbit/s"))
        #expect(QuantityKind.duration.unitList.contains("min"))
    }
}
