import Foundation
import Testing
@testable import Scenario

/// The reference tables of docs/scenario-reference.md, policy-reference.md,
/// failure-reference.md and migrate.md are the knob table (Sources/Scenario/Knobs) printed: a
/// knob edited in one and not the other fails here, with the first line that differs and the
/// command that regenerates the docs.
@Suite struct KnobDocsTests {
    /// A scenario that opens every section, every list entry and every random-fault mapping,
    /// so the reader records every key it accepts (`ScenarioReader.knownKeys`).
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
            - {name: i, shape: E4, ocpus: 1, memory: 1GiB, attributes: {}}
        campaign:
          hosts: all
          limits: {preset: nova}
          live_migration: {preset: nova}
        reboot_migration: {}
        report: {}
        policy: {preset: oci, oci: {}, reboot: {}, manual: {}, live: {}, lxd: {}}
        failures:
          hosts: {mtbf: 100d, scheduled: [{host: x, at: 1h}]}
          racks:
            scheduled: [{rack: r, kind: power, at: 1h, duration: 1h}]
            power: {per_rack: 1/365d, outage: 1h}
            tor: {per_rack: 1/365d, outage: 1h}
          links:
            scheduled: [{link: client, at: 1h, duration: 1h, remaining: 0}]
            nic: {per_link: 1/365d, duration: 1h}
          migrations: {abort_per_attempt: 0}
          customers: {}
        """

    static func doc(_ name: String) throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/\(name)")
        return try String(contentsOf: url, encoding: .utf8)
    }

    @Test(arguments: KnobTable.DocFile.allCases)
    func docsTablesAreTheKnobTable(_ file: KnobTable.DocFile) throws {
        let text = try Self.doc(file.rawValue)
        let differences = KnobDocs.differences(text, file: file)
        #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
    }

    /// The mappings a table's keys are read in: its id as a key path (`[i]` is the first
    /// entry), or below it for a key `within` a list entry or a random-fault mapping.
    static func paths(_ table: KnobTable, _ doc: KnobDoc) -> [String] {
        let sections = table.id == "top" ? [""]
            : table.id == "attributes" ? ["fleet.instance_groups[0].attributes", "fleet.instances[0].attributes"]
            : [table.id.replacingOccurrences(of: "[i]", with: "[0]")]
        guard !doc.within.isEmpty else { return sections }
        let below = doc.within.map { $0.replacingOccurrences(of: "[i]", with: "[0]").replacingOccurrences(of: "<class>", with: "nic") }
        return sections.flatMap { section in below.map { section.isEmpty ? $0 : "\(section).\($0)" } }
    }

    /// Every mapping the reader opens lists exactly the keys of the table rows read in it: a
    /// key read but left out of the table, or a row for a key no reader takes, fails here.
    @Test func tablesListTheKeysTheReadersAccept() throws {
        let reader = ScenarioReader(yaml: Self.yaml, file: "docs.yaml", baseDirectory: ".", distributionSchema: .stochastics)
        _ = ScenarioLoader.load(reader: reader, path: "docs.yaml")
        var rows: [String: Set<String>] = [:]
        for table in ScenarioKnobs.tables {
            for case let doc? in table.knobs.map(\.keyDoc) {
                for path in Self.paths(table, doc) { rows[path, default: []].insert(doc.key) }
            }
        }
        // Mappings read by a field type, whose keys its type column names.
        let inTypes: Set = ["campaign.hosts", "policy.lxd.evacuation_pool", "failures.links.scheduled[0].link"]
        #expect(reader.knownKeys.count > 30, "the reader recorded its sections")
        for (path, keys) in reader.knownKeys.sorted(by: { $0.key < $1.key }) where !inTypes.contains(path) {
            let accepted = Set(keys), listed = rows[path] ?? []
            #expect(accepted == listed, "\(path): read but not in the table \(accepted.subtracting(listed).sorted()), in the table but not read \(listed.subtracting(accepted).sorted())")
        }
        let unread = Set(rows.keys).subtracting(reader.knownKeys.keys)
        #expect(unread.isEmpty, "tables for mappings the reader never opened: \(unread.sorted())")
    }
}

/// A default stated in the docs as one literal (`2h`, `25Gbit/s`, `list`) is the default the
/// reader applies: the docs' text is decoded with the knob's own field and compared (for
/// `policy:` with each preset a column names, for `failures:` with the failure groups).
@Suite struct KnobDefaultTests {
    @Test func documentedDefaultsAreTheReadersDefaults() {
        let mismatches = KnobDocs.tables.flatMap(\.defaultMismatches)
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
    }
}

/// The generator itself: what it rewrites, what it reports.
@Suite struct KnobDocsGeneratorTests {
    @Test func rewritesOnlyBetweenTheMarkersAndReportsMissingOnes() throws {
        let table = ScenarioKnobs.Reboot.table
        let doc = "prose before\n\(KnobDocs.beginMarker(table.id))\n| stale |\n\(KnobDocs.endMarker)\nprose after"
        let (text, problems) = KnobDocs.regenerate(doc, file: .scenarioReference)
        #expect(text.hasPrefix("prose before\n") && text.hasSuffix("\nprose after"))
        #expect(text.contains(table.rows[0]) && !text.contains("| stale |"))
        // Every other table of the file has no markers in this text: each is reported by id.
        #expect(problems.count == KnobDocs.tables.filter { $0.file == .scenarioReference }.count - 1)
        #expect(problems.contains { $0.contains("campaign.live_migration") })
        let unknown = KnobDocs.regenerate("<!-- knob-table nowhere: x -->", file: .migrate).problems
        #expect(unknown.contains { $0.contains("unknown table 'nowhere'") })
    }
}
