import Foundation

/// One real migration of the validation set (Validation/qemu-7.2/runs.csv): the inputs a
/// simulator gets and QEMU's own `query-migrate` figures at the end.
public struct ValidationRun: Sendable, Equatable {
    public var runID: String
    public var ramMiB: Int
    public var guest: String
    public var wwsPages: Int
    public var guestPageWritesPerSecond: Double
    public var maxBandwidthMiBs: Double
    public var downtimeLimitMs: Double
    public var autoConverge: Bool
    public var capSeconds: Double
    public var converged: Bool
    public var totalTimeMs: Double?
    public var downtimeMs: Double?
    public var ramTransferredBytes: Double
    public var dirtySyncCount: Int

    /// Whether the guest's vCPU runs during the migration: the hot and paced guests write
    /// their working set without halting; the idle guest (no working set) halts.
    public var guestRuns: Bool { wwsPages > 0 && guestPageWritesPerSecond > 0 }

    /// Parse runs.csv (comma-separated, a header line naming the columns, no quoting).
    public static func parse(csv text: String) throws -> [ValidationRun] {
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)
        guard !lines.isEmpty else { return [] }
        let header = lines.removeFirst().split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        func col(_ name: String) throws -> Int {
            guard let i = header.firstIndex(of: name) else { throw ValidationSetError.missingColumn(name) }
            return i
        }
        let c = try (id: col("run_id"), ram: col("ram_mib"), guest: col("guest"), wws: col("wws_pages"),
                     writes: col("guest_page_writes_per_s"), bw: col("max_bandwidth_mibs"),
                     dt: col("downtime_limit_ms"), ac: col("auto_converge"), cap: col("cap_s"),
                     conv: col("converged"), total: col("total_time_ms"), down: col("downtime_ms"),
                     bytes: col("ram_transferred_bytes"), syncs: col("dirty_sync_count"))
        return try lines.enumerated().map { n, line in
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard f.count == header.count else { throw ValidationSetError.badRow(n + 2) }
            func num(_ i: Int) throws -> Double {
                guard let v = Double(f[i]) else { throw ValidationSetError.badRow(n + 2) }
                return v
            }
            return ValidationRun(
                runID: f[c.id], ramMiB: Int(try num(c.ram)), guest: f[c.guest], wwsPages: Int(try num(c.wws)),
                guestPageWritesPerSecond: try num(c.writes), maxBandwidthMiBs: try num(c.bw),
                downtimeLimitMs: try num(c.dt), autoConverge: f[c.ac] == "true", capSeconds: try num(c.cap),
                converged: f[c.conv] == "true", totalTimeMs: Double(f[c.total]), downtimeMs: Double(f[c.down]),
                ramTransferredBytes: try num(c.bytes), dirtySyncCount: Int(try num(c.syncs)))
        }
    }
}

public enum ValidationSetError: Error, CustomStringConvertible {
    case missingColumn(String)
    case badRow(Int)
    public var description: String {
        switch self {
        case .missingColumn(let c): return "runs.csv: missing column '\(c)'"
        case .badRow(let n): return "runs.csv:\(n): malformed row"
        }
    }
}
