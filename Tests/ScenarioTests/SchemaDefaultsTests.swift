import FleetSimulation
import Foundation
import MaintenancePolicy
import SimKernel
import Stochastics
import Testing
@testable import Scenario

/// A minimal scenario loads, and every key left out takes its documented default.
@Suite struct SchemaDefaultsTests {
    @Test func minimalScenarioLoadsWithTheDocumentedDefaults() throws {
        let scenario = try #require(schemaLoadOK(minimalScenario, file: "dir/minimal.yaml"))
        let config = scenario.config
        // Root defaults.
        #expect(config.name == "minimal")  // the file's base name, without extension
        #expect(scenario.description == "")
        #expect(config.seed == 1)
        #expect(scenario.replications == 1)
        #expect(config.horizon == .days(90))
        #expect(config.generator == .mt19937)
        #expect(scenario.path == "dir/minimal.yaml")
        // Campaign defaults.
        #expect(config.campaign.hosts == .all)
        #expect(config.campaign.maxHostsInMaintenance == 1)
        #expect(config.campaign.limits == ConcurrencyLimits(outboundPerHost: 1))
        #expect(config.campaign.placement == .leastLoaded)
        #expect(config.campaign.onNoTarget == .wait)
        #expect(config.campaign.maintenanceDuration == .constant(2 * 3_600))
        // Reboot migration defaults (median, p99 in seconds).
        #expect(config.rebootMigration.stopSeconds == (try Distribution.lognormal(median: 15, p99: 60)))
        #expect(config.rebootMigration.reassignSeconds == (try Distribution.lognormal(median: 30, p99: 120)))
        #expect(config.rebootMigration.bootSeconds == (try Distribution.lognormal(median: 45, p99: 180)))
        // Fleet defaults.
        #expect(config.fleet.region == "region-1")
        #expect(config.fleet.hostGroups.isEmpty)
        #expect(config.fleet.instanceGroups.isEmpty)
        #expect(config.fleet.instances.isEmpty)
        let host = try #require(config.fleet.hosts.first)
        #expect(config.fleet.hosts.count == 1)
        #expect(host.name == "h1")
        #expect(host.shapeFamily == "E4")
        #expect(host.ocpus == 8)
        #expect(host.memoryBytes == 64 * 1_073_741_824)
        #expect(host.nicBytesPerSecond == 25e9 / 8)  // 25 Gbit/s
        #expect(host.availabilityDomain == "AD-1")
        #expect(host.faultDomain == "FAULT-DOMAIN-1")
        #expect(host.rack == "rack-1")
    }

    @Test func fileNameWithoutExtensionNamesTheScenario() throws {
        let scenario = try #require(schemaLoadOK(minimalScenario, file: "/a/b/weekend-drain.yml"))
        #expect(scenario.config.name == "weekend-drain")
    }

    @Test func explicitRootKeysOverrideTheDefaults() throws {
        let yaml = """
            name: sweep
            description: A sweep
            seed: 7
            replications: 12
            horizon: 3d12h
            rng: taus2
            reboot_migration:
              stop: 10s
              reassign: {dist: uniform, min: 20s, max: 40s}
              boot: {dist: lognormal, median: 1min, p99: 5min}

            """ + minimalScenario
        let scenario = try #require(schemaLoadOK(yaml))
        let config = scenario.config
        #expect(config.name == "sweep")
        #expect(scenario.description == "A sweep")
        #expect(config.seed == 7)
        #expect(scenario.replications == 12)
        #expect(config.horizon == .hours(84))
        #expect(config.generator == .taus2)
        #expect(config.rebootMigration.stopSeconds == .constant(10))
        #expect(config.rebootMigration.reassignSeconds == .uniform(min: 20, max: 40))
        #expect(config.rebootMigration.bootSeconds == (try Distribution.lognormal(median: 60, p99: 300)))
    }

