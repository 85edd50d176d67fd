import Foundation
import MigrationEngine
import Scenario
import Stochastics

/// The flags of `fleetsim migrate` turned into what `MigrationRun` takes: parameters (preset
/// first, then every override), the guest, the wire, the horizon and external events. All
/// input errors are found here, before anything runs.
public struct MigrateSetup {
    public enum ModelKind: String { case analytic, bitmap, trace }

    public var preset: ManagementPreset
    public var parameters: MigrationParameters
    public var workload: GuestWorkload
    public var modelKind: ModelKind
    public var traceSamples: [TraceDirtyModel.Sample] = []
    public var seed: UInt64
    public var wire: WireSchedule
    public var horizonSeconds: Double
    /// Controller steps before the run stops (`--max-steps`).
    public var maxSteps: Int
    public var events: [MigrationRun.ExternalEvent]

    /// The dirty-memory model, built fresh (the bitmap model's stream is seeded here).
    /// The migration these flags describe, run to its end (or the horizon, or the work limit).
    public func run() -> MigrationOutcome {
        MigrationRun.run(parameters: parameters, guest: makeGuest(), wire: wire, horizonSeconds: horizonSeconds,
                         events: events, maxSteps: maxSteps)
    }

    public func makeGuest() -> DirtyModel {
        switch modelKind {
        case .analytic: return .analytic(workload)
        case .bitmap:
            return .bitmap(workload, stream: RandomStream(scenarioSeed: seed, entity: "migrate", purpose: "dirty-writes"))
        case .trace:
            return .trace(TraceDirtyModel(samples: traceSamples, memoryBytes: parameters.memoryBytes,
                                          pageSizeBytes: parameters.pageSizeBytes))
        }
    }

