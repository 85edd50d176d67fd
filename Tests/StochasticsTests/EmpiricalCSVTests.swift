import Foundation
import Testing
@testable import Stochastics

@Suite struct EmpiricalCSVTests {
    /// Writes `text` to a fresh temporary file and returns its path.
    func file(_ text: String, _ name: String = "data.csv") throws -> String {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("fleetsim-stoch-\(UInt64.random(in: 0 ... .max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func columnByHeaderName() throws {
        let path = try file("host,downtime_ms\nh1,12.5\nh2, 30\n\n# comment\nh3,\"7\"\n")
        let data = try EmpiricalData.load(csvPath: path, column: "downtime_ms")
        #expect(data.values == [12.5, 30, 7])
        #expect(data.weights == nil)
        #expect(try data.distribution() == Distribution.empirical(values: [12.5, 30, 7]))
    }

    @Test func columnByIndexWithAndWithoutHeader() throws {
        let withHeader = try file("a,b\n1,2\n3,4\n")
        #expect(try EmpiricalData.load(csvPath: withHeader, column: 1).values == [2, 4])
        let noHeader = try file("1,2\n3,4\n")
        #expect(try EmpiricalData.load(csvPath: noHeader, column: 0).values == [1, 3])
    }

    @Test func crlfBOMQuotesAndWeights() throws {
        let path = try file("\u{FEFF}\"label, with comma\",value,weight\r\n\"x, y\",1e3,2\r\n\"z\"\"\",-4,1\r\n")
        let data = try EmpiricalData.load(csvPath: path, column: "value", weightColumn: "weight")
        #expect(data.values == [1_000, -4])
        #expect(data.weights == [2, 1])
        let d = try EmpiricalData.distribution(csvPath: path, column: .name("value"), weightColumn: .index(2))
        #expect(d.mean == (2_000.0 - 4) / 3)
    }

    @Test func errorsNameFileLineAndWhatWasFound() throws {
        let path = try file("name,value\na,1\nb,abc\n")
        #expect(throws: EmpiricalDataError.notANumber(path: path, line: 3, column: "'value'", found: "abc")) {
            try EmpiricalData.load(csvPath: path, column: "value")
        }
        let e1 = EmpiricalDataError.notANumber(path: path, line: 3, column: "'value'", found: "abc")
        #expect(e1.description == "\(path) line 3, column 'value': expected a finite number, found 'abc'")

        #expect(throws: EmpiricalDataError.columnNotFound(path: path, line: 1, column: "'latency'", header: ["name", "value"])) {
            try EmpiricalData.load(csvPath: path, column: "latency")
        }
        let e2 = EmpiricalDataError.columnNotFound(path: path, line: 1, column: "'latency'", header: ["name", "value"])
        #expect(e2.description == "\(path) line 1: no column 'latency' in header; found: name, value")

        let short = try file("1,2\n3\n")
        #expect(throws: EmpiricalDataError.missingField(path: short, line: 2, column: "1", fieldCount: 1)) {
            try EmpiricalData.load(csvPath: short, column: 1)
        }
        let nan = try file("v\n1\nnan\n")
        #expect(throws: EmpiricalDataError.notANumber(path: nan, line: 3, column: "0", found: "nan")) {
            try EmpiricalData.load(csvPath: nan, column: 0)
        }
        let quote = try file("v\n\"1\n")
        #expect(throws: EmpiricalDataError.unterminatedQuote(path: quote, line: 2)) {
            try EmpiricalData.load(csvPath: quote, column: 0)
        }
        let headerOnly = try file("value\n")
        #expect(throws: EmpiricalDataError.noData(path: headerOnly)) {
            try EmpiricalData.load(csvPath: headerOnly, column: "value")
        }
        let empty = try file("")
        #expect(throws: EmpiricalDataError.noData(path: empty)) {
            try EmpiricalData.load(csvPath: empty, column: 0)
        }
    }

    @Test func missingFileNamesThePath() {
        let path = "/nonexistent/fleetsim/nothing.csv"
        do {
            _ = try EmpiricalData.load(csvPath: path, column: 0)
            Issue.record("expected an error")
        } catch {
            guard case .unreadable(path, _) = error else { Issue.record("wrong error \(error)"); return }
            #expect(error.description.hasPrefix("\(path): cannot read"))
        }
    }

    @Test func invalidWeightsAreReportedWithThePath() throws {
        let path = try file("v,w\n1,-1\n2,3\n")
        #expect(throws: EmpiricalDataError.invalid(path: path, .invalidWeight(index: 0, got: -1))) {
            try EmpiricalData.distribution(csvPath: path, column: "v", weightColumn: "w")
        }
    }
}
