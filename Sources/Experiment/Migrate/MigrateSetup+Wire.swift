import Foundation
import MigrationEngine
import Scenario
import Stochastics

private typealias F = MigrateFlags

/// `fleetsim migrate`'s wire and run flags.
extension MigrateSetup {
    /// The link (`--bandwidth`, `--bandwidth-change`) and QEMU's rate settings on it.
    static func wire(_ c: MigrateOptions, to p: inout MigrationParameters) throws(CommandFailure) -> WireSchedule {
        let link = try FlagValue.rate(c.bandwidth, flag: F.bandwidth.flag)!
        var steps = [WireSchedule.Step(atSeconds: 0, bytesPerSecond: link)]
        for text in c.bandwidthChange {
            let (t, value) = try FlagValue.timed(text, flag: F.bandwidthChange.flag, valueNoun: "RATE")
            let r = try FlagValue.quantity(value, flag: F.bandwidthChange.flag, kind: .bytesPerSecond, range: .nonNegative,
                                           expected: "TIME=RATE with a non-negative rate (e.g. 60s=5Gbit/s)")
            steps.append(WireSchedule.Step(atSeconds: t, bytesPerSecond: r))
        }
        if let m = c.maxBandwidth { p.maxBandwidthBytesPerSecond = try FlagValue.rate(m, flag: F.maxBandwidth.flag, allowNone: true) }
        if let a = c.availSwitchoverBandwidth {
            p.availSwitchoverBandwidthBytesPerSecond = try FlagValue.rate(a, flag: F.availSwitchoverBandwidth.flag, allowNone: true)
        }
        if let w = c.rateWindow { p.bandwidthWindowSeconds = try FlagValue.duration(w, flag: F.rateWindow.flag, positive: true)! }
        if let n = c.multifdChannels {
            // options.c migrate_params_check: multifd-channels in 1...255.
            p.streams.channels = try FlagValue.integer(n, flag: F.multifdChannels.flag, in: 1...255)
        }
        if let r = c.channelRate { p.streams.perChannelBytesPerSecond = try FlagValue.rate(r, flag: F.channelRate.flag, allowNone: true) }
        return WireSchedule(steps: steps)
    }

    /// `--horizon`, `--max-steps` and `--event`.
    static func runLimits(_ c: MigrateOptions, traceSampleCount: Int) throws(CommandFailure)
        -> (horizonSeconds: Double, maxSteps: Int, events: [MigrationRun.ExternalEvent]) {
        let horizon = try FlagValue.duration(c.horizon, flag: F.horizon.flag, positive: true)!
        var maxSteps = try c.maxSteps.map { v throws(CommandFailure) in
            try FlagValue.integer(v, flag: F.maxSteps.flag, in: 1...1_000_000_000)
        } ?? Self.defaultMaxSteps
        // The trace model sums its samples at every step: a long trace makes each step dear,
        // so the step bound shrinks with it (the run then ends on 'work limit reached').
        if traceSampleCount > 0 {
            maxSteps = min(maxSteps, max(100, Self.traceWorkBudget / traceSampleCount))
        }
        let kinds: [(String, MigrationRun.ExternalEvent.Kind)] = [
            ("source-failure", .hostFailure(.source)), ("target-failure", .hostFailure(.target)),
            ("link-failure", .linkFailure), ("link-restored", .linkRestored), ("cancel", .cancel),
            ("force-complete", .forceComplete),
        ]
        var events: [MigrationRun.ExternalEvent] = []
        for text in c.event {
            let (t, name) = try FlagValue.timed(text, flag: F.event.flag, valueNoun: "EVENT")
            events.append(MigrationRun.ExternalEvent(atSeconds: t, kind: try FlagValue.choice(name, flag: F.event.flag, kinds)))
        }
        return (horizon, maxSteps, events)
    }
}
