import Foundation
import Testing
import Experiment
@testable import FleetBench

/// One scenario run through the bench's three parts, on a fake clock: the events and
/// instances it reports are those of the run, and every part reads the clock in order.
@Suite struct ScenarioMeasureTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let scenario = root.appendingPathComponent("Scenarios/default.yaml").path

    @Test func measuresTheFirstReplication() throws {
        var readings = 0.0
        let run = try ScenarioBench.measure(Self.scenario, scale: nil) { readings += 1; return readings * readings }
        // Readings 1, 4, 9, 16: build 3 s, simulation 5 s, reports 7 s.
        #expect(run.buildSeconds == 3)
        #expect(run.simulationSeconds == 5)
        #expect(run.reportSeconds == 7)

        let prepared = try PreparedScenario.load(path: Self.scenario, seedOverride: nil, replicationsOverride: 1)
        let outcome = try prepared.runAll(checkInvariants: false, progress: false, jobs: 1)
        #expect(run.events == outcome.report.replications.first?.eventsProcessed)
        #expect(run.events > 0)
        #expect(run.instances == prepared.fleet.instances.count)
    }

    @Test func rendersEveryReport() throws {
        let prepared = try PreparedScenario.load(path: Self.scenario, seedOverride: nil, replicationsOverride: 1)
        let outcome = try prepared.runAll(checkInvariants: false, progress: false, jobs: 1)
        #expect(ScenarioBench.renderAll(outcome) > 0)
    }
}
