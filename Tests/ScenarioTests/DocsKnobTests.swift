import Foundation
import Testing
@testable import Scenario

/// Every key the scenario reader accepts is documented: the reader records the keys each
/// mapping knows, and each must appear as `key` in the reference that covers its section
/// (docs/scenario-reference.md; failures in docs/failure-reference.md; the policy and
/// instance attributes in docs/policy-reference.md). A knob added to the reader without its
/// documentation fails here.
@Suite struct DocsKnobTests {
    static let yaml = """
        name: docs
        fleet:
          network: {oversubscription: 4}
          host_groups:
            - {name: h, count: 4, shape_family: E4, ocpus: 64, memory: 512GiB}
          hosts:
            - {name: x, shape_family: E4, ocpus: 64, memory: 512GiB}
          instance_groups:
            - {name: v, count: 2, shape: E4, ocpus: 1, memory: 1GiB, guest: {dirty: 1MiB/s}, attributes: {storage: remote}}
          instances:
            - {name: i, shape: E4, ocpus: 1, memory: 1GiB}
        campaign:
          hosts: all
          limits: {preset: nova}
          live_migration: {preset: nova}
        reboot_migration: {}
        report: {}
        policy: {preset: oci, oci: {}, reboot: {}, manual: {}, live: {}, lxd: {}}
        failures:
          hosts: {mtbf: 100d}
          racks: {scheduled: []}
          links: {scheduled: []}
          migrations: {abort_per_attempt: 0}
        """

    static func doc(_ name: String) throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/\(name)")
        return try String(contentsOf: url, encoding: .utf8)
    }

    @Test func everyAcceptedKeyIsDocumented() throws {
        let reader = ScenarioReader(yaml: Self.yaml, file: "docs.yaml", baseDirectory: ".", distributionSchema: .stochastics)
        _ = ScenarioLoader.load(reader: reader, path: "docs.yaml")
        let scenarioDoc = try Self.doc("scenario-reference.md"), failureDoc = try Self.doc("failure-reference.md"),
            policyDoc = try Self.doc("policy-reference.md")
        #expect(reader.knownKeys.count > 10, "the reader recorded its sections")
        var missing: [String] = []
        for (path, keys) in reader.knownKeys.sorted(by: { $0.key < $1.key }) {
            let doc = path.hasPrefix("failures") ? failureDoc
                : (path.hasPrefix("policy") || path.hasSuffix(".attributes")) ? policyDoc : scenarioDoc
            for key in keys where !doc.contains("`\(key)`") && !doc.contains("`\(key):") {
                missing.append("\(path).\(key)")
            }
        }
        #expect(missing.isEmpty, "undocumented keys: \(missing)")
    }
}
