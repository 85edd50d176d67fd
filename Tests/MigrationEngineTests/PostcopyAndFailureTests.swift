import Testing
@testable import MigrationEngine

private let link = Bytes.bytesPerSecond(gigabitsPerSecond: 10)

@Suite struct PostcopyAndFailureTests {
    func postcopyParams() -> MigrationParameters {
        var p = MigrationParameters(memoryBytes: 4 * GiB, preset: .libvirt)
        p.postcopy = PostcopySettings(afterPasses: 1)
        return p
    }

    @Test(arguments: [500.0, 2000.0, 8000.0])
    func postcopyBlackoutIndependentOfDirtyRate(mibPerSecond: Double) {
        let p = postcopyParams()
        let guest = GuestWorkload.uniform(memoryBytes: 4 * GiB, rate: .bytesPerSecond(mibPerSecond * Bytes.mebibyte))
        let o = MigrationRun.run(parameters: p, guest: .analytic(guest), wire: .fixed(bytesPerSecond: link))
        #expect(o.state == .completed)
        #expect(o.reason == .postcopy)
        let blackout = (Double(p.deviceStateBytes) + Double(p.totalPages) / 8) / link + p.switchoverOverheadSeconds
        #expect(relErr(o.downtimeSeconds, blackout) < 1e-9)
        let pc = o.postcopy!
        #expect(pc.degradedSeconds > 0)
        #expect(pc.expectedFaults > 0)
        // Each fault costs one round trip, but the guest cannot stall longer than the
        // degraded period, and no page faults twice.
        #expect(relErr(pc.faultStallSeconds, min(pc.expectedFaults * 0.0005, pc.degradedSeconds)) < 1e-12)
        #expect(pc.faultStallSeconds <= pc.degradedSeconds)
        #expect(pc.expectedFaults <= Double(p.totalPages))
    }

    @Test func hostFailureDuringPostcopyLosesTheGuest() {
        let p = postcopyParams()
        let guest = GuestWorkload.uniform(memoryBytes: 4 * GiB, rate: .bytesPerSecond(2 * Bytes.gibibyte))
        let ok = MigrationRun.run(parameters: p, guest: .analytic(guest), wire: .fixed(bytesPerSecond: link))
        let mid = ok.postcopy!.startSeconds + ok.postcopy!.blackoutSeconds + ok.postcopy!.degradedSeconds / 2
        for side in [HostSide.source, .target] {
            let o = MigrationRun.run(parameters: p, guest: .analytic(guest), wire: .fixed(bytesPerSecond: link),
                                     events: [.init(atSeconds: mid, kind: .hostFailure(side))])
            #expect(o.state == .lost)
            #expect(o.reason == .hostFailureDuringPostcopy)
        }
        // Before post-copy a failure only aborts.
        let early = MigrationRun.run(parameters: p, guest: .analytic(guest), wire: .fixed(bytesPerSecond: link),
                                     events: [.init(atSeconds: 1, kind: .hostFailure(.target))])
        #expect(early.state == .aborted)
        #expect(early.reason == .aborted(.targetFailure))
    }

    @Test func networkCutPausesPostcopyAndItRecovers() {
        let p = postcopyParams()
        let guest = GuestWorkload.uniform(memoryBytes: 4 * GiB, rate: .bytesPerSecond(2 * Bytes.gibibyte))
        let ok = MigrationRun.run(parameters: p, guest: .analytic(guest), wire: .fixed(bytesPerSecond: link))
        let mid = ok.postcopy!.startSeconds + ok.postcopy!.blackoutSeconds + ok.postcopy!.degradedSeconds / 2
        let o = MigrationRun.run(parameters: p, guest: .analytic(guest), wire: .fixed(bytesPerSecond: link),
                                 events: [.init(atSeconds: mid, kind: .linkFailure),
                                          .init(atSeconds: mid + 10, kind: .linkRestored)])
        #expect(o.state == .completed)
        #expect(relErr(o.totalTimeSeconds, ok.totalTimeSeconds + 10) < 1e-9)
        // In pre-copy, a link failure aborts.
        let pre = MigrationRun.run(parameters: p, guest: .analytic(guest), wire: .fixed(bytesPerSecond: link),
                                   events: [.init(atSeconds: 1, kind: .linkFailure)])
        #expect(pre.reason == .aborted(.linkFailure))
        let cancelled = MigrationRun.run(parameters: p, guest: .analytic(guest), wire: .fixed(bytesPerSecond: link),
                                         events: [.init(atSeconds: 1, kind: .cancel)])
        #expect(cancelled.reason == .aborted(.cancelled))
    }

    @Test func forceCompleteUsesPostcopyWhenEnabled() {
        var p = postcopyParams()
        p.postcopy?.afterPasses = nil
        let guest = GuestWorkload.uniform(memoryBytes: 4 * GiB, rate: .bytesPerSecond(2 * Bytes.gibibyte))
        let o = MigrationRun.run(parameters: p, guest: .analytic(guest), wire: .fixed(bytesPerSecond: link),
                                 events: [.init(atSeconds: 20, kind: .forceComplete)])
        #expect(o.reason == .postcopy)
        #expect(o.postcopy!.startSeconds == 20)
    }
}
