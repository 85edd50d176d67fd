/// The report formats a run can write.
public enum ReportFormat: String, CaseIterable, Sendable {
    case json
    case csv
    case md

    /// The main file each format writes into the output directory.
    public var fileName: String {
        switch self {
        case .json: return "summary.json"
        case .csv: return "instances.csv"
        case .md: return "summary.md"
        }
    }
}

/// A run's reports by format: the set writer (`ReportSetWriter`) under the formats' file names.
public enum ReportWriter {
    public static func write(_ files: [(ReportFormat, String)], into directory: String) throws(AtomicFile.WriteError) -> [String] {
        try ReportSetWriter.write(named: files.map { ($0.0.fileName, $0.1) }, into: directory, family: .run)
    }
}
