import Foundation
import Testing
@testable import Scenario

/// Mistakes in a scenario: each is reported once, at the line and column of the value (or
/// key) at fault, with its key path, and reading goes on so one pass finds them all.
@Suite struct SchemaErrorTests {
    /// A valid fleet with `hostGroupLine` inserted into its only host group.
    func withHostGroupLine(_ line: String) -> String {
        """
        fleet:
          host_groups:
            - name: e4
              count: 2
              shape_family: E4
              ocpus: 64
              memory: 1TiB
              \(line)
        campaign:
          hosts: all

        """
    }

    @Test func typoInAKeyIsAnUnknownKeyWithADidYouMean() {
        let diagnostics = schemaLoad(withHostGroupLine("hosts_per_rak: 4")).diagnostics
        #expect(diagnostics.count == 1)
        let d = diagnostics[0]
        #expect(d.code == .unknownKey)
        #expect(d.path.description == "fleet.host_groups[0].hosts_per_rak")
        #expect((d.line, d.column) == (8, 7))  // at the key
        #expect(d.suggestion == "hosts_per_rack")
        #expect(d.found == "unknown key 'hosts_per_rak'")
        #expect(d.description.hasSuffix("(did you mean 'hosts_per_rack'?)"))
        #expect(d.description.hasPrefix("s.yaml:8:7: error: fleet.host_groups[0].hosts_per_rak: expected one of the keys "))
    }

    @Test func typoAtTheRootAndInTheCampaign() {
        let diagnostics = schemaLoad("replicatons: 3\n" + minimalScenario + "  max_hosts_in_maintenence: 2\n").diagnostics
        #expect(diagnostics.map(\.code) == [.unknownKey, .unknownKey])
        #expect(diagnostics.map(\.path.description) == ["replicatons", "campaign.max_hosts_in_maintenence"])
        #expect(diagnostics.map(\.suggestion) == ["replications", "max_hosts_in_maintenance"])
        #expect(diagnostics.map(\.line) == [1, 10])
    }

    @Test func aKeyFarFromAnyKnownKeyHasNoSuggestion() {
        let diagnostics = schemaLoad(withHostGroupLine("colour: blue")).diagnostics
        #expect(diagnostics.map(\.code) == [.unknownKey])
        #expect(diagnostics.first?.suggestion == nil)
    }

