import FleetSimulation
import Foundation
import Reporting
import Scenario

/// `run --replications R --shard K/N`: replications r with r mod N = K-1, run on their own
/// (a Slurm array task, a Kubernetes Indexed Job pod), written as one `run-shard.json`;
/// `fleetsim merge` joins shards 1..N into the report set the unsharded run writes, byte for
/// byte.
///
/// A shard keeps, per replication, what the campaign runner returned and the recorder's
/// snapshot (every record the reports read). It does not keep the fleet: `merge` reads the
/// scenario again with the same command-line settings and rebuilds the fleet (and each
/// replication's own fleet when the scenario resamples it) — cheap next to the simulation,
/// and it makes the merged identity (file, seed, overrides) the unsharded run's. The
/// scenario file's digest is kept to refuse a merge after the file changed.
public enum RunShard {
    public static let fileName = "run-shard.json"
    /// Bumped when the file's layout changes; `merge` refuses other versions.
    static let layoutVersion = 1

    /// What ran: the command line's result-changing settings, so `merge` can load the same
    /// scenario the same way. Shards of one run differ only in `shard`.
    public struct Manifest: Codable, Equatable, Sendable {
        public var layout = RunShard.layoutVersion
        public var toolVersion = fleetsimVersion
        public var scenario: String
        public var scenarioDigest: String
        public var seed: UInt64?
        public var replications: Int?
        public var scale: Double?
        public var settings: [String]
        public var allowOutsidePaths: Bool
        public var formats: [String]
        public var shard: String

        public init(scenario: String, scenarioDigest: String, seed: UInt64?, replications: Int?, scale: Double?,
                    settings: [String], allowOutsidePaths: Bool, formats: [String], shard: String) {
            self.scenario = scenario
            self.scenarioDigest = scenarioDigest
            self.seed = seed
            self.replications = replications
            self.scale = scale
            self.settings = settings
            self.allowOutsidePaths = allowOutsidePaths
            self.formats = formats
            self.shard = shard
        }

        /// The same run, whatever the shard.
        func sameRun(as other: Manifest) -> Bool {
            var a = self, b = other
            a.shard = ""; b.shard = ""
            return a == b
        }
    }

    struct Replication: Codable {
        var result: RunResult
        var recorder: RunRecorderSnapshot
    }

    struct File: Codable {
        var manifest: Manifest
        var replications: [Replication]
    }

    /// FNV-1a (64-bit) of the scenario file's bytes: enough to notice that the file changed
    /// between the shards and the merge (not a security check).
    public static func digest(ofFile path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return "fnv1a64:" + String(h, radix: 16)
    }

    /// The shard file's text: sorted keys, so the same shard gives the same bytes.
    public static func render(_ manifest: Manifest, _ outcome: PreparedScenario.Outcome) -> String {
        let file = File(manifest: manifest, replications: zip(outcome.results, outcome.recorders).map {
            Replication(result: $0.0, recorder: $0.1.recorder.snapshot)
        })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // Unlimited links have an infinite capacity.
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        // Every field is a plain value: encoding cannot fail.
        let data = try! encoder.encode(file)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func read(directory: String) throws(CommandFailure) -> File {
        let path = directory + "/" + fileName
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .badInput("\(path): cannot be read (expected the directory of `fleetsim run --shard K/N`)")
        }
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        do {
            return try decoder.decode(File.self, from: data)
        } catch {
            throw .badInput("\(path): expected a run shard of layout \(layoutVersion) written by `fleetsim run --shard K/N`, found a file that does not read as one (\(error))")
        }
    }
}
