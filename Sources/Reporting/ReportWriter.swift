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

/// Writes a run's reports into one directory, each file atomically. All texts are rendered
/// before the first file is touched, so a failure while rendering writes nothing.
public enum ReportWriter {
    public static func write(_ files: [(ReportFormat, String)], into directory: String) throws(AtomicFile.WriteError) -> [String] {
        try write(named: files.map { ($0.0.fileName, $0.1) }, into: directory)
    }

    /// Write texts under the given file names.
    public static func write(named files: [(String, String)], into directory: String) throws(AtomicFile.WriteError) -> [String] {
        try AtomicFile.ensureDirectory(directory)
        var written: [String] = []
        for (name, text) in files {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            try AtomicFile.write(text, to: path)
            written.append(path)
        }
        return written
    }
}