    @Test func negativeBandwidth() {
        let diagnostics = schemaLoad(withHostGroupLine("nic: -25Gbit/s")).diagnostics
        #expect(diagnostics.map(\.description) == [
            "s.yaml:8:12: error: fleet.host_groups[0].nic: expected a positive bandwidth, found '-25Gbit/s'",
        ])
        #expect(diagnostics.first?.code == .negative)
        // Zero is no bandwidth either.
        let zero = schemaLoad(withHostGroupLine("nic: 0Gbit/s")).diagnostics
        #expect(zero.map(\.code) == [.outOfRange])
        #expect(zero.first?.path.description == "fleet.host_groups[0].nic")
    }

    @Test func missingUnit() {
        let yaml = withHostGroupLine("nic: 25").replacingOccurrences(of: "memory: 1TiB", with: "memory: 16")
        let diagnostics = schemaLoad(yaml).diagnostics
        #expect(diagnostics.map(\.code) == [.missingUnit, .missingUnit])
        #expect(diagnostics.map(\.description) == [
            "s.yaml:7:15: error: fleet.host_groups[0].memory: expected a positive byte size with a unit (e.g. 16GiB, 512MiB, 1.5TB), found '16' (missing unit)",
            "s.yaml:8:12: error: fleet.host_groups[0].nic: expected a positive bandwidth with a unit (e.g. 25Gbit/s, 10Gbps, 128MiB/s), found '25' (missing unit)",
        ])
        // A duration without a unit, too.
        let horizon = schemaLoad("horizon: 90\n" + minimalScenario).diagnostics
        #expect(horizon.map(\.code) == [.missingUnit])
        #expect(horizon.first?.path.description == "horizon")
    }

    @Test func unknownUnitSuggestsTheClosest() {
        let diagnostics = schemaLoad(withHostGroupLine("nic: 25Gbit/sec")).diagnostics
        #expect(diagnostics.map(\.code) == [.unknownUnit])
        #expect(diagnostics.first?.path.description == "fleet.host_groups[0].nic")
    }

    @Test func wrongType() {
        let yaml = withHostGroupLine("").replacingOccurrences(of: "count: 2", with: "count: [1,2]")
        let diagnostics = schemaLoad(yaml).diagnostics
        #expect(diagnostics.map(\.description) == [
            "s.yaml:4:14: error: fleet.host_groups[0].count: expected a whole number of at least 1, found a sequence",
        ])
        #expect(diagnostics.first?.code == .wrongType)
        // A mapping where a sequence is expected, and a scalar where a mapping is.
        let fleetScalar = schemaLoad("fleet: big\ncampaign:\n  hosts: all\n").diagnostics
        #expect(fleetScalar.map(\.code) == [.wrongType])
        #expect(fleetScalar.first?.path.description == "fleet")
        let groupsMapping = schemaLoad("fleet:\n  host_groups: {name: x}\ncampaign:\n  hosts: all\n").diagnostics
        #expect(groupsMapping.map(\.code) == [.wrongType])
        #expect(groupsMapping.first?.path.description == "fleet.host_groups")
    }

    @Test func fractionalCountIsNotAWholeNumber() {
        let yaml = withHostGroupLine("").replacingOccurrences(of: "count: 2", with: "count: 2.5")
        let diagnostics = schemaLoad(yaml).diagnostics
        #expect(diagnostics.map(\.code) == [.badNumber])
        #expect(diagnostics.first?.path.description == "fleet.host_groups[0].count")
    }

    @Test func missingRequiredKeyIsReportedAtItsMapping() {
        let yaml = withHostGroupLine("").replacingOccurrences(of: "      ocpus: 64\n", with: "")
        let diagnostics = schemaLoad(yaml).diagnostics
        #expect(diagnostics.map(\.code) == [.missingKey])
        #expect(diagnostics.first?.path.description == "fleet.host_groups[0].ocpus")
        #expect(diagnostics.first?.line == 3)
    }

    /// The four classic mistakes in one document: exactly four diagnostics, in file order,
    /// each at its own line and column with its key path.
    @Test func fourMistakesGiveExactlyFourDiagnostics() {
        let yaml = """
            fleet:
              host_groups:
                - name: e4
                  count: [1, 2]
                  shape_family: E4
                  ocpus: 64
                  memory: 1TiB
                  nic: -25Gbit/s
              hosts:
                - name: h1
                  shape_family: E4
                  ocpus: 8
                  memory: 16
            campaign:
              hosts: all
              max_hosts_in_maintenanse: 2

            """
        let (scenario, diagnostics) = schemaLoad(yaml, file: "bad.yaml")
        #expect(scenario == nil)
        #expect(diagnostics.count == 4)
        #expect(diagnostics.map(\.code) == [.wrongType, .negative, .missingUnit, .unknownKey])
        #expect(diagnostics.map { "\($0.line):\($0.column)" } == ["4:14", "8:12", "13:15", "16:3"])
        #expect(diagnostics.map(\.path.description) == [
            "fleet.host_groups[0].count", "fleet.host_groups[0].nic", "fleet.hosts[0].memory",
            "campaign.max_hosts_in_maintenanse",
        ])
        #expect(diagnostics.allSatisfy { $0.file == "bad.yaml" && $0.severity == .error })
        #expect(diagnostics[3].suggestion == "max_hosts_in_maintenance")
        // Rendered as the CLI prints it: one line each, then the count.
        guard case .failure(let error) = ScenarioLoader.load(yaml: yaml, file: "bad.yaml") else { return }
        let lines = error.rendered.split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        #expect(lines.last == "4 errors")
        #expect(lines[0].hasPrefix("bad.yaml:4:14: error: fleet.host_groups[0].count: "))
        #expect(lines[1].hasPrefix("bad.yaml:8:12: error: fleet.host_groups[0].nic: "))
        #expect(lines[2].hasPrefix("bad.yaml:13:15: error: fleet.hosts[0].memory: "))
        #expect(lines[3].hasPrefix("bad.yaml:16:3: error: campaign.max_hosts_in_maintenanse: "))
    }

    @Test func duplicateKeyInAScenario() {
        let diagnostics = schemaLoad("seed: 1\nseed: 2\n" + minimalScenario).diagnostics
        #expect(diagnostics.map(\.code) == [.duplicateKey])
        #expect(diagnostics.first?.path.description == "seed")
        #expect(diagnostics.first?.line == 2)
    }
}

/// Distribution fields: parse errors and the distribution's own objections are reported at
/// the parameter that is wrong.
@Suite struct SchemaDistributionErrorTests {
    /// A valid scenario whose instance group's memory is `memory`.
    func withMemory(_ memory: String) -> String {
        """
        fleet:
          hosts:
            - {name: h1, shape_family: E4, ocpus: 64, memory: 1TiB}
          instance_groups:
            - name: vm
              count: 3
              shape: E4
              ocpus: 2
              memory: \(memory)
        campaign:
          hosts: all

        """
    }

