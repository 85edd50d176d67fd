import Foundation
import Testing
@testable import Stochastics

/// Empirical CSV cells read through a caller's parser (units), and file errors in words.
@Suite struct EmpiricalCellTests {
    func withFile(_ text: String, _ body: (String) throws -> Void) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cells-\(UUID().uuidString).csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        try body(path)
    }

    /// A stand-in for the scenario's quantity parser: `<n>k` is n x 1000, a bare number refused.
    func kilo(_ cell: String) -> Result<Double, CellRefusal> {
        if cell.hasSuffix("k"), let x = Double(cell.dropLast()) { return .success(x * 1000) }
        if Double(cell) != nil { return .failure(CellRefusal(reason: "'\(cell)' (missing unit)", isNotANumber: false)) }
        return .failure(CellRefusal(reason: "'\(cell)', not a number", isNotANumber: true))
    }

    @Test func cellsGoThroughTheParserAndAHeaderIsStillFound() throws {
        try withFile("size\n1k\n2k\n") { path in
            let data = try EmpiricalData.load(csvPath: path, column: .index(0), parseValue: kilo)
            #expect(data.values == [1000, 2000])
        }
    }

    @Test func aRefusedCellNamesFileLineAndColumn() throws {
        try withFile("size\n1k\n8\n") { path in
            #expect(throws: EmpiricalDataError.badCell(path: path, line: 3, column: "0", reason: "'8' (missing unit)")) {
                try EmpiricalData.load(csvPath: path, column: .index(0), parseValue: kilo)
            }
        }
    }

    @Test func aMissingFileIsSaidInWords() {
        do {
            _ = try EmpiricalData.load(csvPath: "/nonexistent/x.csv", column: .index(0))
            Issue.record("loaded a missing file")
        } catch {
            #expect("\(error)" == "/nonexistent/x.csv: cannot read: no such file")
            #expect(!"\(error)".contains("NSCocoaErrorDomain"))
        }
    }

    @Test func longCellsAreQuotedShort() throws {
        let long = String(repeating: "x", count: 500)
        try withFile("1\n\(long)\n") { path in
            do {
                _ = try EmpiricalData.load(csvPath: path, column: .index(0))
                Issue.record("loaded a non-number")
            } catch {
                #expect("\(error)".count < 200)
            }
        }
    }
}
