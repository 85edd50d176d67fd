import Foundation

/// The scoring of Validation/qemu-7.2/README.md: per run the convergence verdict; for runs that
/// converged in reality and in the model, relative errors of total time, bytes and sync count and
/// the absolute error of downtime; for runs that converged in neither, relative errors of bytes
/// and sync count at the cap. Medians and 90th percentiles (linear interpolation) of the
/// absolute errors, over the set and by guest kind.
public struct ValidationScore: Sendable {
    public struct RunResult: Sendable {
        public var run: ValidationRun
        public var outcome: MigrationOutcome
        public var modelConverged: Bool { outcome.state == .completed }
        public var verdictMatches: Bool { modelConverged == run.converged }
        public var bytesError: Double { relative(outcome.bytesSent, run.ramTransferredBytes) }
        public var syncError: Double { relative(Double(outcome.dirtySyncCount), Double(run.dirtySyncCount)) }
        public var totalTimeError: Double? {
            run.totalTimeMs.map { relative(outcome.totalTimeSeconds * 1000, $0) }
        }
        public var downtimeErrorMs: Double? { run.downtimeMs.map { abs(outcome.downtimeSeconds * 1000 - $0) } }
    }

    /// One line of the table: a group of runs.
    public struct Row: Sendable {
        public var group: String
        public var runs: Int
        public var verdict: Double
        public var syncMedian: Double?, syncP90: Double?
        public var convergedRuns: Int
        public var totalMedian: Double?, totalP90: Double?
        public var bytesMedian: Double?, bytesP90: Double?
        public var downtimeMedianMs: Double?, downtimeP90Ms: Double?
        public var cappedRuns: Int
        public var cappedBytesMedian: Double?, cappedBytesP90: Double?
    }

    public var results: [RunResult]

    public init(runs: [ValidationRun], machine: ValidationMachine = ValidationMachine()) {
        results = runs.map { RunResult(run: $0, outcome: machine.simulate($0)) }
    }

    public func row(_ group: String, where include: (ValidationRun) -> Bool) -> Row {
        let rs = results.filter { include($0.run) }
        let agree = rs.filter(\.verdictMatches)
        let conv = agree.filter { $0.run.converged }
        let capped = agree.filter { !$0.run.converged }
        return Row(group: group, runs: rs.count,
                   verdict: rs.isEmpty ? 0 : Double(agree.count) / Double(rs.count),
                   syncMedian: Self.quantile(agree.map(\.syncError), 0.5),
                   syncP90: Self.quantile(agree.map(\.syncError), 0.9),
                   convergedRuns: conv.count,
                   totalMedian: Self.quantile(conv.compactMap(\.totalTimeError), 0.5),
                   totalP90: Self.quantile(conv.compactMap(\.totalTimeError), 0.9),
                   bytesMedian: Self.quantile(conv.map(\.bytesError), 0.5),
                   bytesP90: Self.quantile(conv.map(\.bytesError), 0.9),
                   downtimeMedianMs: Self.quantile(conv.compactMap(\.downtimeErrorMs), 0.5),
                   downtimeP90Ms: Self.quantile(conv.compactMap(\.downtimeErrorMs), 0.9),
                   cappedRuns: capped.count,
                   cappedBytesMedian: Self.quantile(capped.map(\.bytesError), 0.5),
                   cappedBytesP90: Self.quantile(capped.map(\.bytesError), 0.9))
    }

    /// All runs, then each guest kind in order of first appearance.
    public var rows: [Row] {
        var kinds: [String] = []
        for r in results where !kinds.contains(r.run.guest) { kinds.append(r.run.guest) }
        return [row("all") { _ in true }] + kinds.map { k in row(k) { $0.guest == k } }
    }

    /// The targets on the whole set; empty when all are met, else what failed.
    public var targetFailures: [String] {
        let a = row("all") { _ in true }
        var f: [String] = []
        if a.verdict < 1 { f.append("verdict \(a.verdict) < 100 %") }
        if (a.syncMedian ?? 0) > 0 { f.append("sync median \(a.syncMedian!) > 0") }
        if (a.syncP90 ?? 0) > 0.25 { f.append("sync p90 \(a.syncP90!) > 25 %") }
        if (a.totalMedian ?? 0) > 0.15 { f.append("total time median \(a.totalMedian!) > 15 %") }
        if (a.totalP90 ?? 0) > 0.45 { f.append("total time p90 \(a.totalP90!) > 45 %") }
        if (a.bytesMedian ?? 0) > 0.01 { f.append("bytes median \(a.bytesMedian!) > 1 %") }
        if (a.downtimeMedianMs ?? 0) > 2.5 { f.append("downtime median \(a.downtimeMedianMs!) ms > 2.5 ms") }
        if (a.cappedBytesMedian ?? 0) > 0.015 { f.append("capped bytes median \(a.cappedBytesMedian!) > 1.5 %") }
        return f
    }

    /// The scoring table as Markdown.
    public var table: String {
        func pct(_ v: Double?) -> String { v.map { String(format: "%.1f %%", $0 * 100) } ?? "–" }
        func ms(_ v: Double?) -> String { v.map { String(format: "%.1f ms", $0) } ?? "–" }
        var s = "| guest | runs | verdict | syncs med / p90 | converged | total time med / p90 | bytes med / p90 | downtime med / p90 | capped | bytes at cap med / p90 |\n"
        s += "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
        for r in rows {
            s += "| \(r.group) | \(r.runs) | \(pct(r.verdict)) | \(pct(r.syncMedian)) / \(pct(r.syncP90)) | \(r.convergedRuns) | "
            s += "\(pct(r.totalMedian)) / \(pct(r.totalP90)) | \(pct(r.bytesMedian)) / \(pct(r.bytesP90)) | "
            s += "\(ms(r.downtimeMedianMs)) / \(ms(r.downtimeP90Ms)) | \(r.cappedRuns) | "
            s += "\(pct(r.cappedBytesMedian)) / \(pct(r.cappedBytesP90)) |\n"
        }
        return s
    }

    /// Linear-interpolated quantile of `values` (nil when empty).
    public static func quantile(_ values: [Double], _ q: Double) -> Double? {
        guard !values.isEmpty else { return nil }
        let v = values.sorted()
        let x = q * Double(v.count - 1)
        let lo = Int(x.rounded(.down)), hi = min(lo + 1, v.count - 1)
        return v[lo] + (v[hi] - v[lo]) * (x - Double(lo))
    }
}

func relative(_ model: Double, _ real: Double) -> Double { abs(model - real) / max(abs(real), 1e-300) }
