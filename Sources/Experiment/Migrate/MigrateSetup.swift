import Foundation
import MigrationEngine
import Scenario
import Stochastics

private typealias F = MigrateFlags

/// The flags of `fleetsim migrate` turned into what `MigrationRun` takes: parameters (preset
/// first, then every override), the guest, the wire, the horizon and external events. All
/// input errors are found here, before anything runs.
public struct MigrateSetup {
    public enum ModelKind: String, Sendable { case analytic, bitmap, trace }

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
        // Each value was parsed (and checked on its own) by ArgumentParser; the checks between
        // flags run here in the order of the flags' groups, so a command line with several
        // such mistakes reports the first group's.
        let budget = MemoryBudget(limitBytes: c.maxMemory?.bytes ?? MemoryBudget.defaultLimitBytes)
        preset = c.preset.value
        let pages = try Self.pages(c)
        var p = MigrationParameters(memoryBytes: pages.memory, preset: preset)
        p.pageSizeBytes = pages.page
        modelKind = c.dirtyModel.value
        seed = c.seed.value
        (workload, traceSamples) = try Self.writes(c, pages: pages, model: modelKind, budget: budget)
        if let z = c.zeroPages { p.zeroPageFraction = z.value }
        if let d = c.deviceState { p.deviceStateBytes = Int64(d.bytes.rounded()) }
        wire = Self.wire(c, to: &p)
        // Capabilities and costs (MigrateSetup+Capabilities.swift), then the management layer.
        try Self.applyAutoConverge(c, to: &p)
        try Self.applyPostcopy(c, to: &p)
        try Self.applyXbzrle(c, to: &p)
        Self.applyWireFormatAndCosts(c, to: &p)
        try Self.applyManagement(c, preset: preset, to: &p)
        (horizonSeconds, maxSteps, events) = Self.runLimits(c, traceSampleCount: traceSamples.count)
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