    @Test func campaignKeysAreRead() throws {
        let yaml = """
            fleet:
              hosts:
                - {name: h1, shape_family: E4, ocpus: 8, memory: 64GiB}
            campaign:
              hosts: all
              max_hosts_in_maintenance: 3
              max_outbound_per_host: 4
              maintenance_duration: {dist: lognormal, median: 90min, p99: 4h}
              placement: best_fit
              on_no_target: skip

            """
        let campaign = try #require(schemaLoadOK(yaml)).config.campaign
        #expect(campaign.maxHostsInMaintenance == 3)
        #expect(campaign.limits.outboundPerHost == 4)
        #expect(campaign.maintenanceDuration == (try Distribution.lognormal(median: 5_400, p99: 14_400)))
        #expect(campaign.placement == .bestFit)
        #expect(campaign.onNoTarget == .skip)
    }

    @Test func shippedDefaultScenarioLoads() throws {
        // #filePath is Tests/ScenarioTests/<file>; the package root is three levels up.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let path = root.appendingPathComponent("Scenarios/default.yaml").path
        let scenario: LoadedScenario
        switch ScenarioLoader.load(path: path) {
        case .success(let s): scenario = s
        case .failure(let e): Issue.record("Scenarios/default.yaml does not load:\n\(e)"); return
        }
        #expect(scenario.config.name == "default")
        #expect(scenario.config.seed == 42)
        #expect(scenario.replications == 5)
        #expect(scenario.config.horizon == .days(30))
        #expect(scenario.config.fleet.hostGroups.first?.count == 24)
        #expect(scenario.config.fleet.hostGroups.first?.nicBytesPerSecond == 50e9 / 8)
        #expect(scenario.config.fleet.instanceGroups.first?.count == 260)
        #expect(scenario.config.campaign.hosts == .faultDomain("FAULT-DOMAIN-1"))
        #expect(scenario.config.campaign.maxHostsInMaintenance == 2)
        let fleet = try FleetBuilder.build(scenario.config.fleet, seed: scenario.config.seed)
        #expect(fleet.hosts.count == 24)
        #expect(fleet.instances.count == 260)
        #expect(try CampaignRunner.campaignHosts(scenario.config, fleet: fleet).count == 8)
    }

    @Test func aMissingScenarioFileIsOneWholeFileDiagnostic() {
        guard case .failure(let error) = ScenarioLoader.load(path: "/nonexistent/fleetsim/none.yaml") else {
            Issue.record("expected a failure"); return
        }
        #expect(error.diagnostics.map(\.code) == [.missingFile])
        #expect(error.diagnostics[0].line == 0)
        #expect(error.rendered.hasPrefix("/nonexistent/fleetsim/none.yaml: error: "))
    }

    @Test func fleetAndCampaignAreRequired() {
        let diagnostics = schemaLoad("seed: 3\n").diagnostics
        #expect(diagnostics.map(\.code) == [.missingKey, .missingKey])
        #expect(Set(diagnostics.map(\.path.description)) == ["fleet", "campaign"])
        // A fleet without any host is an error too.
        let noHosts = schemaLoad("fleet:\n  region: r\ncampaign:\n  hosts: all\n").diagnostics
        #expect(noHosts.map(\.code) == [.missingKey])
        #expect(noHosts.first?.path.description == "fleet")
        #expect(noHosts.first?.line == 2)
    }

    @Test func replicationsMustBeAtLeastOne() {
        let diagnostics = schemaLoad("replications: 0\n" + minimalScenario).diagnostics
        #expect(diagnostics.map(\.code) == [.outOfRange])
        #expect(diagnostics.first?.path.description == "replications")
        #expect(diagnostics.first?.line == 1 && diagnostics.first?.column == 15)
    }

    @Test func unknownEnumerationNamesSuggestTheClosest() {
        let diagnostics = schemaLoad("rng: mt19973\n" + minimalScenario.replacingOccurrences(
            of: "  hosts: all\n", with: "  hosts: all\n  placement: least-loaded\n")).diagnostics
        #expect(diagnostics.map(\.code) == [.unknownName, .unknownName])
        #expect(diagnostics.map(\.path.description) == ["rng", "campaign.placement"])
        #expect(diagnostics.map(\.suggestion) == ["mt19937", "least_loaded"])
    }
}
