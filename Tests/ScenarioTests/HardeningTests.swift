import FleetSimulation
import Foundation
import Testing
@testable import Scenario

/// Issue 9, input hardening at the scenario layer: each test failed (or crashed) before its fix.
@Suite struct HardeningTests {
    let fleetAndCampaign = """
        fleet:
          host_groups:
            - name: e4
              count: 4
              shape_family: E4
              ocpus: 64
              memory: 256GiB
          instance_groups:
            - name: vm
              count: 8
              shape: E4
              ocpus: 2
              memory: MEMORY
        campaign:
          hosts: all
          move: live
        """

    func scenario(memory: String = "16GiB", appending extra: String = "") -> String {
        fleetAndCampaign.replacingOccurrences(of: "MEMORY", with: memory) + "\n" + extra
    }

    @Test func pathsOfOneCharacterHaveADirectoryAndAStem() {
        #expect(FilePath.directory(of: "x") == ".")
        #expect(FilePath.directory(of: ".") == ".")
        #expect(FilePath.directory(of: "-") == ".")
        #expect(FilePath.directory(of: "/x.yaml") == "/")
        #expect(FilePath.directory(of: "a/b/c.yaml") == "a/b")
        #expect(FilePath.stem(of: "a/b/c.yaml") == "c")
        #expect(FilePath.stem(of: ".") == ".")
        #expect(FilePath.pathExtension(of: "/etc/shadow") == "")
        #expect(FilePath.pathExtension(of: "s.YAML") == "yaml")
    }

    @Test func pathsOutsideAFolderAreFoundLexically() {
        #expect(FilePath.isInside("d/data.csv", directory: "d", workingDirectory: "/w"))
        #expect(FilePath.isInside("d/sub/../data.csv", directory: "d", workingDirectory: "/w"))
        #expect(!FilePath.isInside("d/../../../../etc/passwd", directory: "d", workingDirectory: "/w"))
        #expect(!FilePath.isInside("/etc/shadow", directory: "d", workingDirectory: "/w"))
        #expect(!FilePath.isInside("dx/data.csv", directory: "d", workingDirectory: "/w"))
    }

    @Test func zeroNeedsNoUnitAndHugeSizesAreRefused() {
        #expect(QuantityParser.parse("0", as: .bytesPerSecond) == .success(0))
        #expect(QuantityParser.parse("0", as: .duration) == .success(0))
        #expect(QuantityParser.parse("0", as: .bytes, range: .positive) == .failure(.outOfRange))
        #expect(QuantityParser.parse("9223372036854775808B", as: .bytes) == .failure(.tooLarge))
        #expect(QuantityParser.parse("1e30Gbit/s", as: .bytesPerSecond) == .failure(.tooLarge))
        #expect(QuantityParser.parse("1PiB", as: .bytes) == .success(1_125_899_906_842_624))
    }

    @Test func dirtyZeroIsTheDocumentedDefaultAndAccepted() {
        let yaml = scenario().replacingOccurrences(of: "      memory: 16GiB", with: "      memory: 16GiB\n      guest:\n        dirty: 0")
        #expect(schemaLoadOK(yaml) != nil)
    }

    @Test func hostMemoryZeroIsBlamedOnMemory() {
        let d = schemaLoad(scenario().replacingOccurrences(of: "memory: 256GiB", with: "memory: 0B")).diagnostics
        #expect(d.map(\.path.description) == ["fleet.host_groups[0].memory"])
    }

    @Test(arguments: ["0B", "3KiB", "256B", "2GiB"])
    func pageSizeIsAPowerOfTwoFrom512Bytes(_ page: String) {
        let d = schemaLoad(scenario().replacingOccurrences(of: "  move: live", with: "  move: live\n  live_migration:\n    page_size: \(page)")).diagnostics
        #expect(d.map(\.path.description) == ["campaign.live_migration.page_size"], "\(d)")
    }

    @Test func aStatedDowntimeLimitReplacesTheNovaRamp() throws {
        let yaml = scenario().replacingOccurrences(of: "  move: live", with: "  move: live\n  live_migration:\n    preset: nova\n    downtime_limit: 100ms")
        let loaded = try #require(schemaLoadOK(yaml))
        let p = loaded.config.campaign.liveMigration.parameters(memoryBytes: 4 << 30, zeroPageFraction: 0)
        #expect(p.downtimeLimitSeconds == 0.1)
        #expect(p.management.downtimeSteps.isEmpty)
    }