    public init(_ c: MigrateOptions) throws(CommandFailure) {
        let budget = try MemoryBudget.parse(c.maxMemory)
        preset = try FlagValue.choice(c.preset, flag: "--preset", ManagementPreset.allCases.map { ($0.rawValue, $0) })

        // MARK: guest memory and pages
        let pageBytes = try FlagValue.bytes(c.pageSize, flag: "--page-size", positive: true)
        let page = Int64(pageBytes)
        guard Double(page) == pageBytes, page >= 512, page & (page - 1) == 0 else {
            throw FlagValue.failure("--page-size", expected: "a power of two of at least 512B (e.g. 4KiB, 2MiB, 1GiB)",
                                    found: FlagValue.quote(c.pageSize))
        }
        let memoryValue = try FlagValue.bytes(c.memory, flag: "--memory", positive: true)
        guard memoryValue < 9.2e18 else {
            throw FlagValue.failure("--memory", expected: "a positive byte size (e.g. 16GiB)", found: "\(FlagValue.quote(c.memory)), which is too large")
        }
        let memory = Int64(memoryValue.rounded())
        guard memory >= page, memory % page == 0 else {
            throw FlagValue.failure("--memory", expected: "a whole number of \(SimTimeText.bytes(pageBytes)) pages (--page-size)",
                                    found: FlagValue.quote(c.memory))
        }
        var p = MigrationParameters(memoryBytes: memory, preset: preset)
        p.pageSizeBytes = page

        // MARK: guest writes
        modelKind = try FlagValue.choice(c.dirtyModel, flag: "--dirty-model",
                                         [("analytic", .analytic), ("bitmap", .bitmap), ("trace", .trace)])
        guard let seedValue = UInt64(c.seed.trimmingCharacters(in: .whitespaces)) else {
            throw FlagValue.failure("--seed", expected: "a whole number from 0 to \(UInt64.max)", found: FlagValue.quote(c.seed))
        }
        seed = seedValue
        if modelKind == .bitmap {
            // One bit per page, plus the per-region tables: refuse a bitmap that cannot fit
            // (`--memory 1PiB --dirty-model bitmap` asked the allocator for 32 GiB and died).
            let pages = Double(memory / page)
            try budget.check(pages / 8 + 4_096, for: "the page bitmap of \(MemoryText.bytes(Double(memory))) in \(SimTimeText.bytes(pageBytes)) pages")
        }
        let distribution: WriteDistribution = try FlagValue.choice(
            c.dirtyDistribution, flag: "--dirty-distribution", [("uniform", .uniform), ("sequential", .distinctUntilFull)])
        if modelKind == .trace {
            guard let path = c.dirtyTrace else {
                throw FlagValue.failure("--dirty-model", expected: "--dirty-trace FILE with 'trace'", found: "'trace' without --dirty-trace")
            }
            for (flag, given) in [("--dirty", c.dirty != nil), ("--hot-fraction", c.hotFraction != nil),
                                  ("--hot-dirty", c.hotDirty != nil), ("--phase", !c.phase.isEmpty)] where given {
                throw FlagValue.failure(flag, expected: "no write rates with --dirty-model trace (the trace gives them)",
                                        found: "\(flag) as well")
            }
            traceSamples = try TraceFile.load(path, budget: budget)
            workload = GuestWorkload(memoryBytes: memory, pageSizeBytes: page)
        } else {
            if c.dirtyTrace != nil {
                throw FlagValue.failure("--dirty-trace", expected: "--dirty-model trace", found: "--dirty-model \(modelKind.rawValue)")
            }
            let rate = try c.dirty.map { v throws(CommandFailure) in try FlagValue.dirtyRate(v, flag: "--dirty") } ?? .bytesPerSecond(0)
            var regions = [DirtyRegion(fractionOfMemory: 1, writeRate: rate, distribution: distribution)]
            switch (c.hotFraction, c.hotDirty) {
            case (nil, nil): break
            case (let f?, let h?):
                let hot = try FlagValue.fraction(f, flag: "--hot-fraction", open: true)
                let hotRate = try FlagValue.dirtyRate(h, flag: "--hot-dirty")
                regions = [DirtyRegion(fractionOfMemory: hot, writeRate: hotRate, distribution: distribution),
                           DirtyRegion(fractionOfMemory: 1 - hot, writeRate: rate, distribution: distribution)]
            case (nil, _?):
                throw FlagValue.failure("--hot-dirty", expected: "--hot-fraction as well", found: "--hot-dirty alone")
            case (_?, nil):
                throw FlagValue.failure("--hot-fraction", expected: "--hot-dirty as well", found: "--hot-fraction alone")
            }
            var phases: [DirtyPhase] = []
            for text in c.phase {
                let (t, value) = try FlagValue.timed(text, flag: "--phase", valueNoun: "FACTOR")
                let factor = try FlagValue.real(value, flag: "--phase", expected: "TIME=FACTOR with a non-negative factor (e.g. 60s=2)")
                phases.append(DirtyPhase(startSeconds: t, rateMultiplier: factor))
            }
            workload = GuestWorkload(memoryBytes: memory, pageSizeBytes: page, regions: regions, phases: phases)
        }
        if let z = c.zeroPages { p.zeroPageFraction = try FlagValue.fraction(z, flag: "--zero-pages") }
        if let d = c.deviceState { p.deviceStateBytes = Int64(try FlagValue.bytes(d, flag: "--device-state").rounded()) }

        // MARK: wire
        let link = try FlagValue.rate(c.bandwidth, flag: "--bandwidth")!
        var steps = [WireSchedule.Step(atSeconds: 0, bytesPerSecond: link)]
        for text in c.bandwidthChange {
            let (t, value) = try FlagValue.timed(text, flag: "--bandwidth-change", valueNoun: "RATE")
            let r = try FlagValue.quantity(value, flag: "--bandwidth-change", kind: .bytesPerSecond, range: .nonNegative,
                                           expected: "TIME=RATE with a non-negative rate (e.g. 60s=5Gbit/s)")
            steps.append(WireSchedule.Step(atSeconds: t, bytesPerSecond: r))
        }
        wire = WireSchedule(steps: steps)
        if let m = c.maxBandwidth { p.maxBandwidthBytesPerSecond = try FlagValue.rate(m, flag: "--max-bandwidth", allowNone: true) }
        if let a = c.availSwitchoverBandwidth {
            p.availSwitchoverBandwidthBytesPerSecond = try FlagValue.rate(a, flag: "--avail-switchover-bandwidth", allowNone: true)
        }
        if let w = c.rateWindow { p.bandwidthWindowSeconds = try FlagValue.duration(w, flag: "--rate-window", positive: true)! }
        if let n = c.multifdChannels {
            // options.c migrate_params_check: multifd-channels in 1...255.
            p.streams.channels = try FlagValue.integer(n, flag: "--multifd-channels", in: 1...255)
        }
        if let r = c.channelRate { p.streams.perChannelBytesPerSecond = try FlagValue.rate(r, flag: "--channel-rate", allowNone: true) }

        // MARK: capabilities and costs (MigrateSetup+Capabilities.swift)
        try Self.applyAutoConverge(c, to: &p)
        try Self.applyPostcopy(c, to: &p)
        try Self.applyXbzrle(c, to: &p)
        try Self.applyWireFormatAndCosts(c, to: &p)

        // MARK: management
        try Self.applyManagement(c, preset: preset, to: &p)

        // MARK: run
        horizonSeconds = try FlagValue.duration(c.horizon, flag: "--horizon", positive: true)!
        maxSteps = try c.maxSteps.map { v throws(CommandFailure) in
            try FlagValue.integer(v, flag: "--max-steps", in: 1...1_000_000_000)
        } ?? Self.defaultMaxSteps
        // The trace model sums its samples at every step: a long trace makes each step dear,
        // so the step bound shrinks with it (the run then ends on 'work limit reached').
        if !traceSamples.isEmpty {
            maxSteps = min(maxSteps, max(100, Self.traceWorkBudget / traceSamples.count))
        }
        let kinds: [(String, MigrationRun.ExternalEvent.Kind)] = [
            ("source-failure", .hostFailure(.source)), ("target-failure", .hostFailure(.target)),
            ("link-failure", .linkFailure), ("link-restored", .linkRestored), ("cancel", .cancel),
            ("force-complete", .forceComplete),
        ]
        var events: [MigrationRun.ExternalEvent] = []
        for text in c.event {
            let (t, name) = try FlagValue.timed(text, flag: "--event", valueNoun: "EVENT")
            events.append(MigrationRun.ExternalEvent(atSeconds: t, kind: try FlagValue.choice(name, flag: "--event", kinds)))
        }
        self.events = events
        parameters = p
    }