    @Test func theMemoryTemplateIsValid() {
        #expect(schemaLoadOK(withMemory("{dist: lognormal, median: 16GiB, p99: 64GiB}")) != nil)
    }

    @Test func lognormalWithP99BelowMedianIsReportedAtP99() {
        let diagnostics = schemaLoad(withMemory("{dist: lognormal, median: 16GiB, p99: 8GiB}")).diagnostics
        #expect(diagnostics.count == 1)
        let d = diagnostics[0]
        #expect(d.code == .invalidValue)
        #expect(d.path.description == "fleet.instance_groups[0].memory.p99")
        #expect((d.line, d.column) == (9, 53))  // the p99 value
        #expect(d.expected == "valid lognormal parameters")
        #expect(d.found.contains("p99 must be greater than median"))
    }

    @Test func nonPositiveParameterIsReportedAtThatParameter() {
        let diagnostics = schemaLoad(withMemory("{dist: lognormal, median: 16GiB, sigma: -1}")).diagnostics
        #expect(diagnostics.map(\.code) == [.invalidValue])
        #expect(diagnostics.first?.path.description == "fleet.instance_groups[0].memory.sigma")
        #expect(diagnostics.first?.column == 55)
        let uniform = schemaLoad(withMemory("{dist: uniform, min: 8GiB, max: 4GiB}")).diagnostics
        #expect(uniform.map(\.path.description) == ["fleet.instance_groups[0].memory.max"])
    }

    @Test func missingUnitInsideADistribution() {
        let diagnostics = schemaLoad(withMemory("{dist: uniform, min: 4, max: 8GiB}")).diagnostics
        #expect(diagnostics.map(\.code) == [.missingUnit])
        #expect(diagnostics.first?.path.description == "fleet.instance_groups[0].memory.min")
        #expect(diagnostics.first?.column == 36)
    }

    @Test func unknownFamilySuggestsTheClosest() {
        let diagnostics = schemaLoad(withMemory("{dist: lognormall, median: 16GiB, p99: 64GiB}")).diagnostics
        #expect(diagnostics.map(\.code) == [.unknownName])
        #expect(diagnostics.first?.path.description == "fleet.instance_groups[0].memory.dist")
        #expect(diagnostics.first?.suggestion == "lognormal")
    }

    @Test func empiricalWithBothValuesAndFileIsOneDiagnostic() {
        let diagnostics = schemaLoad(withMemory("{dist: empirical, values: [1GiB], file: m.csv}")).diagnostics
        #expect(diagnostics.map(\.code) == [.invalidValue])
        #expect(diagnostics.first?.path.description == "fleet.instance_groups[0].memory.file")
    }

    @Test func unknownParameterSuggestsTheClosest() {
        let diagnostics = schemaLoad(withMemory("{dist: uniform, min: 4GiB, maxx: 8GiB}")).diagnostics
        let unknown = diagnostics.filter { $0.code == .unknownKey }
        #expect(unknown.count == 1)
        #expect(unknown.first?.path.description == "fleet.instance_groups[0].memory.maxx")
        #expect(unknown.first?.suggestion == "max")
    }

    @Test func incompleteParameterSetIsReportedAtTheDistribution() {
        let diagnostics = schemaLoad(withMemory("{dist: lognormal, median: 16GiB}")).diagnostics
        #expect(diagnostics.map(\.code) == [.invalidValue])
        #expect(diagnostics.first?.path.description == "fleet.instance_groups[0].memory")
        #expect((diagnostics.first?.line, diagnostics.first?.column) == (9, 15))
    }

    @Test func negativeConstantAndEmpiricalSample() {
        let constant = schemaLoad(withMemory("-4GiB")).diagnostics
        #expect(constant.map(\.code) == [.negative])
        #expect(constant.first?.path.description == "fleet.instance_groups[0].memory")
        let sample = schemaLoad(withMemory("{dist: empirical, values: [4GiB, 8]}")).diagnostics
        #expect(sample.map(\.code) == [.missingUnit])
        #expect(sample.first?.path.description == "fleet.instance_groups[0].memory.values[1]")
    }

    @Test func errorsInTwoDistributionsAreBothReported() {
        let yaml = withMemory("{dist: lognormal, median: 16GiB, p99: 8GiB}")
            .replacingOccurrences(of: "ocpus: 2\n", with: "ocpus: {dist: uniform, min: 4, max: 2}\n")
        let diagnostics = schemaLoad(yaml).diagnostics
        #expect(diagnostics.map(\.path.description) == [
            "fleet.instance_groups[0].ocpus.max", "fleet.instance_groups[0].memory.p99",
        ])
        #expect(diagnostics.map(\.line) == [8, 9])
    }
}
