/// The scenario knobs, one enum per section (`ScenarioKnobs+*.swift`), `policy:` and
/// `failures:` included.
public enum ScenarioKnobs {
    /// The tables of docs/scenario-reference.md, policy-reference.md and failure-reference.md,
    /// in the docs' order.
    static var tables: [KnobTable] {
        [Top.table, Report.table, Fleet.table, Network.table, HostGroup.table, Host.table, InstanceGroup.table,
         Guest.table, Instance.table, Campaign.table, Limits.table, LiveMigration.table, Reboot.table,
         Policy.table, PolicyLive.table, PolicyOCI.table, PolicyReboot.table, PolicyManual.table, PolicyLXD.table, Attributes.table,
         Failures.table, FailureHosts.table, FailureRacks.table, FailureLinks.table, FailureMigrations.table,
         FailureCustomers.table]
    }
}

/// The reference tables of the docs, generated from the knob table. Only the tables between
/// the markers are generated; the prose around them is written by hand.
public enum KnobDocs {
    public static var tables: [KnobTable] { ScenarioKnobs.tables + MigrateFlags.tables }

    public static let regenerateCommand = "swift run fleetsim knobs --write-docs docs"
    static let beginPrefix = "<!-- knob-table "
    public static let endMarker = "<!-- end knob-table -->"

    static func beginMarker(_ id: String) -> String {
        "\(beginPrefix)\(id): generated from Sources/Scenario/Knobs (`\(regenerateCommand)`); edit the table there -->"
    }

    /// `text` (the contents of `file`) with each of its tables regenerated between its
    /// markers, and the problems found (a table without markers, a marker naming no table).
    public static func regenerate(_ text: String, file: KnobTable.DocFile) -> (text: String, problems: [String]) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var problems: [String] = []
        let mine = tables.filter { $0.file == file }
        for table in mine {
            guard let begin = lines.firstIndex(where: { $0.hasPrefix(beginPrefix + table.id + ":") }),
                  let end = lines[begin...].firstIndex(of: endMarker) else {
                problems.append("docs/\(file.rawValue): no '\(beginPrefix)\(table.id): ...' ... '\(endMarker)' markers for table \(table.id)")
                continue
            }
            lines.replaceSubrange(begin...end, with: [beginMarker(table.id)] + table.markdown + [endMarker])
        }
        let ids = Set(mine.map(\.id))
        for line in lines where line.hasPrefix(beginPrefix) {
            let id = String(line.dropFirst(beginPrefix.count).prefix { $0 != ":" })
            if !ids.contains(id) { problems.append("docs/\(file.rawValue): marker for unknown table '\(id)'") }
        }
        return (lines.joined(separator: "\n"), problems)
    }

    /// Empty when `text` holds exactly the generated tables; else what differs, first line
    /// first, and how to regenerate.
    public static func differences(_ text: String, file: KnobTable.DocFile) -> [String] {
        let (generated, problems) = regenerate(text, file: file)
        var found = problems
        if generated != text {
            let old = text.split(separator: "\n", omittingEmptySubsequences: false)
            let new = generated.split(separator: "\n", omittingEmptySubsequences: false)
            let line = (0..<min(old.count, new.count)).first { old[$0] != new[$0] } ?? min(old.count, new.count)
            let was = line < old.count ? String(old[line]) : "(end of file)"
            let want = line < new.count ? String(new[line]) : "(end of file)"
            found.append("docs/\(file.rawValue):\(line + 1) differs from the knob table\n- docs:  \(was)\n+ table: \(want)")
        }
        if !found.isEmpty { found.append("edit the knob in Sources/Scenario/Knobs, then run `\(regenerateCommand)`") }
        return found
    }
}
