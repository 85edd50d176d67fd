/// `trace`: replays a dirty-rate time series, e.g. QEMU's `dirty-pages-rate` sampled from
/// `query-migrate`. Each sample gives the rate of newly dirtied (distinct) bytes per second from
/// its time until the next sample; the dirty set grows by rate x run fraction and is capped at
/// guest memory.
public struct TraceDirtyModel: Sendable {
    public struct Sample: Sendable, Equatable {
        public var atSeconds: Double
        public var bytesPerSecond: Double
        public init(atSeconds: Double, bytesPerSecond: Double) {
            self.atSeconds = atSeconds
            self.bytesPerSecond = bytesPerSecond
        }
    }

    public let samples: [Sample]
    public let memoryBytes: Int64
    public let pageSizeBytes: Int64
    var clockSeconds: Double = 0
    var dirtyBytes: Double = 0

    public init(samples: [Sample], memoryBytes: Int64, pageSizeBytes: Int64 = 4096) {
        self.samples = samples.sorted { $0.atSeconds < $1.atSeconds }
        self.memoryBytes = memoryBytes
        self.pageSizeBytes = pageSizeBytes
    }

    /// Parse `seconds,bytes_per_second` lines; a header line and `#` comments are skipped.
    public static func parseCSV(_ text: String) throws -> [Sample] {
        var out: [Sample] = []
        for (n, raw) in text.split(whereSeparator: \.isNewline).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cols = line.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cols.count >= 2, let t = Double(cols[0]), let r = Double(cols[1]) else {
                if n == 0 { continue }  // header
                throw TraceError.badLine(n + 1, String(line))
            }
            out.append(Sample(atSeconds: t, bytesPerSecond: r))
        }
        return out
    }

    public enum TraceError: Error, Equatable { case badLine(Int, String) }

    /// Integral of the trace rate over [from, to).
    func integral(from: Double, to: Double) -> Double {
        guard to > from else { return 0 }
        var total = 0.0
        for (i, s) in samples.enumerated() {
            let start = max(s.atSeconds, from)
            let end = min(i + 1 < samples.count ? samples[i + 1].atSeconds : .infinity, to)
            if end > start { total += s.bytesPerSecond * (end - start) }
        }
        return total
    }

    public mutating func advance(seconds: Double, runFraction: Double) {
        guard seconds > 0 else { return }
        dirtyBytes = min(Double(memoryBytes), dirtyBytes + integral(from: clockSeconds, to: clockSeconds + seconds) * runFraction)
        clockSeconds += seconds
    }

    public var dirtyPages: Double { dirtyBytes / Double(pageSizeBytes) }

    public mutating func sync() -> Double {
        let d = dirtyPages
        dirtyBytes = 0
        return d
    }
}

import Foundation
