import Testing
import Stochastics
@testable import MigrationEngine

/// The closed-form window jump (`QemuThreadLoop+WindowJump`) against the window-by-window walk.
@Suite struct WindowJumpTests {
    /// A random guest, wire and knob set, drawn from `r`.
    struct Case {
        var parameters: MigrationParameters
        var workload: GuestWorkload
        var wire: WireSchedule
    }

    static func draw(_ r: RandomStream) -> Case {
        let memoryBytes = Int64(64 + r.uniformInt(below: 960)) * MiB
        var p = MigrationParameters(memoryBytes: memoryBytes, preset: r.bernoulli(0.5) ? .qemu : .nova)
        p.maxBandwidthBytesPerSecond = r.bernoulli(0.4) ? nil : (16 + 1000 * r.uniform()) * 1_048_576
        p.downtimeLimitSeconds = 0.01 + 0.5 * r.uniform()
        p.zeroPageFraction = r.bernoulli(0.3) ? 0 : 0.8 * r.uniform()
        p.rateLimitWakeLateSeconds = r.bernoulli(0.5) ? 0 : 0.0015
        p.qemuVersion = r.bernoulli(0.5) ? .v7_2 : .v8_2
        if r.bernoulli(0.3) { p.firstPassBytesPerSecond = (100 + 900 * r.uniform()) * 1_048_576 }
        let pages = Int(memoryBytes / 4096)
        var regions: [DirtyRegion] = []
        for _ in 0..<r.uniformInt(below: 4) {
            let fraction = 0.01 + 0.2 * r.uniform()
            let start = r.uniformInt(below: max(1, pages - Int(fraction * Double(pages))))
            regions.append(DirtyRegion(fractionOfMemory: fraction,
                                       writeRate: .pagesPerSecond(fraction * Double(pages) * 2 * r.uniform()),
                                       distribution: r.bernoulli(0.5) ? .uniform : .distinctUntilFull,
                                       startPage: start))
        }
        var steps = [WireSchedule.Step(atSeconds: 0, bytesPerSecond: (50 + 3000 * r.uniform()) * 1_048_576)]
        for _ in 0..<r.uniformInt(below: 6) {
            steps.append(.init(atSeconds: 20 * r.uniform(), bytesPerSecond: (20 + 3000 * r.uniform()) * 1_048_576))
        }
        return Case(parameters: p, workload: GuestWorkload(memoryBytes: memoryBytes, regions: regions),
                    wire: WireSchedule(steps: steps))
    }

    static func run(_ c: Case, jumps: Bool) -> MigrationOutcome {
        var p = c.parameters
        p.qemuLoopWindowJumps = jumps
        return MigrationRun.run(parameters: p, guest: .analytic(c.workload), wire: c.wire, horizonSeconds: 40)
    }

    /// Same syncs, same pass count, same state and reason; times within 1 ns; bytes within a
    /// relative 1e-9 (they are sums of fractional expected pages, not integers).
    static func expectSame(_ a: MigrationOutcome, _ b: MigrationOutcome, _ label: String) {
        #expect(a.state == b.state, "\(label)")
        #expect(a.reason == b.reason, "\(label)")
        #expect(a.dirtySyncCount == b.dirtySyncCount, "\(label)")
        #expect(a.finalThrottlePercent == b.finalThrottlePercent, "\(label)")
        #expect(abs(a.totalTimeSeconds - b.totalTimeSeconds) <= 1e-9, "\(label)")
        #expect(abs(a.downtimeSeconds - b.downtimeSeconds) <= 1e-9, "\(label)")
        #expect(relErr(a.bytesSent, b.bytesSent) <= 1e-9, "\(label)")
        #expect(a.passes.count == b.passes.count, "\(label)")
        for (x, y) in zip(a.passes, b.passes) {
            #expect(x.index == y.index, "\(label)")
            #expect(abs(x.startSeconds - y.startSeconds) <= 1e-9, "\(label) pass \(x.index)")
            #expect(abs(x.durationSeconds - y.durationSeconds) <= 1e-9, "\(label) pass \(x.index)")
            #expect(abs(x.bytesSent - y.bytesSent) <= 1e-9 * max(1, y.bytesSent), "\(label) pass \(x.index)")
            #expect(abs(x.dirtyBytesAtSync - y.dirtyBytesAtSync) <= 1e-9 * max(1, y.dirtyBytesAtSync),
                    "\(label) pass \(x.index)")
            #expect(x.throttlePercent == y.throttlePercent, "\(label) pass \(x.index)")
        }
    }

    // Property: over many random guests, caps, limits and rate changes, jumping over identical
    // windows gives the window-by-window result.
    @Test(arguments: 0..<8)
    func jumpMatchesTheWindowByWindowWalk(batch: Int) {
        let r = RandomStream(seed: UInt64(1000 + batch))
        for i in 0..<40 {
            let c = Self.draw(r)
            Self.expectSame(Self.run(c, jumps: true), Self.run(c, jumps: false), "batch \(batch) case \(i)")
        }
    }

    // The thread itself, from one state over the same bitmap: the jump lands where the walk
    // does (same check, same counts), and it does jump (a long uncapped run between syncs).
    @Test func threadJumpLandsOnTheSameCheck() {
        let memory = 4 * GiB
        var p = MigrationParameters(memoryBytes: memory, preset: .nova)
        p.maxBandwidthBytesPerSecond = nil
        p.downtimeLimitSeconds = 0.05
        let g = GuestWorkload(memoryBytes: memory, regions: [
            DirtyRegion(fractionOfMemory: 0.3, writeRate: .pagesPerSecond(50_000), startPage: 100_000)])
        let scan = ScanMemory(guest: .analytic(g), parameters: p)
        let costs = ScanCosts(parameters: p, linkBytesPerSecond: 400 * 1_048_576)
        let rules = QemuThreadLoop.Rules(downtimeLimitSeconds: 0.05, availSwitchoverBytesPerSecond: nil,
                                         version: .v8_2, pageBytes: 4096)
        var walk = QemuThreadLoop(startSeconds: 1000, windowSeconds: 0.1, capBytesPerSecond: nil)
        walk.windowJumps = false
        var jump = walk
        jump.windowJumps = true
        var advancesOfJump = 0
        walk.run(until: .infinity, scan: scan, pendingAtCommit: scan.pendingPages, costs: costs, rules: rules)
        var probe = jump
        while !probe.atCheck && advancesOfJump < 100_000 {
            advancesOfJump += 1
            probe.run(until: probe.now + 1, scan: scan, pendingAtCommit: scan.pendingPages, costs: costs, rules: rules)
        }
        jump.run(until: .infinity, scan: scan, pendingAtCommit: scan.pendingPages, costs: costs, rules: rules)
        #expect(walk.atCheck && jump.atCheck && probe.atCheck)
        #expect(abs(jump.now - walk.now) <= 1e-9)
        #expect(abs(probe.now - walk.now) <= 1e-9)
        #expect(relErr(jump.pagesSinceCommit, walk.pagesSinceCommit) <= 1e-12)
        #expect(relErr(jump.bytesSinceCommit, walk.bytesSinceCommit) <= 1e-12)
        #expect(abs(jump.position.page - walk.position.page) <= 1e-6)
        #expect(jump.position.firstRound == walk.position.firstRound)
        #expect(relErr(jump.thresholdBytes, walk.thresholdBytes) <= 1e-12)
        #expect(jump.windowsJumped > 50)
        #expect(walk.windowsJumped == 0)
    }
}
