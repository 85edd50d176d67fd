import Foundation
import Testing
@testable import Scenario

/// The reference tables of docs/scenario-reference.md and docs/migrate.md are the knob table
/// (Sources/Scenario/Knobs) printed: a knob edited in one and not the other fails here, with
/// the first line that differs and the command that regenerates the docs.
@Suite struct KnobDocsTests {
    @Test(arguments: KnobTable.DocFile.allCases)
    func docsTablesAreTheKnobTable(_ file: KnobTable.DocFile) throws {
        let text = try DocsKnobTests.doc(file.rawValue)
        let differences = KnobDocs.differences(text, file: file)
        #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
    }

    /// Each section's table lists exactly the keys its reader accepts: a key read but left out
    /// of the table, or a row for a key no reader takes, fails here.
    @Test func tablesListTheKeysTheReadersAccept() throws {
        let reader = ScenarioReader(yaml: DocsKnobTests.yaml, file: "docs.yaml", baseDirectory: ".", distributionSchema: .stochastics)
        _ = ScenarioLoader.load(reader: reader, path: "docs.yaml")
        let sections: [(path: String, table: KnobTable)] = [
            ("", ScenarioKnobs.Top.table), ("report", ScenarioKnobs.Report.table), ("fleet", ScenarioKnobs.Fleet.table),
            ("fleet.network", ScenarioKnobs.Network.table), ("fleet.host_groups[0]", ScenarioKnobs.HostGroup.table),
            ("fleet.hosts[0]", ScenarioKnobs.Host.table), ("fleet.instance_groups[0]", ScenarioKnobs.InstanceGroup.table),
            ("fleet.instance_groups[0].guest", ScenarioKnobs.Guest.table), ("fleet.instances[0]", ScenarioKnobs.Instance.table),
            ("campaign", ScenarioKnobs.Campaign.table), ("campaign.limits", ScenarioKnobs.Limits.table),
            ("campaign.live_migration", ScenarioKnobs.LiveMigration.table), ("reboot_migration", ScenarioKnobs.Reboot.table),
        ]
        for (path, table) in sections {
            let accepted = Set(reader.knownKeys[path] ?? [])
            let rows = Set(table.rows.map { row in String(row.dropFirst(3).prefix { $0 != "`" }) })
            #expect(accepted == rows, "\(table.id): read but not in the table \(accepted.subtracting(rows).sorted()), in the table but not read \(rows.subtracting(accepted).sorted())")
        }
    }
}

/// A default stated in the docs as one literal (`2h`, `25Gbit/s`, `list`) is the default the
/// reader applies: the docs' text is decoded with the knob's own field and compared.
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
        #expect(problems.count == ScenarioKnobs.tables.count - 1)
        #expect(problems.contains { $0.contains("campaign.live_migration") })
        let unknown = KnobDocs.regenerate("<!-- knob-table nowhere: x -->", file: .migrate).problems
        #expect(unknown.contains { $0.contains("unknown table 'nowhere'") })
    }
}
