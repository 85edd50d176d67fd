import Foundation

/// A run's report directory as `compare` reads it: per-replication numbers from
/// `summary.json` (`replications[]`) and each instance's last attempt from `instances.csv`.
public struct ReportDirectory: Sendable {
    public let path: String
    /// Per replication index: its seed and numeric metrics by summary.json name.
    public let replications: [Int: (seed: UInt64, metrics: [String: Double])]
    /// (replication, instance) -> the instance's last attempt: action, outcome, final state, final reason.
    public let instances: [InstanceKey: InstanceOutcome]

    public struct InstanceKey: Hashable, Comparable, Sendable {
        public let replication: Int
        public let instance: String
        public static func < (a: InstanceKey, b: InstanceKey) -> Bool { (a.replication, a.instance) < (b.replication, b.instance) }
    }

    public struct InstanceOutcome: Equatable, Sendable {
        public let action: String
        public let outcome: String
        public let finalState: String
        public let finalReason: String
        public var summary: String { "\(action) \(outcome), \(finalState)" }
    }

    /// Fields of a replication entry that identify it rather than measure it.
    static let identityFields: Set<String> = ["replication", "seed"]

    public init(path: String) throws(CommandFailure) {
        self.path = path
        let summaryPath = path + "/summary.json"
        guard let data = FileManager.default.contents(atPath: summaryPath) else {
            throw .badInput("\(summaryPath): expected a run's summary.json, found no such file")
        }
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let list = root["replications"] as? [[String: Any]] else {
            throw .badInput("\(summaryPath): expected a summary.json with a replications list, found something else")
        }
        var reps: [Int: (UInt64, [String: Double])] = [:]
        for entry in list {
            guard let r = (entry["replication"] as? NSNumber)?.intValue, let seed = (entry["seed"] as? NSNumber)?.uint64Value else {
                throw .badInput("\(summaryPath): expected replication and seed in every replications entry, found an entry without them")
            }
            var metrics: [String: Double] = [:]
            for (k, v) in entry where !Self.identityFields.contains(k) {
                // Booleans (campaign_completed) count as 0 or 1: a change there matters too.
                if let b = v as? Bool, !(v is NSNumber) { metrics[k] = b ? 1 : 0 } else if let n = v as? NSNumber { metrics[k] = n.doubleValue }
            }
            reps[r] = (seed, metrics)
        }
        replications = reps
        var outcomes: [InstanceKey: InstanceOutcome] = [:]
        let csvPath = path + "/instances.csv"
        if let text = try? String(contentsOfFile: csvPath, encoding: .utf8) {
            let lines = text.split(separator: "\n").map(String.init)
            let header = lines.first.map(SweepTable.fields) ?? []
            func column(_ name: String) throws(CommandFailure) -> Int {
                guard let i = header.firstIndex(of: name) else {
                    throw .badInput("\(csvPath):1: expected a column '\(name)', found columns \(header.joined(separator: ","))")
                }
                return i
            }
            let (cr, ci, ca, co, cs, cf) = (try column("replication"), try column("instance"), try column("action"),
                                            try column("outcome"), try column("final_state"), try column("final_reason"))
            for line in lines.dropFirst() {
                let f = SweepTable.fields(line)
                guard f.count == header.count, let r = Int(f[cr]) else { continue }
                // Rows are in attempt order: the last one per instance wins.
                outcomes[InstanceKey(replication: r, instance: f[ci])] =
                    InstanceOutcome(action: f[ca], outcome: f[co], finalState: f[cs], finalReason: f[cf])
            }
        }
        instances = outcomes
    }
}
