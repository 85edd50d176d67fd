import ArgumentParser
import Scenario

private typealias F = MigrateFlags

/// The flags of `fleetsim migrate` that describe one migration (guest, wire, engine,
/// management layer, run), as text: `MigrateSetup` parses and checks them into engine
/// parameters. Each flag's name and help come from its entry in the knob table
/// (`MigrateFlags`, Sources/Scenario/Knobs), where docs/migrate.md's rows come from too. A
/// library type, so tests and other tools can build a migration from flags without the binary (`MigrateOptions.parse(["--memory", "8GiB", ...])`); the command adds
/// its output flags (`--json`, `--sweep`, `--csv`).
public struct MigrateOptions: ParsableArguments {
    public init() {}

    // MARK: guest

    @Option(name: F.memory.optionName, parsing: .unconditional, help: F.memory.argumentHelp)
    public var memory: String

    @Option(name: F.dirty.optionName, parsing: .unconditional, help: F.dirty.argumentHelp)
    public var dirty: String?

    @Option(name: F.dirtyDistribution.optionName, help: F.dirtyDistribution.argumentHelp)
    public var dirtyDistribution: String = "uniform"

    @Option(name: F.dirtyModel.optionName, help: F.dirtyModel.argumentHelp)
    public var dirtyModel: String = "analytic"

    @Option(name: F.hotFraction.optionName, help: F.hotFraction.argumentHelp)
    public var hotFraction: String?

    @Option(name: F.hotDirty.optionName, help: F.hotDirty.argumentHelp)
    public var hotDirty: String?

    @Option(name: F.phase.optionName, help: F.phase.argumentHelp)
    public var phase: [String] = []

    @Option(name: F.dirtyTrace.optionName, help: F.dirtyTrace.argumentHelp)
    public var dirtyTrace: String?

    @Option(name: F.seed.optionName, parsing: .unconditional, help: F.seed.argumentHelp)
    public var seed: String = "1"

    @Option(name: F.pageSize.optionName, help: F.pageSize.argumentHelp)
    public var pageSize: String = "4KiB"

    @Option(name: F.zeroPages.optionName, help: F.zeroPages.argumentHelp)
    public var zeroPages: String?

    @Option(name: F.deviceState.optionName, help: F.deviceState.argumentHelp)
    public var deviceState: String?

    // MARK: wire

    @Option(name: F.bandwidth.optionName, parsing: .unconditional, help: F.bandwidth.argumentHelp)
    public var bandwidth: String

    @Option(name: F.bandwidthChange.optionName, help: F.bandwidthChange.argumentHelp)
    public var bandwidthChange: [String] = []

    @Option(name: F.maxBandwidth.optionName, help: F.maxBandwidth.argumentHelp)
    public var maxBandwidth: String?

    @Option(name: F.availSwitchoverBandwidth.optionName, help: F.availSwitchoverBandwidth.argumentHelp)
    public var availSwitchoverBandwidth: String?

    @Option(name: F.rateWindow.optionName, help: F.rateWindow.argumentHelp)
    public var rateWindow: String?

    @Option(name: F.qemuVersion.optionName, help: F.qemuVersion.argumentHelp)
    public var qemuVersion: String?

    @Option(name: F.precopyLoop.optionName, help: F.precopyLoop.argumentHelp)
    public var precopyLoop: String?

    @Option(name: F.messageLatency.optionName, help: F.messageLatency.argumentHelp)
    public var messageLatency: String?

    @Option(name: F.firstPassRate.optionName, help: F.firstPassRate.argumentHelp)
    public var firstPassRate: String?

    @Option(name: F.multifdChannels.optionName, help: F.multifdChannels.argumentHelp)
    public var multifdChannels: String?

    @Option(name: F.channelRate.optionName, help: F.channelRate.argumentHelp)
    public var channelRate: String?

    // MARK: QEMU migration parameters

    @Option(name: F.preset.optionName, help: F.preset.argumentHelp)
    public var preset: String = "qemu"

    @Option(name: F.downtimeLimit.optionName, parsing: .unconditional, help: F.downtimeLimit.argumentHelp)
    public var downtimeLimit: String?

    @Flag(name: F.autoConverge.optionName, help: F.autoConverge.argumentHelp)
    public var autoConverge = false

    @Option(name: F.throttleInitial.optionName, help: F.throttleInitial.argumentHelp)
    public var throttleInitial: String?

    @Option(name: F.throttleIncrement.optionName, help: F.throttleIncrement.argumentHelp)
    public var throttleIncrement: String?

