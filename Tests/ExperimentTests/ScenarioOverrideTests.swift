import Experiment
import Foundation
import Scenario
import Testing

/// `--set KEY=VALUE`: written into the parsed tree, checked by the same schema as the file.
@Suite struct ScenarioOverrideTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let scenario = root.appendingPathComponent("Scenarios/default.yaml").path

    func load(_ settings: [String]) -> Result<LoadedScenario, ScenarioError> {
        let overrides = settings.map { try! ScenarioOverride.parse($0).get() }
        return ScenarioLoader.load(path: Self.scenario, overrides: overrides)
    }

    @Test func overrideChangesTheValueRead() throws {
        let loaded = try load(["campaign.max_hosts_in_maintenance=5", "fleet.instance_groups[0].count=7"]).get()
        #expect(loaded.config.campaign.maxHostsInMaintenance == 5)
        #expect(loaded.config.fleet.instanceGroups[0].count == 7)
    }

    @Test func laterOverrideOfTheSameKeyWins() throws {
        let loaded = try load(["campaign.max_hosts_in_maintenance=5", "campaign.max_hosts_in_maintenance=3"]).get()
        #expect(loaded.config.campaign.maxHostsInMaintenance == 3)
    }

    @Test func badValuesNameTheArgumentAndAreAllReported() {
        guard case .failure(let error) = load(["campaign.max_hosts_in_maintenance=abc",
                                               "campaign.max_hosts_in_maintenanse=3",
                                               "fleet.instance_groups[9].count=5"]) else {
            Issue.record("expected errors"); return
        }
        let text = error.rendered
        #expect(text.contains("--set campaign.max_hosts_in_maintenance=abc: error: campaign.max_hosts_in_maintenance: expected a whole number"))
        #expect(text.contains("--set campaign.max_hosts_in_maintenanse=3: error:"))
        #expect(text.contains("did you mean 'max_hosts_in_maintenance'"))
        #expect(text.contains("--set fleet.instance_groups[9].count=5: error: fleet.instance_groups[9]: expected an index below 1"))
        #expect(text.hasSuffix("3 errors"))
    }

    @Test func selectorsReachEveryMatchingItem() throws {
        let all = try load(["fleet.host_groups[*].count=30"]).get()
        #expect(all.config.fleet.hostGroups.allSatisfy { $0.count == 30 })
        let byName = try load(["fleet.host_groups[name=e4].count=12"]).get()
        #expect(byName.config.fleet.hostGroups[0].count == 12)
        guard case .failure(let error) = load(["fleet.host_groups[name=nope].count=3", "fleet.host_groups[*].count=-1"]) else {
            Issue.record("expected errors"); return
        }
        #expect(error.rendered.contains("--set fleet.host_groups[name=nope].count=3: error: fleet.host_groups: expected at least one item with name = nope, found none"))
        #expect(error.rendered.contains("--set fleet.host_groups[*].count=-1: error: fleet.host_groups[0].count: expected a whole number"))
    }

    @Test func malformedArgumentsAreRefused() {
        #expect(throws: OverrideSyntaxError.self) { try ScenarioOverride.parse("no-equals").get() }
        #expect(throws: OverrideSyntaxError.self) { try ScenarioOverride.parse("a..b=1").get() }
        #expect(throws: OverrideSyntaxError.self) { try ScenarioOverride.parse("=1").get() }
        #expect(throws: OverrideSyntaxError.self) { try ScenarioOverride.parse("a[x]=1").get() }
        #expect(throws: OverrideSyntaxError.self) { try ScenarioOverride.parse("a[0=1").get() }
        #expect(throws: OverrideSyntaxError.self) { try ScenarioOverride.parse("a.=1").get() }
    }

    @Test func sweepGridListsPointsFirstAxisSlowest() throws {
        let grid = try SweepGrid(arguments: ["a=1,2", "b=x,y,z"])
        #expect(grid.points == [["1", "x"], ["1", "y"], ["1", "z"], ["2", "x"], ["2", "y"], ["2", "z"]])
        #expect(throws: CommandFailure.self) { try SweepGrid(arguments: ["a=1,,2"]) }
        #expect(throws: CommandFailure.self) { try SweepGrid(arguments: ["a=1", "a=2"]) }
    }

    @Test func paretoFrontKeepsOnlyUndominatedPoints() {
        // (3,3) is beaten by (2,2); (1,4) and (4,1) and (2,2) trade off.
        #expect(SweepHTML.paretoFront([(1, 4), (2, 2), (3, 3), (4, 1)]) == [0, 1, 3])
    }
}

/// Warnings for scenarios that are valid but cannot go as planned.
@Suite struct FeasibilityWarningTests {
    static let root = ScenarioOverrideTests.root

    @Test func capacityTightWarnsAboutSpareCapacityAndDefaultDoesNot() throws {
        let tight = try PreparedScenario.load(path: Self.root.appendingPathComponent("Scenarios/capacity-tight.yaml").path,
                                              seedOverride: nil, replicationsOverride: nil)
        let warnings = FeasibilityWarnings.check(tight)
        #expect(warnings.contains { $0.hasPrefix("spare capacity: with 4 hosts in maintenance at once") })
        let plain = try PreparedScenario.load(path: ScenarioOverrideTests.scenario, seedOverride: nil, replicationsOverride: nil)
        #expect(FeasibilityWarnings.check(plain).isEmpty)
    }

    @Test func aFleetBuildErrorCausedByASetNamesTheArgument() {
        #expect {
            _ = try PreparedScenario.load(path: ScenarioOverrideTests.scenario, seedOverride: nil, replicationsOverride: nil,
                                          settings: [try! ScenarioOverride.parse("fleet.instance_groups[0].count=600").get()])
        } throws: { error in
            (error as? CommandFailure)?.message.hasPrefix("--set fleet.instance_groups[0].count=600: error: fleet.instance_groups[0].count: expected a fleet that can be built") == true
        }
    }

    @Test func noticesThatFallDueAfterTheHorizonAreWarned() throws {
        let path = Self.root.appendingPathComponent("Scenarios/oci-rolling-fault-domain.yaml").path
        let short = try PreparedScenario.load(path: path, seedOverride: nil, replicationsOverride: nil,
                                              settings: [try ScenarioOverride.parse("horizon=10d").get()])
        #expect(FeasibilityWarnings.check(short).contains { $0.hasPrefix("notices: reboot-migration notices fall due after 14.0 days") })
        let long = try PreparedScenario.load(path: path, seedOverride: nil, replicationsOverride: nil)
        #expect(!FeasibilityWarnings.check(long).contains { $0.hasPrefix("notices:") })
    }
}
