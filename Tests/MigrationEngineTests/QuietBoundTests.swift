import Foundation
import Testing
import Stochastics
@testable import MigrationEngine

/// The quiet bound (`PrecopyController+QuietBound`): never after the decision point it stands
/// for, and a driver that waits on bounds ends exactly where one that asks for every decision
/// point does.
@Suite struct QuietBoundTests {
    /// A random case from `WindowJumpTests.draw`, with a share that changes often (a flow behind
    /// a busy uplink), at whole nanoseconds.
    static func draw(_ r: RandomStream) -> (WindowJumpTests.Case, [(at: Int64, rate: Double)]) {
        let c = WindowJumpTests.draw(r)
        var changes: [(at: Int64, rate: Double)] = []
        for _ in 0..<(5 + r.uniformInt(below: 40)) {
            // Log-uniform from 20 MiB/s to 3 GiB/s: slow shares make passes of many seconds.
            changes.append((Int64(60e9 * r.uniform()), 20 * 1_048_576 * pow(150, r.uniform())))
        }
        changes.sort { $0.at < $1.at }
        return (c, changes)
    }

    /// The case's controller at its first share.
    static func controller(_ c: WindowJumpTests.Case) -> PrecopyController {
        PrecopyController(parameters: c.parameters, guest: .analytic(c.workload), startSeconds: 0,
                          linkBytesPerSecond: c.wire.steps[0].bytesPerSecond)
    }

    struct Driven {
        var outcome: MigrationOutcome
        /// Where the controller's clock was moved to, in order (decision points and changes).
        var advances: [Int64]
        var boundsWaitedOn = 0
        var boundsSkipped = 0
    }

    /// Drive one controller like the campaign does: one pending event at the next decision
    /// point (or quiet bound), rate changes in between. With `bounded`, a bound event only
    /// resolves the decision point behind it.
    static func drive(_ c: WindowJumpTests.Case, changes: [(at: Int64, rate: Double)], bounded: Bool) -> Driven {
        var ctl = Self.controller(c)
        var progress = ctl.advanceReporting(toNanoseconds: 0, allowingBound: bounded)
        var driven = Driven(outcome: ctl.runningOutcome(), advances: [])
        var next = 0
        let horizon: Int64 = 90_000_000_000
        var steps = 0
        while !ctl.isFinished {
            steps += 1
            if steps > 20_000 { Issue.record("the driver made no progress"); break }
            let change = next < changes.count ? changes[next].at : Int64.max
            let event = progress.nextDecisionNanoseconds
            if change <= event && change <= horizon {
                if progress.isLowerBound { driven.boundsSkipped += 1 }
                progress = ctl.rateChangedReporting(atNanoseconds: change, linkBytesPerSecond: changes[next].rate,
                                                    allowingBound: bounded)
                driven.advances.append(change)
                next += 1
                continue
            }
            if event > horizon { break }
            if progress.isLowerBound {
                driven.boundsWaitedOn += 1
                let bound = event
                progress = ctl.resolveReporting()
                #expect(progress.nextDecisionNanoseconds >= bound, "a bound after its decision point")
                #expect(!progress.isLowerBound)
                continue
            }
            progress = ctl.advanceReporting(toNanoseconds: event, allowingBound: bounded)
            driven.advances.append(event)
        }
        driven.outcome = ctl.outcome ?? ctl.runningOutcome()
        return driven
    }

    // Property: over many random guests, knobs and rate changes, the bounded driver stops the
    // controller at the same instants and ends with the same outcome, bit for bit.
    @Test(arguments: 0..<4)
    func boundedDrivingIsExact(batch: Int) {
        let r = RandomStream(seed: UInt64(7000 + batch))
        var used = 0
        for i in 0..<25 {
            let (c, changes) = Self.draw(r)
            let exact = Self.drive(c, changes: changes, bounded: false)
            let bounded = Self.drive(c, changes: changes, bounded: true)
            #expect(exact.boundsWaitedOn == 0 && exact.boundsSkipped == 0)
            #expect(bounded.advances == exact.advances, "batch \(batch) case \(i)")
            #expect(bounded.outcome == exact.outcome, "batch \(batch) case \(i)")
            used += bounded.boundsWaitedOn + bounded.boundsSkipped
        }
        // The cases do exercise the bound (large guests, long passes).
        #expect(used > 0)
    }

    // The bound itself, at every state a driver meets: never after the exact decision point,
    // and equal to it when it is not marked as a bound.
    @Test(arguments: 0..<3)
    func boundIsBelowTheDecisionPoint(batch: Int) {
        let r = RandomStream(seed: UInt64(7100 + batch))
        var bounds = 0
        for i in 0..<25 {
            let (c, changes) = Self.draw(r)
            var ctl = Self.controller(c)
            for change in changes where !ctl.isFinished {
                _ = ctl.rateChangedReporting(atNanoseconds: change.at, linkBytesPerSecond: change.rate)
                var probe = ctl
                let bound = probe.reportNext(allowingBound: true)
                var exactProbe = ctl
                let exact = exactProbe.reportNext(allowingBound: false)
                if bound.isLowerBound {
                    bounds += 1
                    #expect(bound.nextDecisionNanoseconds <= exact.nextDecisionNanoseconds, "batch \(batch) case \(i)")
                    #expect(bound.nextDecisionNanoseconds > EngineTime.nanoseconds(roundingUp: ctl.nowSeconds))
                } else {
                    #expect(bound.nextDecisionNanoseconds == exact.nextDecisionNanoseconds, "batch \(batch) case \(i)")
                }
            }
        }
        #expect(bounds > 0)
    }

    // A thread that cannot send (no share) and has nothing that could close a window into a
    // check: no decision point until the next management timer.
    @Test func noShareWaitsForTheTimer() {
        var p = MigrationParameters(memoryBytes: 1024 * MiB, preset: .nova)
        p.maxBandwidthBytesPerSecond = nil
        var ctl = PrecopyController(parameters: p, guest: .analytic(GuestWorkload(memoryBytes: 1024 * MiB, regions: [])),
                                    startSeconds: 0, linkBytesPerSecond: 100 * 1_048_576)
        _ = ctl.advanceReporting(toNanoseconds: 3_000_000_000)
        #expect(ctl.phase == .precopy)
        let stalled = ctl.rateChangedReporting(atNanoseconds: 3_000_000_000, linkBytesPerSecond: 0, allowingBound: true)
        var exact = ctl
        #expect(!stalled.isLowerBound)
        #expect(stalled.nextDecisionNanoseconds == exact.reportNext(allowingBound: false).nextDecisionNanoseconds)
    }
}
