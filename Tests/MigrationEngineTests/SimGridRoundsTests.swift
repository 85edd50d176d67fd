import Testing
@testable import MigrationEngine

/// The `simgrid` preset against SimGrid 3.32's live-migration plugin
/// (src/plugins/vm/VmLiveMigration.cpp), recomputed here independently as its recurrence:
/// round k sends what round k-1 left, taking latency + bytes / rate; the threshold is the
/// bandwidth measured over the round times 30 ms; dirty bytes are rate x round time capped at
/// 90 % of RAM, all truncated to whole bytes; stage 3 then the acknowledgement.
@Suite struct SimGridRoundsTests {
    struct Reference { let totalSeconds: Double; let downtimeSeconds: Double; let rounds: Int; let bytes: Double }

    static func reference(memoryBytes: Double, dirtyBytesPerSecond: Double, rate: Double,
                          latency: Double, maxDowntime: Double = 0.03) -> Reference {
        let workingSet = (memoryBytes * 0.9).rounded(.down)
        var t = latency + memoryBytes / rate
        var total = t, bytes = memoryBytes, rounds = 1
        var threshold = (memoryBytes / t * maxDowntime).rounded(.down)
        var dirty = min((dirtyBytesPerSecond * t).rounded(.down), workingSet)
        while threshold < dirty && rounds < 10_000 {
            t = latency + dirty / rate
            total += t; bytes += dirty; rounds += 1
            threshold = (dirty / t * maxDowntime).rounded(.down)
            dirty = min((dirtyBytesPerSecond * t).rounded(.down), workingSet)
        }
        let down = latency + dirty / rate
        return Reference(totalSeconds: total + down + latency, downtimeSeconds: down, rounds: rounds, bytes: bytes + dirty)
    }

    static func run(memoryBytes: Int64, dirtyBytesPerSecond: Double, rate: Double, latency: Double) -> MigrationOutcome {
        var p = MigrationParameters(memoryBytes: memoryBytes, preset: .simgrid)
        p.messageLatencySeconds = latency
        let w = GuestWorkload.uniform(memoryBytes: memoryBytes, pageSizeBytes: p.pageSizeBytes, rate: .bytesPerSecond(dirtyBytesPerSecond))
        var c = PrecopyController(parameters: p, guest: .analytic(AnalyticDirtyModel(workload: w)), linkBytesPerSecond: rate)
        c.advance(toSeconds: 1e6)
        return c.outcome!
    }

    /// The figures SimGrid prints for 2 GiB VMs dirtying 100 MB/s, 5 per 10 Gbit/s NIC
    /// (2 Gbit/s each), 10 us per NIC link (20 us a route): 14.307440 s, 14.107 ms, 6 rounds
    /// after stage 1.
    @Test func reproducesSimGridsPublishedRun() {
        let o = Self.run(memoryBytes: 2 << 30, dirtyBytesPerSecond: 100e6, rate: 10e9 / 8 / 5, latency: 20e-6)
        #expect(o.state == .completed)
        #expect(abs(o.totalTimeSeconds - 14.307440) < 5e-7)
        #expect(abs(o.downtimeSeconds - 0.014107) < 5e-7)
        #expect(o.passes.count == 7)
    }

    @Test(arguments: [(1 << 30, 10e6, 125e6, 0.0), (4 << 30, 300e6, 1.25e9, 1e-4),
                      (8 << 30, 600e6, 1.25e9, 5e-5), (2 << 30, 0.0, 1e9, 1e-3)] as [(Int64, Double, Double, Double)])
    func matchesTheRecurrence(memory: Int64, dirty: Double, rate: Double, latency: Double) {
        let r = Self.reference(memoryBytes: Double(memory), dirtyBytesPerSecond: dirty, rate: rate, latency: latency)
        let o = Self.run(memoryBytes: memory, dirtyBytesPerSecond: dirty, rate: rate, latency: latency)
        #expect(o.passes.count == r.rounds)
        #expect(abs(o.totalTimeSeconds - r.totalSeconds) < 1e-6 * max(1, r.totalSeconds))
        #expect(abs(o.downtimeSeconds - r.downtimeSeconds) < 1e-7)
        #expect(abs(o.bytesSent - r.bytes) < 1)
    }
}
