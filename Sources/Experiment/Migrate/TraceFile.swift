import Foundation
import MigrationEngine
import Scenario
import Stochastics

/// `--dirty-trace FILE`: a CSV of `seconds,bytes_per_second` rows, read with every check a
/// user would expect: a `.csv` name (so `--dirty-trace /etc/passwd` is refused unread and never
/// quoted), a size that fits the memory limit, UTF-8, and rows whose time and rate are finite,
/// non-negative numbers. A message quotes at most one short cell, never a whole line.
enum TraceFile {
    /// Heap per byte of trace file while it is read (text, lines, fields, samples).
    static let memoryPerFileByte = 24.0
    /// A day sampled every second is 86,400 rows.
    static let maximumSamples = 100_000

    static func load(_ path: String, budget: MemoryBudget) throws(CommandFailure) -> [TraceDirtyModel.Sample] {
        let flag = "--dirty-trace"
        let quoted = FlagValue.quote(path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw FlagValue.failure(flag, expected: "a readable CSV file", found: "\(quoted): no such file")
        }
        guard !isDirectory.boolValue else {
            throw FlagValue.failure(flag, expected: "a readable CSV file", found: "\(quoted), a directory")
        }
        guard ScenarioFileCheck.isRegularFile(path) else {
            throw FlagValue.failure(flag, expected: "a readable CSV file", found: "\(quoted), a device, pipe or socket")
        }
        guard FilePath.pathExtension(of: path) == "csv" else {
            throw FlagValue.failure(flag, expected: "a CSV file whose name ends in .csv", found: quoted)
        }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? NSNumber {
            try budget.check(size.doubleValue * memoryPerFileByte, for: "reading the trace \(quoted) (\(MemoryText.bytes(size.doubleValue)))")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FlagValue.failure(flag, expected: "a readable CSV file", found: "\(quoted): permission denied")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            let (line, column) = ScenarioFileCheck.firstInvalidUTF8(in: data)
            throw FlagValue.failure(flag, expected: "UTF-8 text", found: "bytes that are not UTF-8 at line \(line), column \(column) of \(quoted)")
        }
        return try parse(text, path: path)
    }

    static func parse(_ text: String, path: String) throws(CommandFailure) -> [TraceDirtyModel.Sample] {
        let flag = "--dirty-trace"
        let expected = "rows of 'seconds,bytes_per_second' with finite, non-negative numbers"
        var samples: [TraceDirtyModel.Sample] = []
        var sawRow = false
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cols = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            let firstRow = !sawRow
            sawRow = true
            let where_ = "line \(n + 1) of \(FlagValue.quote(path))"
            guard cols.count >= 2 else {
                if firstRow { continue }  // a header of one word
                throw FlagValue.failure(flag, expected: expected, found: "\(where_): \(cols.count) field(s)")
            }
            guard let t = Double(cols[0]), let r = Double(cols[1]) else {
                if firstRow { continue }  // the header
                let bad = Double(cols[0]) == nil ? cols[0] : cols[1]
                throw FlagValue.failure(flag, expected: expected,
                                        found: "\(where_): '\(FileErrorText.excerpt(bad, limit: 20))', which is not a number")
            }
            guard t.isFinite, t >= 0 else {
                throw FlagValue.failure(flag, expected: expected, found: "\(where_): time \(cols[0].prefix(20)) s")
            }
            guard r.isFinite, r >= 0 else {
                throw FlagValue.failure(flag, expected: expected, found: "\(where_): rate \(cols[1].prefix(20)) B/s")
            }
            samples.append(TraceDirtyModel.Sample(atSeconds: t, bytesPerSecond: r))
            guard samples.count <= maximumSamples else {
                throw FlagValue.failure(flag, expected: "at most \(maximumSamples) samples", found: "more in \(FlagValue.quote(path))")
            }
        }
        guard !samples.isEmpty else {
            throw FlagValue.failure(flag, expected: "at least one sample", found: "\(FlagValue.quote(path)) with none")
        }
        return samples
    }
}
