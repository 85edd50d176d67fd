import Foundation
import MigrationEngine
import Scenario
import Stochastics

private typealias F = MigrateFlags

/// `fleetsim migrate`'s guest flags: memory and pages, then how the guest writes.
extension MigrateSetup {
    struct Pages {
        let pageBytes: Double
        let page: Int64
        let memory: Int64
    }

    /// `--page-size` (a power of two from 512 B to 1 GiB, `EngineLimits`) and `--memory` (a whole number of pages).
    static func pages(_ c: MigrateOptions) throws(CommandFailure) -> Pages {
        let pageBytes = c.pageSize.bytes
        // The scenario reader's rule (campaign.live_migration.page_size), not a copy of it.
        guard EngineLimits.isValidPageSize(bytes: pageBytes) else {
            throw FlagValue.failure(F.pageSize.flag, expected: EngineLimits.pageSizeExpected, found: FlagValue.quote(c.pageSize.text))
        }
        let page = Int64(pageBytes)
        let memoryValue = c.memory.bytes
        guard memoryValue < 9.2e18 else {
            throw FlagValue.failure(F.memory.flag, expected: "a positive byte size (e.g. 16GiB)", found: "\(FlagValue.quote(c.memory.text)), which is too large")
        }
        let memory = Int64(memoryValue.rounded())
        guard memory >= page, memory % page == 0 else {
            throw FlagValue.failure(F.memory.flag, expected: "a whole number of \(SimTimeText.bytes(pageBytes)) pages (--page-size)",
                                    found: FlagValue.quote(c.memory.text))
        }
        return Pages(pageBytes: pageBytes, page: page, memory: memory)
    }

    /// The guest's writes: a trace file (`--dirty-model trace`), or rates per region (a cold
    /// rest and an optional hot region) with phases.
    static func writes(_ c: MigrateOptions, pages: Pages, model: ModelKind,
                       budget: MemoryBudget) throws(CommandFailure) -> (GuestWorkload, [TraceDirtyModel.Sample]) {
        if model == .bitmap {
            // One bit per page, plus the per-region tables: refuse a bitmap that cannot fit
            // (`--memory 1PiB --dirty-model bitmap` asked the allocator for 32 GiB and died).
            let count = Double(pages.memory / pages.page)
            try budget.check(count / 8 + 4_096, for: "the page bitmap of \(MemoryText.bytes(Double(pages.memory))) in \(SimTimeText.bytes(pages.pageBytes)) pages")
        }
        let distribution = c.dirtyDistribution.value
        if model == .trace {
            guard let path = c.dirtyTrace else {
                throw FlagValue.failure(F.dirtyModel.flag, expected: "--dirty-trace FILE with 'trace'", found: "'trace' without --dirty-trace")
            }
            for (flag, given) in [("--dirty", c.dirty != nil), ("--hot-fraction", c.hotFraction != nil),
                                  ("--hot-dirty", c.hotDirty != nil), ("--phase", !c.phase.isEmpty)] where given {
                throw FlagValue.failure(flag, expected: "no write rates with --dirty-model trace (the trace gives them)",
                                        found: "\(flag) as well")
            }
            let samples = try TraceFile.load(path, budget: budget)
            return (GuestWorkload(memoryBytes: pages.memory, pageSizeBytes: pages.page), samples)
        }
        if c.dirtyTrace != nil {
            throw FlagValue.failure(F.dirtyTrace.flag, expected: "--dirty-model trace", found: "--dirty-model \(model.rawValue)")
        }
        let regions = try Self.regions(c, distribution: distribution)
        let phases = c.phase.map { DirtyPhase(startSeconds: $0.seconds, rateMultiplier: $0.value) }
        return (GuestWorkload(memoryBytes: pages.memory, pageSizeBytes: pages.page, regions: regions, phases: phases), [])
    }

    /// `--dirty` on the whole guest, or with `--hot-fraction` and `--hot-dirty` (both or
    /// neither) on the cold rest next to a hot region.
    static func regions(_ c: MigrateOptions, distribution: WriteDistribution) throws(CommandFailure) -> [DirtyRegion] {
        let rate = c.dirty?.rate ?? .bytesPerSecond(0)
        switch (c.hotFraction, c.hotDirty) {
        case (nil, nil):
            return [DirtyRegion(fractionOfMemory: 1, writeRate: rate, distribution: distribution)]
        case (let f?, let h?):
            let hot = f.value
            let hotRate = h.rate
            return [DirtyRegion(fractionOfMemory: hot, writeRate: hotRate, distribution: distribution),
                    DirtyRegion(fractionOfMemory: 1 - hot, writeRate: rate, distribution: distribution)]
        case (nil, _?):
            throw FlagValue.failure(F.hotDirty.flag, expected: "--hot-fraction as well", found: "--hot-dirty alone")
        case (_?, nil):
            throw FlagValue.failure(F.hotFraction.flag, expected: "--hot-dirty as well", found: "--hot-fraction alone")
        }
    }
}
