import FleetModel
import FleetSimulation
import Foundation
import MaintenancePolicy
import Reporting
import Scenario
import SimKernel
import Stochastics
import Testing

/// The shipped policy scenarios, run and checked against counts derived by hand from the
/// fleet, the policy's rules and the documented random streams.
@Suite struct PolicyScenarioTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func load(_ name: String, edit: (String) -> String = { $0 }) throws -> (SimulationConfig, Fleet) {
        let path = root.appendingPathComponent("Scenarios/\(name).yaml").path
        let text = edit(try String(contentsOfFile: path, encoding: .utf8))
        let loaded = try ScenarioLoader.load(yaml: text, file: path).get()
        let fleet = try FleetBuilder.build(loaded.config.fleet, seed: loaded.config.seed)
        return (loaded.config, fleet)
    }

    static func run(_ config: SimulationConfig, _ fleet: Fleet) throws -> (RunRecorder, ReplicationMetrics, [String]) {
        let recorder = RunRecorder(fleet: fleet)
        let checker = InvariantChecker(fleet: fleet)
        let result = try CampaignRunner.run(config: config, fleet: fleet, replication: 0, observers: [recorder, checker])
        checker.finish()
        return (recorder, ReplicationMetrics(result: result, recorder: recorder), checker.violations)
    }

    func moved(_ m: ReplicationMetrics, by action: MoveAction) -> Int { m.movedBy.first { $0.action == action }!.count }

    /// Every OCI path in one report, and each count equal to the hand calculation:
    /// eligible -> live; custom image -> live if its gate draw passes, else reboot; shielded,
    /// DenseIO and standard bare metal -> reboot (DenseIO loses its NVMe data when the customer
    /// reboots proactively); GPU bare metal -> manual, or stopped at the deadline when the
    /// customer never acts.
    @Test func ociMixedFleetCountsMatchTheHandCalculation() throws {
        let (config, fleet) = try Self.load("oci-mixed-fleet")
        let policy = try #require(config.policy)
        let seed = CampaignRunner.replicationSeed(scenarioSeed: config.seed, replication: 0)
        let onCampaign = fleet.instances.filter { fleet[$0.initialHost].location.faultDomain == "FAULT-DOMAIN-1" }
        func group(_ prefix: String) -> [Instance] { onCampaign.filter { $0.name.hasPrefix(prefix + "-") } }
        func stream(_ i: Instance, _ purpose: String) -> RandomStream {
            RandomStream(scenarioSeed: seed, entity: i.name, purpose: purpose, kind: config.generator)
        }

        let customLive = group("custom").filter { stream($0, "live-gate#1").bernoulli(policy.oci.attemptedImageSuccessProbability) }
        let denseLost = group("denseio").filter { i in
            let s = stream(i, "reboot-notice#0")
            let r = policy.resolveReboot(.vmDenseIO, attributes: i.attributes, draws: RebootDraws { s.uniform() })
            return r.nvmeDataLost
        }
        let gpuActs = group("gpu-metal").filter { i in
            let s = stream(i, "manual-notice#0")
            return policy.resolveManual(i, draws: ManualDraws { s.uniform() }).outcome == .customerMigrated
        }
        let expectedLive = group("eligible").count + customLive.count
        let expectedReboot = group("shielded").count + (group("custom").count - customLive.count)
            + group("denseio").count + group("metal").count

        let (_, metrics, violations) = try Self.run(config, fleet)
        #expect(violations.isEmpty, "\(violations.prefix(3))")
        // Each path is present in this scenario, so a broken path shows as a zero.
        #expect(expectedLive > 0 && expectedReboot > 0 && !customLive.isEmpty && customLive.count < group("custom").count)
        #expect(moved(metrics, by: .live) == expectedLive)
        #expect(moved(metrics, by: .reboot) == expectedReboot)
        #expect(moved(metrics, by: .manual) == gpuActs.count)
        #expect(metrics.count(.stopped) == group("gpu-metal").count - gpuActs.count)
        #expect(metrics.dataLostInstances == denseLost.count)
        #expect(metrics.identifiersChangedInstances == gpuActs.count)
        #expect(metrics.fellBackToReboot == group("custom").count - customLive.count)
        #expect(metrics.count(.moved) + metrics.count(.stopped) == onCampaign.count)
        let reasons = Dictionary(uniqueKeysWithValues: metrics.incompatibilities.map { ($0.criterion, $0.count) })
        #expect(reasons["shielded"] == group("shielded").count)
        #expect(reasons["image"] == group("custom").count)
        #expect(reasons["bare_metal"] == group("metal").count + group("gpu-metal").count)
    }

    /// A one-line policy change moves the report the expected way: allowing 8 VNICs lets
    /// every 7-VNIC VM live-migrate instead of being reboot-migrated.
    @Test func allowingEightVNICsTurnsRebootsIntoLiveMigrations() throws {
        let sevenVNICs: (String) -> String = {
            $0.replacingOccurrences(of: "attributes: {shielded: true}", with: "attributes: {vnics: 7}")
        }
        let (before, fleet) = try Self.load("oci-mixed-fleet", edit: sevenVNICs)
        let (after, _) = try Self.load("oci-mixed-fleet") {
            sevenVNICs($0).replacingOccurrences(of: "  oci:\n", with: "  oci:\n    max_vnics: 8\n")
        }
        #expect(after.policy?.oci.maxVNICs == 8 && before.policy?.oci.maxVNICs == 6)
        let (_, b, _) = try Self.run(before, fleet)
        let (_, a, _) = try Self.run(after, fleet)
        let sevens = fleet.instances.filter {
            $0.attributes.vnicCount == 7 && fleet[$0.initialHost].location.faultDomain == "FAULT-DOMAIN-1"
        }.count
        #expect(sevens > 0)
        #expect(moved(a, by: .live) == moved(b, by: .live) + sevens)
        #expect(moved(a, by: .reboot) == moved(b, by: .reboot) - sevens)
    }
}