    @Option(name: F.throttleMax.optionName, help: F.throttleMax.argumentHelp)
    public var throttleMax: String?

    @Option(name: F.throttleTrigger.optionName, help: F.throttleTrigger.argumentHelp)
    public var throttleTrigger: String?

    @Flag(name: F.throttleTailslow.optionName, help: F.throttleTailslow.argumentHelp)
    public var throttleTailslow = false

    @Flag(name: F.postcopy.optionName, help: F.postcopy.argumentHelp)
    public var postcopy = false

    @Option(name: F.postcopyAfter.optionName, help: F.postcopyAfter.argumentHelp)
    public var postcopyAfter: String?

    @Option(name: F.maxPostcopyBandwidth.optionName, help: F.maxPostcopyBandwidth.argumentHelp)
    public var maxPostcopyBandwidth: String?

    @Option(name: F.postcopyFaultRtt.optionName, help: F.postcopyFaultRtt.argumentHelp)
    public var postcopyFaultRtt: String?

    @Flag(name: F.xbzrle.optionName, help: F.xbzrle.argumentHelp)
    public var xbzrle = false

    @Option(name: F.xbzrleCache.optionName, help: F.xbzrleCache.argumentHelp)
    public var xbzrleCache: String?

    @Option(name: F.xbzrleHitRatio.optionName, help: F.xbzrleHitRatio.argumentHelp)
    public var xbzrleHitRatio: String?

    @Option(name: F.xbzrleEncoded.optionName, help: F.xbzrleEncoded.argumentHelp)
    public var xbzrleEncoded: String?

    // MARK: wire format and fixed costs

    @Option(name: F.pageHeader.optionName, help: F.pageHeader.argumentHelp)
    public var pageHeader: String?

    @Option(name: F.zeroPageWire.optionName, help: F.zeroPageWire.argumentHelp)
    public var zeroPageWire: String?

    @Option(name: F.zeroScanRate.optionName, help: F.zeroScanRate.argumentHelp)
    public var zeroScanRate: String?

    @Option(name: F.setupTime.optionName, help: F.setupTime.argumentHelp)
    public var setupTime: String?

    @Option(name: F.stopLatency.optionName, help: F.stopLatency.argumentHelp)
    public var stopLatency: String?

    @Option(name: F.switchoverOverhead.optionName, help: F.switchoverOverhead.argumentHelp)
    public var switchoverOverhead: String?

    // MARK: management

    @Option(name: F.completionTimeout.optionName, help: F.completionTimeout.argumentHelp)
    public var completionTimeout: String?

    @Option(name: F.completionTimeoutPerGib.optionName, help: F.completionTimeoutPerGib.argumentHelp)
    public var completionTimeoutPerGib: String?

    @Option(name: F.timeoutAction.optionName, help: F.timeoutAction.argumentHelp)
    public var timeoutAction: String?

    @Option(name: F.progressTimeout.optionName, help: F.progressTimeout.argumentHelp)
    public var progressTimeout: String?

    @Option(name: F.downtimeSteps.optionName, help: F.downtimeSteps.argumentHelp)
    public var downtimeSteps: String?

    @Option(name: F.downtimeDelay.optionName, help: F.downtimeDelay.argumentHelp)
    public var downtimeDelay: String?

    @Option(name: F.maxDowntime.optionName, help: F.maxDowntime.argumentHelp)
    public var maxDowntime: String?

    @Option(name: F.maxLivePasses.optionName, help: F.maxLivePasses.argumentHelp)
    public var maxLivePasses: String?

    @Option(name: F.maxSentFactor.optionName, help: F.maxSentFactor.argumentHelp)
    public var maxSentFactor: String?

    @Option(name: F.minPagesPerPass.optionName, help: F.minPagesPerPass.argumentHelp)
    public var minPagesPerPass: String?

    @Option(name: F.limitAction.optionName, help: F.limitAction.argumentHelp)
    public var limitAction: String?

    @Option(name: F.switchoverRule.optionName, help: F.switchoverRule.argumentHelp)
    public var switchoverRule: String?

    // MARK: run

    @Option(name: F.event.optionName, help: F.event.argumentHelp)
    public var event: [String] = []

    @Option(name: F.horizon.optionName, help: F.horizon.argumentHelp)
    public var horizon: String = "24h"

    @Option(name: F.maxSteps.optionName, help: F.maxSteps.argumentHelp)
    public var maxSteps: String?

    @Option(name: F.maxMemory.optionName, help: F.maxMemory.argumentHelp)
    public var maxMemory: String?
}
