import FleetModel
import FleetSimulation
import Foundation
import Testing
@testable import Scenario

/// Errors found after parsing, while building the fleet or resolving the campaign's hosts,
/// mapped back to the line and column of the key they are about through
/// `LoadedScenario.diagnostic(for:)`.
@Suite struct SchemaBuildErrorTests {
    /// Load `yaml` (it must parse), build its fleet and campaign host list, and return the
    /// mapped diagnostic of the first build error; nil if everything builds.
    func buildDiagnostic(_ yaml: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> ScenarioDiagnostic? {
        guard let scenario = schemaLoadOK(yaml, file: "fleet.yaml", sourceLocation: sourceLocation) else { return nil }
        do {
            let fleet = try FleetBuilder.build(scenario.config.fleet, seed: scenario.config.seed)
            _ = try CampaignRunner.campaignHosts(scenario.config, fleet: fleet)
            Issue.record("expected a build error", sourceLocation: sourceLocation)
            return nil
        } catch {
            let mapped = scenario.diagnostic(for: error)
            #expect(mapped.diagnostics.count == 1, sourceLocation: sourceLocation)
            return mapped.diagnostics.first
        }
    }

    let hostsYAML = """
        fleet:
          hosts:
            - name: h1
              shape_family: E4
              ocpus: 8
              memory: 64GiB
            - name: h2
              shape_family: E4
              ocpus: 8
              memory: 64GiB
              fault_domain: FAULT-DOMAIN-2

        """

    @Test func instanceThatDoesNotFitPointsAtItsHost() throws {
        let yaml = hostsYAML + """
              instances:
                - name: vm1
                  shape: E4
                  ocpus: 4
                  memory: 48GiB
                  host: h1
                - name: vm2
                  shape: E4
                  ocpus: 4
                  memory: 32GiB
                  host: h1
            campaign:
              hosts: all

            """
        let d = try #require(buildDiagnostic(yaml))
        #expect(d.path.description == "fleet.instances[1].host")
        #expect((d.line, d.column) == (22, 13))
        #expect(d.code == .invalidValue)
        #expect(d.found.contains("'vm2'") && d.found.contains("does not fit on 'h1'"))
        #expect(d.description.hasPrefix("fleet.yaml:22:13: error: fleet.instances[1].host: expected a fleet that can be built, found "))
    }

    @Test func instanceOnAnUnknownHost() throws {
        let yaml = hostsYAML + """
              instances:
                - {name: vm1, shape: E4, ocpus: 1, memory: 1GiB, host: h3}
            campaign:
              hosts: all

            """
        let d = try #require(buildDiagnostic(yaml))
        #expect(d.path.description == "fleet.instances[0].host")
        #expect((d.line, d.column) == (13, 60))
        #expect(d.found == "no host named 'h3'")
    }

    @Test func unknownHostInTheCampaignList() throws {
        let d = try #require(buildDiagnostic(hostsYAML + "campaign:\n  hosts: [h1, h9]\n"))
        #expect(d.path.description == "campaign.hosts[1]")
        #expect((d.line, d.column) == (13, 15))
        #expect(d.found.hasPrefix("no host named 'h9'"))
        // Block style: the second item's own line.
        let block = try #require(buildDiagnostic(hostsYAML + "campaign:\n  hosts:\n    - h2\n    - h1\n    - nope\n"))
        #expect(block.path.description == "campaign.hosts[2]")
        #expect((block.line, block.column) == (16, 7))
    }

    @Test func hostListedTwiceInTheCampaign() throws {
        let d = try #require(buildDiagnostic(hostsYAML + "campaign:\n  hosts: [h1, h2, h1]\n"))
        #expect(d.path.description == "campaign.hosts[2]")
        #expect((d.line, d.column) == (13, 19))
        #expect(d.found.contains("listed twice"))
    }

    @Test func unknownFaultDomainOrRack() throws {
        let fd = try #require(buildDiagnostic(hostsYAML + "campaign:\n  hosts: {fault_domain: FAULT-DOMAIN-9}\n"))
        #expect(fd.path.description == "campaign.hosts.fault_domain")
        #expect((fd.line, fd.column) == (13, 25))
        #expect(fd.found.contains("FAULT-DOMAIN-1, FAULT-DOMAIN-2"))  // the known ones
        let rack = try #require(buildDiagnostic(hostsYAML + "campaign:\n  hosts:\n    rack: rack-9\n"))
        #expect(rack.path.description == "campaign.hosts.rack")
        #expect((rack.line, rack.column) == (14, 11))
    }

    @Test func duplicateHostName() throws {
        let yaml = hostsYAML.replacingOccurrences(of: "name: h2", with: "name: h1") + "campaign:\n  hosts: all\n"
        let d = try #require(buildDiagnostic(yaml))
        #expect(d.path.description == "fleet.hosts[1].name")
        #expect((d.line, d.column) == (7, 13))
        #expect(d.found == "duplicate host name 'h1'")
    }

    @Test func instanceGroupTooLargeForItsHosts() throws {
        let yaml = """
            fleet:
              host_groups:
                - {name: e4, count: 2, shape_family: E4, ocpus: 8, memory: 64GiB}
              instance_groups:
                - name: vm
                  count: 50
                  shape: E4
                  ocpus: 1
                  memory: 8GiB
            campaign:
              hosts: all

            """
        let d = try #require(buildDiagnostic(yaml))
        #expect(d.path.description == "fleet.instance_groups[0].count")
        #expect((d.line, d.column) == (6, 14))
        #expect(d.found.hasPrefix("only 16 of 50 instances fit on the 2 hosts"))
    }

    @Test func instanceGroupOnAnUnknownHostGroupOrFamily() throws {
        let head = """
            fleet:
              host_groups:
                - {name: e4, count: 2, shape_family: E4, ocpus: 8, memory: 64GiB}
              instance_groups:
                - name: vm
                  count: 1
                  shape: E4
                  ocpus: 1
                  memory: 8GiB

            """
        let group = try #require(buildDiagnostic(head + "      host_groups: [e5]\ncampaign:\n  hosts: all\n"))
        #expect(group.path.description == "fleet.instance_groups[0].host_groups")
        #expect((group.line, group.column) == (10, 20))
        let family = try #require(buildDiagnostic(head + "      host_family: X9\ncampaign:\n  hosts: all\n"))
        #expect(family.path.description == "fleet.instance_groups[0].host_family")
        #expect((family.line, family.column) == (10, 20))
    }

    @Test func otherErrorsPointAtTheFileStart() throws {
        let scenario = try #require(schemaLoadOK(minimalScenario, file: "x.yaml"))
        struct Boom: Error {}
        let d = try #require(scenario.diagnostic(for: Boom()).diagnostics.first)
        #expect((d.file, d.line, d.column) == ("x.yaml", 1, 1))
    }

    @Test func keyPathsParseBack() {
        #expect(FieldPath(parsing: "fleet.instance_groups[1].count").components
            == [.key("fleet"), .key("instance_groups"), .index(1), .key("count")])
        #expect(FieldPath(parsing: "campaign.hosts[12]").description == "campaign.hosts[12]")
        #expect(FieldPath(parsing: "").isRoot)
    }
}
