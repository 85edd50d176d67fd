import Foundation
import MigrationEngine
import Scenario
import Stochastics

private typealias F = MigrateFlags

/// `fleetsim migrate`'s wire and run flags.
extension MigrateSetup {
    /// The link (`--bandwidth`, `--bandwidth-change`) and QEMU's rate settings on it.
    static func wire(_ c: MigrateOptions, to p: inout MigrationParameters) -> WireSchedule {
        // --bandwidth takes no 'unlimited': its parser returns a rate.
        var steps = [WireSchedule.Step(atSeconds: 0, bytesPerSecond: c.bandwidth.bytesPerSecond!)]
        steps += c.bandwidthChange.map { WireSchedule.Step(atSeconds: $0.seconds, bytesPerSecond: $0.value) }
        if let m = c.maxBandwidth { p.maxBandwidthBytesPerSecond = m.bytesPerSecond }
        if let a = c.availSwitchoverBandwidth { p.availSwitchoverBandwidthBytesPerSecond = a.bytesPerSecond }
        if let w = c.rateWindow { p.bandwidthWindowSeconds = w.seconds! }
        // options.c migrate_params_check: multifd-channels in 1...255 (the flag's parser).
        if let n = c.multifdChannels { p.streams.channels = n.value! }
        if let r = c.channelRate { p.streams.perChannelBytesPerSecond = r.bytesPerSecond }
        return WireSchedule(steps: steps)
    }

    /// `--horizon`, `--max-steps` and `--event`.
    static func runLimits(_ c: MigrateOptions, traceSampleCount: Int)
        -> (horizonSeconds: Double, maxSteps: Int, events: [MigrationRun.ExternalEvent]) {
        let horizon = c.horizon.seconds!
        var maxSteps = c.maxSteps?.value ?? Self.defaultMaxSteps
        // The trace model sums its samples at every step: a long trace makes each step dear,
        // so the step bound shrinks with it (the run then ends on 'work limit reached').
        if traceSampleCount > 0 {
            maxSteps = min(maxSteps, max(100, Self.traceWorkBudget / traceSampleCount))
        }
        let events = c.event.map { MigrationRun.ExternalEvent(atSeconds: $0.seconds, kind: $0.value) }
        return (horizon, maxSteps, events)
    }
}