    /// Controller steps (pass ends, window closes, events) a run may take: about 200,000
    /// passes, a year of a non-converging 16 GiB guest, a few seconds of a debug build. A
    /// 100-year horizon on such a guest would otherwise take minutes and gigabytes of passes.
    public static let defaultMaxSteps = 200_000

    /// Trace samples summed over a whole run (steps x samples): about a second of a release
    /// build (the trace model walks every sample at each step).
    public static let traceWorkBudget = 100_000_000

    /// The shortest completion timeout accepted.
    public static let minimumCompletionTimeoutSeconds = 1.0

    // MARK: summary

    /// Two or three lines stating what was run (text output only).
    public var summaryLines: [String] {
        let p = parameters
        var guest = "guest: \(SimTimeText.bytes(Double(p.memoryBytes))), \(SimTimeText.bytes(Double(p.pageSizeBytes))) pages, "
        switch modelKind {
        case .trace: guest += "dirty rate from a trace of \(traceSamples.count) samples"
        case .analytic, .bitmap:
            let parts = workload.regions.map { r -> String in
                let share = workload.regions.count > 1 ? String(format: "%g%% of memory at ", r.fractionOfMemory * 100) : ""
                return share + Self.describe(r.writeRate, p)
            }
            guest += "dirty " + parts.joined(separator: " + ")
            if workload.regions.first?.distribution == .distinctUntilFull { guest += " (sequential)" }
            if !workload.phases.isEmpty { guest += ", \(workload.phases.count) phase(s)" }
        }
        guest += ", \(modelKind.rawValue) model"
        if modelKind == .bitmap { guest += " (seed \(seed))" }
        if p.zeroPageFraction > 0 { guest += String(format: ", %g%% zero pages", p.zeroPageFraction * 100) }

        var wireLine = "wire: link \(SimTimeText.rate(wire.steps[0].bytesPerSecond))"
        if wire.steps.count > 1 { wireLine += " with \(wire.steps.count - 1) change(s)" }
        wireLine += ", max-bandwidth " + (p.maxBandwidthBytesPerSecond.map { String(format: "%.1f MiB/s", $0 / Bytes.mebibyte) } ?? "unlimited")
        if p.streams.channels > 1 { wireLine += ", \(p.streams.channels) multifd channels" }
        if p.xbzrle != nil { wireLine += ", xbzrle" }

        let m = p.management
        var policy = "preset \(preset.rawValue): downtime limit \(SimTimeText.seconds(p.downtimeLimitSeconds))"
        if let last = m.downtimeSteps.last, m.downtimeSteps.count > 1 {
            policy += " ramping to \(SimTimeText.seconds(last.downtimeLimitSeconds)) in \(m.downtimeSteps.count - 1) steps \(SimTimeText.seconds(m.downtimeSteps[1].afterSeconds)) apart"
        }
        if !m.switchoverRuleEnabled { policy += " (switchover rule off)" }
        if let t = m.completionTimeoutSeconds { policy += ", completion timeout \(SimTimeText.seconds(t)) then \(m.timeoutAction.rawValue)" }
        if let t = m.progressTimeoutSeconds { policy += ", progress timeout \(SimTimeText.seconds(t))" }
        if let n = m.maxLivePasses { policy += ", at most \(n) live passes" }
        if let f = m.maxSentFactor { policy += String(format: ", stop after %gx memory sent", f) }
        if let n = m.minPagesPerPass { policy += ", stop below \(n) pages per pass" }
        if let ac = p.autoConverge {
            policy += ", auto-converge \(ac.initialPercent)%+\(ac.incrementPercent)% up to \(ac.maxPercent)% (trigger \(ac.triggerThresholdPercent)%\(ac.tailslow ? ", tailslow" : ""))"
        }
        if let pc = p.postcopy { policy += ", post-copy" + (pc.afterPasses.map { " after \($0) passes" } ?? " enabled") }
        policy += ", horizon \(SimTimeText.seconds(horizonSeconds))"
        return [guest, wireLine, policy]
    }

    public static func describe(_ rate: DirtyRate, _ p: MigrationParameters) -> String {
        let bytes = rate.bytesPerSecond(memoryBytes: p.memoryBytes, pageSizeBytes: p.pageSizeBytes)
        switch rate {
        case .bytesPerSecond: return String(format: "%.1f MiB/s", bytes / Bytes.mebibyte)
        case .pagesPerSecond(let n): return String(format: "%g pages/s (%.1f MiB/s)", n, bytes / Bytes.mebibyte)
        case .fractionOfMemoryPerSecond(let f): return String(format: "%g%%/s (%.1f MiB/s)", f * 100, bytes / Bytes.mebibyte)
        }
    }
}
