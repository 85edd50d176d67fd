/// Why an empirical CSV file could not be loaded. Messages start with the file and, where
/// there is one, the line number, then say what was found.
public enum EmpiricalDataError: Error, Equatable, Sendable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case noData(path: String)
    case columnNotFound(path: String, line: Int, column: String, header: [String])
    case missingField(path: String, line: Int, column: String, fieldCount: Int)
    case notANumber(path: String, line: Int, column: String, found: String)
    case unterminatedQuote(path: String, line: Int)
    /// A cell refused by the caller's parser (e.g. a bare number where a unit is needed).
    case badCell(path: String, line: Int, column: String, reason: String)
    case invalid(path: String, DistributionError)

    public var description: String {
        switch self {
        case let .unreadable(path, reason):
            return "\(path): cannot read: \(reason)"
        case let .noData(path):
            return "\(path): no data rows"
        case let .columnNotFound(path, line, column, header):
            return "\(path) line \(line): no column \(column) in header; found: \(FileErrorText.excerpt(header.joined(separator: ", ")))"
        case let .missingField(path, line, column, fieldCount):
            return "\(path) line \(line): column \(column) missing, found only \(fieldCount) field(s)"
        case let .notANumber(path, line, column, found):
            return "\(path) line \(line), column \(column): expected a finite number, found '\(FileErrorText.excerpt(found))'"
        case let .badCell(path, line, column, reason):
            return "\(path) line \(line), column \(column): \(reason)"
        case let .unterminatedQuote(path, line):
            return "\(path) line \(line): unterminated quoted field"
        case let .invalid(path, error):
            return "\(path): \(error)"
        }
    }
}
