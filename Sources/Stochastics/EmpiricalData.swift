#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Values (and optional weights) of an empirical distribution, read from a CSV file.
public struct EmpiricalData: Sendable, Equatable {
    public let values: [Double]
    public let weights: [Double]?

    public init(values: [Double], weights: [Double]? = nil) {
        self.values = values
        self.weights = weights
    }

    /// Reads one numeric column (and optionally a weight column) of a CSV file.
    ///
    /// Header: when a column is named, the first non-blank line must be a header holding that
    /// name. When columns are given only by 0-based index the header is optional: the first
    /// non-blank line is taken as a header if its field in `column` is not a number. Blank
    /// lines and lines starting with '#' are skipped; CRLF line ends and a UTF-8 byte-order
    /// mark are accepted. Every data row must hold a finite number in each requested column.
    ///
    /// `parseValue`, when given, reads the value column's cells instead of a plain number:
    /// the scenario loader passes its quantity parser, so cells carry units (`16GiB`, `300ms`)
    /// and a bare number where a unit is needed is refused with the reason it returns.
    public static func load(csvPath: String, column: CSVColumn, weightColumn: CSVColumn? = nil,
                            parseValue: ((String) -> Result<Double, CellRefusal>)? = nil) throws(EmpiricalDataError) -> EmpiricalData {
        let rows = try dataRows(of: try readText(csvPath), path: csvPath)
        guard let first = rows.first else { throw .noData(path: csvPath) }
        let hasHeader = startsWithHeader(first.fields, column: column, weightColumn: weightColumn, parseValue: parseValue)
        let valueAt = try position(of: column, in: first, path: csvPath)
        let weightAt = try weightColumn.map { (c) throws(EmpiricalDataError) in try position(of: c, in: first, path: csvPath) }
        var values: [Double] = []
        var weights: [Double] = []
        for row in rows.dropFirst(hasHeader ? 1 : 0) {
            values.append(try value(in: row, at: valueAt, column: column, parseValue: parseValue, path: csvPath))
            if let weightAt, let weightColumn { weights.append(try number(in: row, at: weightAt, column: weightColumn, path: csvPath)) }
        }
        guard !values.isEmpty else { throw .noData(path: csvPath) }
        return EmpiricalData(values: values, weights: weightColumn == nil ? nil : weights)
    }

    /// A non-blank, non-comment line of the file: its 1-based number and its fields.
    typealias CSVRow = (line: Int, fields: [String])

    private static func readText(_ csvPath: String) throws(EmpiricalDataError) -> String {
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: csvPath))
            return String(decoding: data, as: UTF8.self)
        } catch {
            throw .unreadable(path: csvPath, reason: FileErrorText.reason(error))
        }
    }

    /// The file's rows, blank lines and `#` comments skipped (a leading BOM dropped).
    private static func dataRows(of text: String, path csvPath: String) throws(EmpiricalDataError) -> [CSVRow] {
        // isNewline splits on "\n", "\r\n" (one Character in Swift) and "\r".
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        var rows: [CSVRow] = []
        for (i, raw) in lines.enumerated() {
            let line = i == 0 && raw.first == "\u{FEFF}" ? raw.dropFirst() : raw
            let content = line.drop(while: \.isWhitespace)
            if content.isEmpty || content.first == "#" { continue }
            guard let fields = csvFields(line) else { throw .unterminatedQuote(path: csvPath, line: i + 1) }
            rows.append((i + 1, fields))
        }
        return rows
    }

    /// A column named by header means a header; a column by index has one when its first
    /// cell is not a value.
    private static func startsWithHeader(_ fields: [String], column: CSVColumn, weightColumn: CSVColumn?,
                                         parseValue: ((String) -> Result<Double, CellRefusal>)?) -> Bool {
        let byName = { (c: CSVColumn?) -> Bool in if case .name = c { return true } else { return false } }
        if byName(column) || byName(weightColumn) { return true }
        guard case let .index(i) = column, i < fields.count else { return false }
        return parseValue.map { parse in
            if case .failure(let refusal) = parse(fields[i]) { return refusal.isNotANumber }
            return false
        } ?? (number(fields[i]) == nil)
    }

    private static func position(of c: CSVColumn, in first: CSVRow, path csvPath: String) throws(EmpiricalDataError) -> Int {
        switch c {
        case let .index(i):
            return i
        case let .name(name):
            guard let i = first.fields.firstIndex(of: name) else {
                throw .columnNotFound(path: csvPath, line: first.line, column: c.description, header: first.fields)
            }
            return i
        }
    }

    private static func number(in row: CSVRow, at at: Int, column c: CSVColumn, path csvPath: String) throws(EmpiricalDataError) -> Double {
        guard at >= 0, at < row.fields.count else {
            throw .missingField(path: csvPath, line: row.line, column: c.description, fieldCount: row.fields.count)
        }
        guard let x = number(row.fields[at]) else {
            throw .notANumber(path: csvPath, line: row.line, column: c.description, found: row.fields[at])
        }
        return x
    }

    /// The value cell of `row`: a plain number, or through the caller's parser (units).
    private static func value(in row: CSVRow, at valueAt: Int, column: CSVColumn,
                              parseValue: ((String) -> Result<Double, CellRefusal>)?, path csvPath: String) throws(EmpiricalDataError) -> Double {
        guard let parseValue else { return try number(in: row, at: valueAt, column: column, path: csvPath) }
        guard valueAt >= 0, valueAt < row.fields.count else {
            throw .missingField(path: csvPath, line: row.line, column: column.description, fieldCount: row.fields.count)
        }
        switch parseValue(row.fields[valueAt]) {
        case .success(let x): return x
        case .failure(let refusal):
            throw .badCell(path: csvPath, line: row.line, column: column.description, reason: refusal.reason)
        }
    }

    /// The empirical distribution of these values, validated.
    public func distribution() throws(DistributionError) -> Distribution {
        try Distribution.empirical(values: values, weights: weights)
    }

    /// Loads a CSV column and builds its empirical distribution; any problem is reported with
    /// the file's path.
    public static func distribution(csvPath: String, column: CSVColumn, weightColumn: CSVColumn? = nil,
                                    parseValue: ((String) -> Result<Double, CellRefusal>)? = nil) throws(EmpiricalDataError) -> Distribution {
        let data = try load(csvPath: csvPath, column: column, weightColumn: weightColumn, parseValue: parseValue)
        do { return try data.distribution() } catch { throw .invalid(path: csvPath, error) }
    }

    /// A finite number, or nil. Swift's Double(String) also accepts "inf", "nan" and hex
    /// floats; the non-finite ones are refused here.
    private static func number(_ field: String) -> Double? {
        guard let x = Double(field), x.isFinite else { return nil }
        return x
    }
}

/// Why a CSV cell was refused by a caller's value parser: a short reason in words
/// (`'8' has no unit; expected a byte size such as 16GiB`).
public struct CellRefusal: Error, Sendable, Equatable {
    public var reason: String
    /// Whether the cell is not a number at all (so a first row of such cells is a header).
    public var isNotANumber: Bool

    public init(reason: String, isNotANumber: Bool) {
        self.reason = reason
        self.isNotANumber = isNotANumber
    }
}
