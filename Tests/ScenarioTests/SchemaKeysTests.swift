import FleetModel
import FleetSimulation
import Foundation
import MaintenancePolicy
import SimKernel
import Stochastics
import Testing
@testable import Scenario

/// Each kind of key the schema accepts, read end to end through `ScenarioLoader.load(yaml:)`.
@Suite struct SchemaKeysTests {
    @Test func explicitHostsAndInstances() throws {
        let yaml = """
            fleet:
              region: eu-frankfurt-1
              hosts:
                - name: a
                  shape_family: E4
                  ocpus: 16
                  memory: 256GiB
                  nic: 100Gbit/s
                  availability_domain: AD-2
                  fault_domain: FAULT-DOMAIN-3
                  rack: r7
                - {name: b, shape_family: E4, ocpus: 16, memory: 0.25TiB, nic: 1GB/s}
              instances:
                - name: vm1
                  shape: VM.Standard.E4.Flex
                  ocpus: 2.5
                  memory: 16GiB
                  host: a
                - {name: vm2, shape: VM.Standard.E4.Flex, ocpus: 1, memory: 512MiB, host: b}
            campaign:
              hosts: [a]

            """
        let scenario = try #require(schemaLoadOK(yaml))
        let fleet = scenario.config.fleet
        #expect(fleet.region == "eu-frankfurt-1")
        #expect(fleet.hosts.map(\.name) == ["a", "b"])
        let a = fleet.hosts[0], b = fleet.hosts[1]
        #expect(a.ocpus == 16 && a.memoryBytes == 256 * 1_073_741_824)
        #expect(a.nicBytesPerSecond == 100e9 / 8)
        #expect(a.availabilityDomain == "AD-2" && a.faultDomain == "FAULT-DOMAIN-3" && a.rack == "r7")
        #expect(b.memoryBytes == 256 * 1_073_741_824)
        #expect(b.nicBytesPerSecond == 1e9)
        #expect(fleet.instances.map(\.name) == ["vm1", "vm2"])
        #expect(fleet.instances[0].ocpus == 2.5)
        #expect(fleet.instances[0].memoryBytes == 16 * 1_073_741_824)
        #expect(fleet.instances[0].host == "a")
        #expect(fleet.instances[1].memoryBytes == 512 * 1_048_576)
        #expect(fleet.instances[1].shape == "VM.Standard.E4.Flex")
        #expect(scenario.config.campaign.hosts == .names(["a"]))

        // And it builds: instances land on their named hosts.
        let built = try FleetBuilder.build(fleet, seed: scenario.config.seed)
        #expect(built.instances.map { built[$0.initialHost].name } == ["a", "b"])
        #expect(built.hosts[0].location == Location(region: "eu-frankfurt-1", availabilityDomain: "AD-2",
                                                    faultDomain: "FAULT-DOMAIN-3", rack: "r7"))
    }

    @Test func hostGroupsWithDefaultsAndExplicitKeys() throws {
        let yaml = """
            fleet:
              host_groups:
                - name: e4
                  count: 5
                  shape_family: E4
                  ocpus: 64
                  memory: 1TiB
                - name: x9
                  count: 4
                  shape_family: X9
                  ocpus: 32.5
                  memory: 512GiB
                  nic: 40Gbps
                  availability_domain: AD-3
                  fault_domains: [FD-A, FD-B]
                  hosts_per_rack: 2
            campaign:
              hosts: all

            """
        let scenario = try #require(schemaLoadOK(yaml))
        let groups = scenario.config.fleet.hostGroups
        #expect(groups.map(\.name) == ["e4", "x9"])
        let e4 = groups[0], x9 = groups[1]
        #expect(e4.count == 5 && e4.shapeFamily == "E4" && e4.ocpus == 64)
        #expect(e4.memoryBytes == 1_099_511_627_776)
        #expect(e4.nicBytesPerSecond == 25e9 / 8)
        #expect(e4.availabilityDomain == "AD-1")
        #expect(e4.faultDomains == ["FAULT-DOMAIN-1", "FAULT-DOMAIN-2", "FAULT-DOMAIN-3"])
        #expect(e4.hostsPerRack == 32)
        #expect(x9.ocpus == 32.5)
        #expect(x9.nicBytesPerSecond == 5e9)
        #expect(x9.availabilityDomain == "AD-3")
        #expect(x9.faultDomains == ["FD-A", "FD-B"])
        #expect(x9.hostsPerRack == 2)

        let fleet = try FleetBuilder.build(scenario.config.fleet, seed: 1)
        #expect(fleet.hosts.count == 9)
        #expect(fleet.hosts.map(\.name).prefix(2) == ["e4-0000", "e4-0001"])
        // x9: two hosts per rack, racks dealt round-robin over FD-A, FD-B.
        let x9Hosts = fleet.hosts.filter { $0.shapeFamily == "X9" }
        #expect(x9Hosts.map(\.location.faultDomain) == ["FD-A", "FD-A", "FD-B", "FD-B"])
        #expect(x9Hosts.map(\.location.rack) == ["x9-rack-00", "x9-rack-00", "x9-rack-01", "x9-rack-01"])
    }

    @Test func instanceGroupsWithDistributions() throws {
        let yaml = """
            fleet:
              host_groups:
                - {name: big, count: 4, shape_family: E4, ocpus: 64, memory: 1TiB}
                - {name: small, count: 2, shape_family: E4, ocpus: 64, memory: 1TiB}
              instance_groups:
                - name: web
                  count: 20
                  shape: VM.Standard.E4.Flex
                  host_family: E4
                  ocpus: {dist: empirical, values: [1, 2, 4]}
                  memory: {dist: lognormal, median: 16GiB, p99: 64GiB}
                  placement: pack
                  host_groups: [small]
                - name: db
                  count: 3
                  shape: E4
                  ocpus: 8
                  memory: {dist: uniform, min: 32GiB, max: 64GiB}
            campaign:
              hosts: all

            """
        let scenario = try #require(schemaLoadOK(yaml))
        let groups = scenario.config.fleet.instanceGroups
        #expect(groups.map(\.name) == ["web", "db"])
        let web = groups[0], db = groups[1]
        #expect(web.count == 20)
        #expect(web.shape == "VM.Standard.E4.Flex")
        #expect(web.hostFamily == "E4")
        #expect(web.ocpus == .empirical(try EmpiricalTable(values: [1, 2, 4])))
        #expect(web.memoryBytes == (try Distribution.lognormal(median: 16 * 1_073_741_824, p99: 64 * 1_073_741_824)))
        #expect(web.placement == .pack)
        #expect(web.hostGroups == ["small"])
        // Defaults: host family = shape, spread placement, any host group.
        #expect(db.hostFamily == "E4")
        #expect(db.ocpus == .constant(8))
        #expect(db.memoryBytes == .uniform(min: 32 * 1_073_741_824, max: 64 * 1_073_741_824))
        #expect(db.placement == .spread)
        #expect(db.hostGroups.isEmpty)

        let fleet = try FleetBuilder.build(scenario.config.fleet, seed: scenario.config.seed)
        #expect(fleet.instances.count == 23)
        let webInstances = fleet.instances.filter { $0.name.hasPrefix("web-") }
        #expect(webInstances.count == 20)
        #expect(webInstances.allSatisfy { fleet[$0.initialHost].name.hasPrefix("small-") })
        #expect(webInstances.allSatisfy { [1, 2, 4].contains($0.demand.ocpus) })
        #expect(webInstances.allSatisfy { $0.demand.memoryBytes % 1_048_576 == 0 })
        let dbInstances = fleet.instances.filter { $0.name.hasPrefix("db-") }
        #expect(dbInstances.allSatisfy {
            $0.demand.ocpus == 8 && (32 * 1_073_741_824...64 * 1_073_741_824).contains($0.demand.memoryBytes)
        })
    }

    @Test func campaignHostsAsAllListFaultDomainOrRack() throws {
        let fleetYAML = """
            fleet:
              host_groups:
                - {name: h, count: 6, shape_family: E4, ocpus: 8, memory: 64GiB, fault_domains: [FD-1, FD-2], hosts_per_rack: 2}
            campaign:

            """
        func campaign(_ hosts: String) throws -> (HostSelection, [String]) {
            let scenario = try #require(schemaLoadOK(fleetYAML + "  hosts: \(hosts)\n"))
            let fleet = try FleetBuilder.build(scenario.config.fleet, seed: 1)
            let ids = try CampaignRunner.campaignHosts(scenario.config, fleet: fleet)
            return (scenario.config.campaign.hosts, ids.map { fleet[$0].name })
        }
        let all = try campaign("all")
        #expect(all.0 == .all)
        #expect(all.1 == ["h-0000", "h-0001", "h-0002", "h-0003", "h-0004", "h-0005"])

        let list = try campaign("[h-0004, h-0001]")
        #expect(list.0 == .names(["h-0004", "h-0001"]))
        #expect(list.1 == ["h-0004", "h-0001"])  // in the order listed

        let fd = try campaign("{fault_domain: FD-2}")
        #expect(fd.0 == .faultDomain("FD-2"))
        #expect(fd.1 == ["h-0002", "h-0003"])

        let rack = try campaign("{rack: h-rack-02}")
        #expect(rack.0 == .rack("h-rack-02"))
        #expect(rack.1 == ["h-0004", "h-0005"])

        // Block-style list and mapping read the same.
        let block = try #require(schemaLoadOK(fleetYAML + "  hosts:\n    - h-0000\n    - h-0005\n"))
        #expect(block.config.campaign.hosts == .names(["h-0000", "h-0005"]))
        let blockFD = try #require(schemaLoadOK(fleetYAML + "  hosts:\n    fault_domain: FD-1\n"))
        #expect(blockFD.config.campaign.hosts == .faultDomain("FD-1"))
    }

    @Test func badCampaignHostSelections() {
        let head = "fleet:\n  hosts:\n    - {name: h1, shape_family: E4, ocpus: 8, memory: 64GiB}\ncampaign:\n"
        let some = schemaLoad(head + "  hosts: some\n").diagnostics
        #expect(some.map(\.code) == [.invalidValue])
        #expect(some.first?.path.description == "campaign.hosts")
        #expect(some.first?.line == 5 && some.first?.column == 10)

        let empty = schemaLoad(head + "  hosts: []\n").diagnostics
        #expect(empty.map(\.code) == [.invalidValue])

        // Both alternatives: one diagnostic, at the second (not also "unknown key" for each).
        let both = schemaLoad(head + "  hosts: {fault_domain: FD-1, rack: r1}\n").diagnostics
        #expect(both.map(\.code) == [.invalidValue])
        #expect(both.first?.path.description == "campaign.hosts.rack")
        #expect(both.first.map { ($0.line, $0.column) } ?? (0, 0) == (5, 31))

        let neither = schemaLoad(head + "  hosts: {}\n").diagnostics
        #expect(neither.map(\.code) == [.missingKey])

        let typo = schemaLoad(head + "  hosts: {fault_domian: FD-1}\n").diagnostics
        #expect(typo.map(\.code).contains(.unknownKey))
        #expect(typo.first { $0.code == .unknownKey }?.suggestion == "fault_domain")
    }
}
