import FleetModel
@testable import MigrationEngine
import SimKernel
import Testing
@testable import FleetSimulation

/// The engine's decisions on the fact stream (`switchover`, `livePasses`) and the invariant
/// checker's books on them (`EngineBooks`).
@Suite struct EngineFactsTests {
    static func fleet() throws -> Fleet {
        let c = config(hosts: hostSpecs([("A", 64), ("B", 64)]), instances: instanceSpecs([("a", 8, "A")]),
                       campaign: CampaignConfig(hosts: .names(["A"])))
        return try FleetBuilder.build(c.fleet, seed: 1)
    }

    static func pass(_ index: Int, start: Double, seconds: Double, bytes: Double) -> PassRecord {
        PassRecord(index: index, startSeconds: start, durationSeconds: seconds, bytesSent: bytes, dirtyBytesAtSync: 0,
                   throttlePercent: 0, downtimeLimitSeconds: 0.3, bandwidthEstimateBytesPerSecond: 1e9)
    }

    /// A checker that has seen a live attempt of `a` from A to B start at 10 s.
    static func checkerWithLiveAttempt(_ fleet: Fleet) -> InvariantChecker {
        let checker = InvariantChecker(fleet: fleet)
        checker.observe(.reserved(instance: InstanceID(0), target: HostID(1), time: .seconds(10)))
        checker.observe(.attemptStarted(instance: InstanceID(0), attempt: 1, action: .live, source: HostID(0),
                                        target: HostID(1), time: .seconds(10)))
        return checker
    }

    static func completed(bytes: Double, at t: SimTime) -> Fact {
        .attemptEnded(instance: InstanceID(0), attempt: 1, action: .live, outcome: .completed,
                      reason: .engine(.precopy), downtime: .zero, downtimeParts: DowntimeBreakdown(), bytes: bytes, time: t)
    }

    @Test func aCompletedLiveAttemptSwitchesOverExactlyOnce() throws {
        let fleet = try Self.fleet()
        let none = Self.checkerWithLiveAttempt(fleet)
        none.observe(Self.completed(bytes: 1e9, at: .seconds(20)))
        #expect(none.firstViolation?.contains("after 0 switchovers") == true)

        let twice = Self.checkerWithLiveAttempt(fleet)
        for t: Int64 in [15, 16] {
            twice.observe(.switchover(instance: InstanceID(0), attempt: 1, mode: .stopAndCopy, time: .seconds(t)))
        }
        #expect(twice.firstViolation?.contains("switched over twice") == true)

        let once = Self.checkerWithLiveAttempt(fleet)
        once.observe(.switchover(instance: InstanceID(0), attempt: 1, mode: .postcopy, time: .seconds(15)))
        once.observe(Self.completed(bytes: 1e9, at: .seconds(20)))
        #expect(once.firstViolation == nil)
    }

    @Test func passesMustLieInsideTheAttemptAndWithinItsBytes() throws {
        let fleet = try Self.fleet()
        let tooMany = Self.checkerWithLiveAttempt(fleet)
        tooMany.observe(.switchover(instance: InstanceID(0), attempt: 1, mode: .stopAndCopy, time: .seconds(15)))
        tooMany.observe(.livePasses(instance: InstanceID(0), attempt: 1, start: .seconds(10),
                                    passes: [Self.pass(0, start: 0, seconds: 4, bytes: 8e8), Self.pass(1, start: 4, seconds: 1, bytes: 3e8)],
                                    dirtySyncCount: 3, finalThrottlePercent: 0, time: .seconds(20)))
        tooMany.observe(Self.completed(bytes: 1e9, at: .seconds(20)))
        #expect(tooMany.firstViolation?.contains("more than the") == true)

        let late = Self.checkerWithLiveAttempt(fleet)
        late.observe(.livePasses(instance: InstanceID(0), attempt: 1, start: .seconds(10),
                                 passes: [Self.pass(0, start: 0, seconds: 11, bytes: 1e8)],
                                 dirtySyncCount: 2, finalThrottlePercent: 0, time: .seconds(20)))
        #expect(late.firstViolation?.contains("outside its attempt") == true)
    }

    /// On a real campaign: every completed live attempt has one switchover and its passes.
    @Test func aLiveCampaignPublishesItsSwitchoversAndPasses() throws {
        var c = try generatedConfig(hosts: 6, instances: 12, seed: 3)
        c.campaign.move = .live
        let out = try runCampaign(c)
        #expect(out.violations.isEmpty, "\(out.violations)")
        var completed = 0, switchovers = 0, passRecords = 0
        for fact in out.facts {
            switch fact {
            case .attemptEnded(_, _, .live, .completed, _, _, _, _, _): completed += 1
            case .switchover: switchovers += 1
            case .livePasses(_, _, _, let passes, let syncs, _, _):
                passRecords += 1
                #expect(!passes.isEmpty && syncs >= passes.count, "a live attempt with \(passes.count) passes and \(syncs) syncs")
            default: break
            }
        }
        #expect(completed > 0 && switchovers == completed && passRecords >= completed)
    }
}
