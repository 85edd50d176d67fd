import Foundation
import Testing
import SimKernel
import Stochastics
@testable import FleetSimulation

private let gib = 1_073_741_824.0

private func oracle(_ faults: MigrationFaults, seed: UInt64 = 5) -> MigrationFaultOracle {
    MigrationFaultOracle(faults: faults, replicationSeed: seed)
}

/// Within `sigmas` standard errors of a binomial proportion.
private func close(_ observed: Double, _ p: Double, n: Int, sigmas: Double = 4) -> Bool {
    abs(observed - p) <= sigmas * (p * (1 - p) / Double(n)).squareRoot() + 1e-12
}

@Suite struct FailureOracleTests {
    let faults = MigrationFaults(abortPerAttempt: 0.2, abortPerGiB: 0.01, setupErrorProbability: 0.1)

    @Test func theAnswerForAnAttemptDoesNotDependOnCallOrder() {
        let o = oracle(faults)
        let keys = (0..<50).flatMap { i in (1...4).map { ("vm-\(i)", $0) } }
        let forward = keys.map { o.attemptFaults(instance: $0.0, attempt: $0.1) }
        // Reverse order, with unrelated queries in between, on another oracle value.
        let again = oracle(faults)
        var backward: [AttemptFaults] = []
        for key in keys.reversed() {
            _ = again.attemptFaults(instance: "other", attempt: key.1)
            backward.append(again.attemptFaults(instance: key.0, attempt: key.1))
        }
        #expect(forward == Array(backward.reversed()))
        #expect(Set(forward.map { $0.apiChangeAtBytes ?? -1 }).count > 150)
    }

    @Test func attemptsAndReplicationsDrawDifferently() {
        let a = oracle(faults, seed: 1), b = oracle(faults, seed: 2)
        #expect(a.attemptFaults(instance: "vm", attempt: 1) != a.attemptFaults(instance: "vm", attempt: 2))
        #expect(a.attemptFaults(instance: "vm", attempt: 1) != b.attemptFaults(instance: "vm", attempt: 1))
    }

    /// Changing one probability moves no other fault's draw (each has its own stream, and a
    /// stream draws the same whatever the probability).
    @Test func oneKnobDoesNotMoveAnother() {
        var more = faults
        more.abortPerAttempt = 0.9
        more.setupErrorProbability = 0.5
        let a = oracle(faults), b = oracle(more)
        for i in 0..<200 {
            #expect(a.attemptFaults(instance: "vm-\(i)", attempt: 1).apiChangeAtBytes
                    == b.attemptFaults(instance: "vm-\(i)", attempt: 1).apiChangeAtBytes)
            // An attempt that aborts at p = 0.2 also aborts at p = 0.9, at the same point.
            if let x = a.attemptFaults(instance: "vm-\(i)", attempt: 1).internalErrorAtFirstPassFraction {
                #expect(b.attemptFaults(instance: "vm-\(i)", attempt: 1).internalErrorAtFirstPassFraction == x)
            }
        }
    }

    @Test func perGiBAbortsComposeAsOneMinusSurvivalToThePowerOfGiB() {
        let p = 0.01
        let o = oracle(MigrationFaults(abortPerGiB: p))
        let n = 20_000
        for g in [1.0, 10, 64, 300] {
            let aborted = (0..<n).filter { o.abortsByBytes(instance: "vm-\($0)", attempt: 1, bytesSent: g * gib) }.count
            let expected = 1 - pow(1 - p, g)
            #expect(close(Double(aborted) / Double(n), expected, n: n), "\(g) GiB: \(aborted) of \(n), expected \(expected)")
        }
        // Monotone in the bytes sent: an attempt that aborted by 10 GiB has aborted by 64 GiB.
        for i in 0..<500 where o.abortsByBytes(instance: "vm-\(i)", attempt: 1, bytesSent: 10 * gib) {
            #expect(o.abortsByBytes(instance: "vm-\(i)", attempt: 1, bytesSent: 64 * gib))
        }
    }

    @Test func perGiBEdgeCases() {
        #expect(oracle(MigrationFaults(abortPerGiB: 0)).attemptFaults(instance: "vm", attempt: 1).apiChangeAtBytes == nil)
        #expect(oracle(MigrationFaults(abortPerGiB: 1)).abortPoint(instance: "vm", attempt: 1, firstPassBytes: gib)
                == AbortPoint(bytesSent: 0, cause: .apiChange))
        #expect(oracle(MigrationFaults()).abortPoint(instance: "vm", attempt: 1, firstPassBytes: gib) == nil)
    }

    @Test func perAttemptAbortsHappenWithTheirProbabilityWithinTheFirstPass() {
        let o = oracle(MigrationFaults(abortPerAttempt: 0.02))
        let n = 20_000
        let points = (0..<n).compactMap { o.abortPoint(instance: "vm-\($0)", attempt: 3, firstPassBytes: 16 * gib) }
        #expect(close(Double(points.count) / Double(n), 0.02, n: n))
        #expect(points.allSatisfy { $0.cause == .internalError && $0.bytesSent >= 0 && $0.bytesSent < 16 * gib })
        // Uniform over the pass: the mean position is about half of it.
        let mean = points.map(\.bytesSent).reduce(0, +) / Double(points.count) / (16 * gib)
        #expect(abs(mean - 0.5) < 0.05)
    }

    @Test func theAbortPointIsTheEarlierOfTheTwo() {
        let o = oracle(MigrationFaults(abortPerAttempt: 0.5, abortPerGiB: 0.05))
        for i in 0..<300 {
            let f = o.attemptFaults(instance: "vm-\(i)", attempt: 1)
            let point = o.abortPoint(instance: "vm-\(i)", attempt: 1, firstPassBytes: 8 * gib)
            let internalError = f.internalErrorAtFirstPassFraction.map { $0 * 8 * gib }
            let candidates = [internalError, f.apiChangeAtBytes].compactMap { $0 }
            #expect(point?.bytesSent == candidates.min())
        }
    }

    @Test func setupErrorsHaveTheirProbabilityAndDelay() {
        let o = oracle(MigrationFaults(setupErrorProbability: 0.1))
        let n = 20_000
        let delays = (0..<n).compactMap { o.setupError(instance: "vm-\($0)", attempt: 1) }
        #expect(close(Double(delays.count) / Double(n), 0.1, n: n))
        // Nova's vif_plugging_timeout, the default delay.
        #expect(delays.allSatisfy { $0 == .seconds(300) })
        #expect(o.setupFails(instance: "vm-1", attempt: 1) == (o.setupError(instance: "vm-1", attempt: 1) != nil))
    }

    @Test func thePlanCarriesTheOracleAndTheStallTimeout() throws {
        var c = FailureConfig()
        c.migrations = faults
        c.migrations.linkStallTimeout = .seconds(45)
        let p = try plan(c, try failureFleet(hosts: 2), seed: 9)
        #expect(p.linkStallTimeout == .seconds(45))
        #expect(p.oracle.attemptFaults(instance: "x", attempt: 2) == oracle(faults, seed: 9).attemptFaults(instance: "x", attempt: 2))
    }
}
