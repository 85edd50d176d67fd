import Foundation
import Stochastics

/// Checks on an empirical distribution's `file:` before it is read, and the reading of its
/// cells with units.
enum EmpiricalFileCheck {
    struct Refusal {
        var expected: String
        var found: String
    }

    /// Memory a CSV takes while it is read, per byte of file: the text, its lines, each row's
    /// fields and the values (measured: about 20 bytes of heap per byte of a short-row file).
    static let memoryPerFileByte = 24.0

    static func refusal(path: String, written: String, reader: ScenarioReader) -> Refusal? {
        // Outside the scenario's folder only when the user says so: a scenario from elsewhere
        // must not make fleetsim read (and quote) `../../../../etc/shadow`.
        if !reader.options.allowOutsidePaths,
           !FilePath.isInside(path, directory: reader.baseDirectory,
                              workingDirectory: FileManager.default.currentDirectoryPath) {
            return Refusal(expected: "a CSV file in the scenario's folder (or pass --allow-outside-paths)",
                           found: "'\(written)', which is outside it")
        }
        guard FilePath.pathExtension(of: path) == "csv" else {
            return Refusal(expected: "a CSV file whose name ends in .csv", found: "'\(written)'")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return Refusal(expected: "an existing CSV file of samples", found: "'\(written)': no such file")
        }
        if isDirectory.boolValue { return Refusal(expected: "a CSV file of samples", found: "'\(written)', a directory") }
        guard ScenarioFileCheck.isRegularFile(path) else {
            return Refusal(expected: "a CSV file of samples", found: "'\(written)', a device, pipe or socket")
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            return Refusal(expected: "a readable CSV file of samples", found: "'\(written)': permission denied")
        }
        if let limit = reader.options.maxMemoryBytes,
           let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? NSNumber {
            let needed = size.doubleValue * memoryPerFileByte
            if needed > limit {
                return Refusal(expected: "a CSV file that fits the memory limit of \(MemoryText.bytes(limit)) (--max-memory)",
                               found: "'\(written)' of \(MemoryText.bytes(size.doubleValue)), which needs about \(MemoryText.bytes(needed)) to read")
            }
        }
        return nil
    }

    /// A cell in the field's unit (`16GiB`, `300ms`, `1.5%`, a plain number for reals and
    /// counts). A bare number where a unit is needed is refused, as in the scenario file.
    static func parseCell(_ cell: String, as kind: QuantityKind) -> Result<Double, CellRefusal> {
        switch QuantityParser.parse(cell, as: kind, range: .any) {
        case .success(let value): return .success(value)
        case .failure(let error):
            let quoted = "'\(FileErrorText.excerpt(cell))'"
            let expected = "expected \(kind.noun) with a unit (e.g. \(kind.examples))"
            switch error {
            case .missingUnit:
                return .failure(CellRefusal(reason: "\(expected), found \(quoted) (missing unit)", isNotANumber: false))
            case .badNumber, .empty:
                return .failure(CellRefusal(reason: "expected \(kind.noun), found \(quoted), which is not a number",
                                            isNotANumber: true))
            case .unknownUnit(let unit, let suggestion):
                let hint = suggestion.map { "; did you mean '\($0)'?" } ?? ""
                return .failure(CellRefusal(reason: "\(expected), found \(quoted) (unknown unit '\(unit)'\(hint))",
                                            isNotANumber: false))
            case .unexpectedUnit(let unit):
                return .failure(CellRefusal(reason: "expected \(kind.noun) without a unit, found \(quoted) (unit '\(unit)')",
                                            isNotANumber: false))
            case .tooLarge, .outOfRange, .negative, .notWhole:
                return .failure(CellRefusal(reason: "expected \(kind.noun) of at most \(kind.maximumText), found \(quoted)",
                                            isNotANumber: false))
            }
        }
    }
}

/// Byte counts for memory messages: `12.0 GiB`.
public enum MemoryText {
    public static func bytes(_ b: Double) -> String {
        let units: [(String, Double)] = [("TiB", 1_099_511_627_776), ("GiB", 1_073_741_824), ("MiB", 1_048_576), ("KiB", 1024)]
        for (name, scale) in units where b >= scale { return String(format: "%.1f %@", b / scale, name) }
        return String(format: "%.0f B", b)
    }
}
