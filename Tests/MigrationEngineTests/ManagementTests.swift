import Testing
@testable import MigrationEngine

/// D > B guests: a uniform writer at 200 MiB/s over 4 GiB.
private func heavyGuest(_ memory: Int64 = 4 * GiB) -> GuestWorkload {
    GuestWorkload.uniform(memoryBytes: memory, rate: .bytesPerSecond(200 * Bytes.mebibyte))
}
private let link10G = Bytes.bytesPerSecond(gigabitsPerSecond: 10)
private let link1G = Bytes.bytesPerSecond(gigabitsPerSecond: 1)

@Suite struct ManagementTests {
    @Test func qemuNeverGivesUpWhenDirtyRateExceedsBandwidth() {
        let p = MigrationParameters(memoryBytes: 4 * GiB, preset: .qemu)
        let o = MigrationRun.run(parameters: p, guest: .analytic(heavyGuest()), wire: .fixed(bytesPerSecond: link10G),
                                 horizonSeconds: 6 * 3600)
        #expect(o.state == .running)
        #expect(o.reason == .horizon)
        #expect(relErr(o.totalTimeSeconds, 6 * 3600) < 1e-12)
        #expect(o.passes.count > 100)
    }

    @Test func autoConvergeCompletesWithThrottleTwentyThirtyForty() {
        var p = MigrationParameters(memoryBytes: 4 * GiB, preset: .qemu)
        p.autoConverge = AutoConvergeSettings()
        var c = PrecopyController(parameters: p, guest: .analytic(heavyGuest()), linkBytesPerSecond: link10G)
        var raises: [Int] = []
        while !c.isFinished {
            c.advance(toSeconds: c.nextDecisionSeconds)
            for case .raiseThrottle(let pct) in c.lastDecisions { raises.append(pct) }
        }
        let o = c.outcome!
        #expect(o.state == .completed)
        #expect(raises.count >= 3)
        #expect(Array(raises.prefix(3)) == [20, 30, 40])
        for (a, b) in zip(raises, raises.dropFirst()) { #expect(b == min(a + 10, 99)) }
        // Throttle is raised on every second qualifying period only.
        let throttles = o.passes.map(\.throttlePercent)
        #expect(throttles.first == 0)
        #expect(throttles.filter { $0 == 20 }.count >= 2)
    }

    @Test func autoConvergeTailslowRaisesByLessNearTheEnd() {
        var ac = AutoConverge(settings: { var s = AutoConvergeSettings(); s.tailslow = true; return s }(),
                              startSeconds: 0, bytesSent: 0)
        _ = ac.throttleDown(dirtyBytes: 100, thresholdBytes: 50)  // starts at 20
        #expect(ac.throttlePercent == 20)
        // cpu_now 80, ideal 80 x 50/55 = 72.7 -> increment min(7, 10) = 7
        #expect(ac.throttleDown(dirtyBytes: 55, thresholdBytes: 50) == 27)
    }

    @Test func autoConvergeNeedsTwoHighPeriodsOfOverOneSecond() {
        var ac = AutoConverge(settings: AutoConvergeSettings(), startSeconds: 0, bytesSent: 0)
        #expect(ac.onSync(nowSeconds: 0.5, dirtyBytes: 900, totalBytesSent: 1000) == nil)  // period < 1 s: accumulate
        #expect(ac.onSync(nowSeconds: 1.5, dirtyBytes: 900, totalBytesSent: 2000) == nil)  // high #1
        #expect(ac.onSync(nowSeconds: 3.0, dirtyBytes: 100, totalBytesSent: 4000) == nil)  // not high
        #expect(ac.onSync(nowSeconds: 4.5, dirtyBytes: 1500, totalBytesSent: 6000) == 20)  // high #2
        #expect(ac.runFraction == 0.8)
    }

    @Test func novaDowntimeStepsMatchNovaDocstringExample() {
        // migration.py downtime_steps docstring: 10 steps, 30 s delay, 3 GB, 400 ms.
        let steps = DowntimeStep.nova(maxDowntimeMilliseconds: 400, steps: 10, delaySecondsPerGiB: 30, dataGiB: 3)
        #expect(steps.map(\.afterSeconds) == stride(from: 0.0, through: 900, by: 90).map { $0 })
        #expect(steps.map { Int(($0.downtimeLimitSeconds * 1000).rounded()) } == [40, 76, 112, 148, 184, 220, 256, 292, 328, 364, 400])
    }

    @Test func novaAbortsAtExactly800SecondsPerGiBFollowingTheRamp() {
        let p = MigrationParameters(memoryBytes: 4 * GiB, preset: .nova)
        #expect(p.maxBandwidthBytesPerSecond == nil)
        #expect(p.management.completionTimeoutSeconds == 3200)
        var c = PrecopyController(parameters: p, guest: .analytic(heavyGuest()), linkBytesPerSecond: link1G)
        var limits: [(Double, Double)] = []
        while !c.isFinished {
            c.advance(toSeconds: c.nextDecisionSeconds)
            for case .changeDowntimeLimit(let s) in c.lastDecisions { limits.append((c.nowSeconds, s)) }
        }
        let o = c.outcome!
        #expect(o.state == .aborted)
        #expect(o.reason == .aborted(.completionTimeout))
        #expect(o.totalTimeSeconds == 3200)
        // 4 GiB: a step every 300 s, from 50 ms to 500 ms in 45 ms increments.
        #expect(limits.map(\.0) == stride(from: 300.0, through: 3000, by: 300).map { $0 })
        #expect(limits.map { Int(($0.1 * 1000).rounded()) } == [95, 140, 185, 230, 275, 320, 365, 410, 455, 500])
        for pass in o.passes {
            let end = pass.startSeconds + pass.durationSeconds
            let step = min(10, Int(end / 300))
            #expect(abs(pass.downtimeLimitSeconds - (0.05 + 0.045 * Double(step))) < 1e-9)
        }
    }

    @Test func novaUsesTwoGiBFloor() {
        let p = MigrationParameters(memoryBytes: 1 * GiB, preset: .nova)
        #expect(p.management.completionTimeoutSeconds == 1600)
        #expect(p.management.downtimeSteps[1].afterSeconds == 150)
    }

    @Test func novaForceCompletePausesWithoutPostcopy() {
        var p = MigrationParameters(memoryBytes: 4 * GiB, preset: .nova)
        p.management.timeoutAction = .pauseAndComplete
        let o = MigrationRun.run(parameters: p, guest: .analytic(heavyGuest()), wire: .fixed(bytesPerSecond: link1G))
        #expect(o.state == .completed)
        #expect(o.reason == .pausedAndCopied)
        #expect(o.totalTimeSeconds > 3200)
        #expect(relErr(o.totalTimeSeconds - o.downtimeSeconds, 3200) < 1e-9)
    }

    @Test func libvirtTimeoutSwitchesToPostcopyWhenAsked() {
        var p = MigrationParameters(memoryBytes: 4 * GiB, preset: .libvirt)
        p.management.completionTimeoutSeconds = 120
        p.management.timeoutAction = .switchToPostcopy
        p.postcopy = PostcopySettings()
        let o = MigrationRun.run(parameters: p, guest: .analytic(heavyGuest()), wire: .fixed(bytesPerSecond: link1G))
        #expect(o.state == .completed)
        #expect(o.reason == .postcopy)
        #expect(o.postcopy.map { relErr($0.startSeconds, 120) < 1e-12 } == true)
    }

    @Test func kubevirtProgressTimeoutAndCompletionTimeout() {
        let p = MigrationParameters(memoryBytes: 4 * GiB, preset: .kubevirt)
        #expect(p.management.completionTimeoutSeconds == 600)
        #expect(p.management.progressTimeoutSeconds == 150)
        #expect(KubeVirtDefaults.parallelMigrationsPerCluster == 5)
        #expect(KubeVirtDefaults.parallelOutboundMigrationsPerNode == 2)
        // Steady state: the dirty set stops shrinking; no new minimum for 150 s -> abort.
        let o = MigrationRun.run(parameters: p, guest: .analytic(heavyGuest()), wire: .fixed(bytesPerSecond: link1G))
        #expect(o.state == .aborted)
        #expect(o.reason == .aborted(.progressTimeout) || o.reason == .aborted(.completionTimeout))
        #expect(o.totalTimeSeconds <= 600)
        var q = p
        q.management.progressTimeoutSeconds = nil
        let o2 = MigrationRun.run(parameters: q, guest: .analytic(heavyGuest()), wire: .fixed(bytesPerSecond: link1G))
        #expect(o2.reason == .aborted(.completionTimeout))
        #expect(o2.totalTimeSeconds == 600)
    }

    @Test func xenStopsAtThreeTimesMemorySent() {
        let p = MigrationParameters(memoryBytes: 4 * GiB, preset: .xen)
        let o = MigrationRun.run(parameters: p, guest: .analytic(heavyGuest()), wire: .fixed(bytesPerSecond: link1G))
        #expect(o.state == .completed)
        #expect(o.reason == .xenLimitStop)
        let sentBeforeLast = o.passes.dropLast().reduce(0.0) { $0 + $1.bytesSent }
        let sentAll = o.passes.reduce(0.0) { $0 + $1.bytesSent }
        #expect(sentAll > 3 * Double(4 * GiB))
        #expect(sentBeforeLast <= 3 * Double(4 * GiB) * (1 + 8.0 / 4096))
        #expect(o.passes.count < 29)
    }

    @Test func xenStopsAfterTwentyNinePasses() {
        let p = MigrationParameters(memoryBytes: 4 * GiB, preset: .xen)
        // A hot 1 % region rewritten fully each pass: small passes, far from 3x memory, > 50 pages.
        let guest = GuestWorkload(memoryBytes: 4 * GiB, regions: [
            DirtyRegion(fractionOfMemory: 0.01, writeRate: .bytesPerSecond(10 * Bytes.gibibyte)),
            DirtyRegion(fractionOfMemory: 0.99, writeRate: .bytesPerSecond(0)),
        ])
        let o = MigrationRun.run(parameters: p, guest: .analytic(guest), wire: .fixed(bytesPerSecond: link10G))
        #expect(o.reason == .xenLimitStop)
        #expect(o.passes.count == 29)
    }

    @Test func xenStopsBelowFiftyPages() {
        let p = MigrationParameters(memoryBytes: 1 * GiB, preset: .xen)
        let guest = GuestWorkload.uniform(memoryBytes: 1 * GiB, rate: .pagesPerSecond(30), distribution: .distinctUntilFull)
        let o = MigrationRun.run(parameters: p, guest: .analytic(guest), wire: .fixed(bytesPerSecond: link10G))
        #expect(o.reason == .xenLimitStop)
        #expect(o.passes.last!.bytesSent / 4104 < 50)
        var q = p; q.management.limitAction = .abort
        #expect(MigrationRun.run(parameters: q, guest: .analytic(guest), wire: .fixed(bytesPerSecond: link10G)).reason
                == .aborted(.xenLimits))
    }

    @Test func presetsDisagreeOnTheCap() {
        #expect(MigrationParameters(memoryBytes: GiB, preset: .qemu).maxBandwidthBytesPerSecond == 134_217_728)
        for preset in [ManagementPreset.libvirt, .nova, .kubevirt, .xen] {
            #expect(MigrationParameters(memoryBytes: GiB, preset: preset).maxBandwidthBytesPerSecond == nil)
        }
    }
}
