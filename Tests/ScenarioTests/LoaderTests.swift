import Foundation
import Testing
@testable import Scenario

@Suite struct LoaderTests {
    @Test func syntaxErrorCarriesLineAndColumn() {
        let yaml = """
        fleet:
          name: east
          racks: 4: 5
        """
        let reader = ScenarioReader(yaml: yaml, file: "bad.yaml")
        #expect(reader.rootNode == nil)
        #expect(reader.diagnostics.count == 1)
        let d = reader.diagnostics[0]
        #expect(d.code == .syntax)
        #expect(d.line == 3 && d.column == 11)
        #expect(d.description == "bad.yaml:3:11: error: expected valid YAML, found mapping values are not allowed in this context")
        #expect(reader.readRoot { _ in 1 } == nil)
        #expect(reader.diagnostics.count == 1)
    }

    @Test func unclosedFlowSequenceIsASyntaxError() {
        let reader = ScenarioReader(yaml: "a: 1\nb: [1, 2\nc: 3\n", file: "bad.yaml")
        #expect(reader.diagnostics.map(\.code) == [.syntax])
        #expect(reader.diagnostics[0].line >= 2)
        #expect(reader.diagnostics[0].description.hasPrefix("bad.yaml:"))
    }

    @Test func tabIndentationIsASyntaxError() {
        let reader = ScenarioReader(yaml: "a:\n\tb: 1\n", file: "tabs.yaml")
        #expect(reader.diagnostics.map(\.code) == [.syntax])
        #expect(reader.diagnostics[0].line == 2)
    }

    @Test func duplicateKeyIsReportedAtTheSecondOccurrenceAndReadingGoesOn() {
        let yaml = """
        fleet:
          name: east
          racks: []
          name: west
          colour: blue
        """
        let (value, diagnostics) = read(yaml, readFleet)
        #expect(value?.0 == "east")
        #expect(diagnostics.map(\.code) == [.duplicateKey, .unknownKey])
        #expect(diagnostics[0].description ==
            "test.yaml:4:3: error: fleet.name: expected each key once per mapping, found duplicate key 'name' (first at line 2)")
        #expect(diagnostics[1].path.description == "fleet.colour")
    }

    @Test func duplicatesInSequencesFlowMappingsAndThreeTimes() {
        let yaml = """
        fleet:
          name: east
          racks:
            - uplink: 1Gbit/s
              hosts: 1
              hosts: 2
              hosts: 3
            - {uplink: 1Gbit/s, hosts: 1, "hosts": 2}
        """
        let (_, diagnostics) = read(yaml, readFleet)
        #expect(diagnostics.map(\.code) == [.duplicateKey, .duplicateKey, .duplicateKey])
        #expect(diagnostics.map(\.line) == [6, 7, 8])
        #expect(diagnostics.map(\.column) == [7, 7, 35])
        #expect(diagnostics.map(\.path.description) == ["fleet.racks[0].hosts", "fleet.racks[0].hosts", "fleet.racks[1].hosts"])
    }

    @Test func emptyDocument() {
        let reader = ScenarioReader(yaml: "# nothing here\n", file: "empty.yaml")
        #expect(reader.diagnostics.map(\.description) == ["empty.yaml:1:1: error: expected a mapping of scenario settings, found an empty document"])
    }

    @Test func missingFile() {
        let reader = ScenarioReader(contentsOfFile: "/nonexistent/dir/fleet.yaml")
        #expect(reader.rootNode == nil)
        #expect(reader.diagnostics.map(\.code) == [.missingFile])
        #expect(reader.diagnostics[0].description == "/nonexistent/dir/fleet.yaml: error: expected an existing scenario file, found no such file")
        #expect(throws: ScenarioError.self) { try ScenarioReader.read(contentsOfFile: "/nonexistent/x.yaml") { _ in 1 } }
    }

    @Test func readsAFileFromDisk() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("scenario-tests-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("s.yaml").path
        try "fleet:\n  name: disk\n  racks: []\n  bogus: 1\n".write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try ScenarioReader.read(contentsOfFile: path, readFleet)
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.map(\.description) == [
                "\(path):4:3: error: fleet.bogus: expected one of the keys name, racks, found unknown key 'bogus'",
            ])
        }
        try "fleet:\n  name: disk\n  racks: []\n".write(toFile: path, atomically: true, encoding: .utf8)
        let fleet = try ScenarioReader.read(contentsOfFile: path, readFleet)
        #expect(fleet.0 == "disk")
    }

    @Test func errorsAreSortedByPosition() {
        let later = ScenarioDiagnostic(.syntax, at: SourceLocation(file: "f", line: 9, column: 1), expected: "x", found: "y")
        let earlier = ScenarioDiagnostic(.syntax, at: SourceLocation(file: "f", line: 2, column: 5), expected: "x", found: "y")
        let error = ScenarioError([later, earlier])
        #expect(error.diagnostics.map(\.line) == [2, 9])
        #expect(error.description == "f:2:5: error: expected x, found y\nf:9:1: error: expected x, found y\n2 errors")
    }
}