    @Test func drawsThatCannotFitAreRefusedWhereWritten() {
        let d = schemaLoad(scenario(memory: "{dist: lognormal, median: 16GiB, sigma: 40}")).diagnostics
        #expect(d.map(\.path.description) == ["fleet.instance_groups[0].memory"])
        #expect(d.first?.expected.contains("draws stay within 1EiB") == true)
        let boot = schemaLoad(scenario(appending: "reboot_migration:\n  boot: {dist: pareto, scale: 1s, shape: 0.01}\n")).diagnostics
        #expect(boot.map(\.path.description) == ["reboot_migration.boot"])
    }

    @Test func nanosecondFailuresAndSamplesAreRefused() {
        let mtbf = schemaLoad(scenario(appending: "failures:\n  hosts:\n    mtbf: 1ns\n")).diagnostics
        #expect(mtbf.map(\.path.description) == ["failures.hosts.mtbf"])
        let sample = schemaLoad(scenario(appending: "report:\n  link_sample_interval: 1ns\n")).diagnostics
        #expect(sample.map(\.path.description) == ["report.link_sample_interval"])
    }

    @Test func antiAffinityLargerThanTheHostsIsNamedAtItsKey() {
        let yaml = scenario().replacingOccurrences(of: "      memory: 16GiB", with: "      memory: 16GiB\n      anti_affinity_group_size: 5")
        let d = schemaLoad(yaml).diagnostics
        #expect(d.map(\.path.description) == ["fleet.instance_groups[0].anti_affinity_group_size"])
        #expect(d.first?.expected.hasPrefix("at most 4") == true)
    }

    @Test func nonUTF8IsPlacedAtItsLineAndColumn() {
        #expect(ScenarioFileCheck.firstInvalidUTF8(in: Data("a: 1\nname: caf".utf8) + Data([0xE9, 0x0A])) == (2, 10))
        #expect(ScenarioFileCheck.firstInvalidUTF8(in: Data([0xFF])) == (1, 1))
    }

    // MARK: empirical CSV files

    func withCSV(_ csv: String, named name: String = "m.csv", memory: String = "{dist: empirical, file: m.csv}",
                 options: ScenarioReadOptions = ScenarioReadOptions(),
                 _ body: ([ScenarioDiagnostic], LoadedScenario?) -> Void) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fleetsim-hardening-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try csv.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        switch ScenarioLoader.load(yaml: scenario(memory: memory), file: "s.yaml", baseDirectory: dir.path, options: options) {
        case .success(let l): body([], l)
        case .failure(let e): body(e.diagnostics, nil)
        }
    }

    @Test func csvCellsCarryUnits() throws {
        try withCSV("memory\n8GiB\n16GiB\n") { d, loaded in
            #expect(d.isEmpty, "\(d)")
            guard case .empirical(let table)? = loaded?.config.fleet.instanceGroups.first?.memoryBytes else {
                Issue.record("not empirical"); return
            }
            #expect(table.values == [8 * 1_073_741_824, 16 * 1_073_741_824])
        }
    }

    @Test func aBareNumberWhereAUnitIsNeededNamesFileRowAndColumn() throws {
        try withCSV("8,16\n") { d, _ in
            #expect(d.count == 1)
            #expect(d.first?.found.contains("m.csv line 1, column 0: expected a byte size with a unit") == true, "\(d)")
            #expect(d.first?.found.contains("found '8' (missing unit)") == true, "\(d)")
        }
    }

    @Test func csvOutsideTheFolderIsRefusedUnlessAllowed() throws {
        try withCSV("1GiB\n", memory: "{dist: empirical, file: ../../../../../../etc/passwd}") { d, _ in
            #expect(d.first?.expected.contains("--allow-outside-paths") == true, "\(d)")
            #expect(d.first?.found.contains("root") == false)
        }
        try withCSV("1GiB\n", memory: "{dist: empirical, file: ../../../../../../etc/passwd}",
                    options: ScenarioReadOptions(allowOutsidePaths: true)) { d, _ in
            // Allowed out, still not a CSV: refused unread.
            #expect(d.first?.expected == "a CSV file whose name ends in .csv", "\(d)")
        }
    }

    @Test func aCSVLargerThanTheMemoryLimitIsRefusedBeforeReading() throws {
        try withCSV(String(repeating: "8GiB\n", count: 1000), options: ScenarioReadOptions(maxMemoryBytes: 4096)) { d, _ in
            #expect(d.first?.expected.contains("fits the memory limit of 4.0 KiB") == true, "\(d)")
        }
    }
}
