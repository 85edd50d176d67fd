import ArgumentParser
import Experiment
import Foundation
import Scenario

/// `fleetsim knobs`: the knob table (Sources/Scenario/Knobs) as the docs print it, or the
/// docs' generated tables rewritten from it. The prose around the tables is not touched.
struct KnobsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "knobs",
        abstract: "Print every scenario key and migrate flag, or regenerate the reference tables of the docs.",
        discussion: """
        The tables of docs/scenario-reference.md, policy-reference.md, failure-reference.md
        and migrate.md between the markers
        '<!-- knob-table ID ... -->' and '<!-- end knob-table -->' are generated from the knob
        table in Sources/Scenario/Knobs; a test fails when they disagree.

        Example:
          fleetsim knobs --write-docs docs
        """
    )

    @Option(help: ArgumentHelp("Rewrite the generated tables of the reference docs (scenario, policy, failure, migrate) in this folder.", valueName: "dir"))
    var writeDocs: String?

    func run() throws {
        guard let folder = writeDocs else {
            for table in KnobDocs.tables {
                print("<!-- \(table.id) (docs/\(table.file.rawValue)) -->")
                print(table.markdown.joined(separator: "\n") + "\n")
            }
            return
        }
        for file in KnobTable.DocFile.allCases {
            let path = URL(fileURLWithPath: folder).appendingPathComponent(file.rawValue).path
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw CommandFailure.badInput("error: cannot read \(path)")
            }
            let (generated, problems) = KnobDocs.regenerate(text, file: file)
            guard problems.isEmpty else { throw CommandFailure.badInput("error: " + problems.joined(separator: "\nerror: ")) }
            if generated == text {
                print("\(path): up to date")
            } else {
                try generated.write(toFile: path, atomically: true, encoding: .utf8)
                print("\(path): tables regenerated")
            }
        }
    }
}
