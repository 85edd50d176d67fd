import ArgumentParser
import Scenario

private typealias F = MigrateFlags

/// The flags of `fleetsim migrate` that describe one migration (guest, wire, engine,
/// management layer, run), as typed values (`FlagArguments.swift`) that ArgumentParser parses
/// one flag at a time; `MigrateSetup` checks them against each other and turns them into engine
/// parameters. Each flag's name and help come from its entry in the knob table
/// (`MigrateFlags`, Sources/Scenario/Knobs), where docs/migrate.md's rows come from too. A
/// library type, so tests and other tools can build a migration from flags without the binary (`MigrateOptions.parse(["--memory", "8GiB", ...])`); the command adds
/// its output flags (`--json`, `--sweep`, `--csv`).
public struct MigrateOptions: ParsableArguments {
    public init() {}

    // MARK: guest

    @Option(name: F.memory.optionName, parsing: .unconditional, help: F.memory.argumentHelp, transform: FlagBytes.parser(positive: true))
    public var memory: FlagBytes

    @Option(name: F.dirty.optionName, parsing: .unconditional, help: F.dirty.argumentHelp, transform: FlagDirtyRate.parser)
    public var dirty: FlagDirtyRate?

    @Option(name: F.dirtyDistribution.optionName, help: F.dirtyDistribution.argumentHelpWithDefault, transform: FlagChoice.parser)
    public var dirtyDistribution: FlagChoice<MigrateChoices.Distribution> = .literal("uniform", FlagChoice.parser)

    @Option(name: F.dirtyModel.optionName, help: F.dirtyModel.argumentHelpWithDefault, transform: FlagChoice.parser)
    public var dirtyModel: FlagChoice<MigrateChoices.Model> = .literal("analytic", FlagChoice.parser)

    @Option(name: F.hotFraction.optionName, help: F.hotFraction.argumentHelp, transform: FlagFraction.parser(open: true))
    public var hotFraction: FlagFraction?

    @Option(name: F.hotDirty.optionName, help: F.hotDirty.argumentHelp, transform: FlagDirtyRate.parser)
    public var hotDirty: FlagDirtyRate?

    @Option(name: F.phase.optionName, help: F.phase.argumentHelp, transform: FlagTimed.parser)
    public var phase: [FlagTimed<MigrateChoices.Factor>] = []

    @Option(name: F.dirtyTrace.optionName, help: F.dirtyTrace.argumentHelp)
    public var dirtyTrace: String?

    @Option(name: F.seed.optionName, parsing: .unconditional, help: F.seed.argumentHelpWithDefault, transform: FlagSeed.parser)
    public var seed: FlagSeed = .literal("1", FlagSeed.parser)

    @Option(name: F.pageSize.optionName, help: F.pageSize.argumentHelpWithDefault, transform: FlagBytes.parser(positive: true))
    public var pageSize: FlagBytes = .literal("4KiB", FlagBytes.parser(positive: true))

    @Option(name: F.zeroPages.optionName, help: F.zeroPages.argumentHelp, transform: FlagFraction.parser())
    public var zeroPages: FlagFraction?

    @Option(name: F.deviceState.optionName, help: F.deviceState.argumentHelp, transform: FlagBytes.parser())
    public var deviceState: FlagBytes?

    // MARK: wire

    @Option(name: F.bandwidth.optionName, parsing: .unconditional, help: F.bandwidth.argumentHelp, transform: FlagRate.parser())
    public var bandwidth: FlagRate

    @Option(name: F.bandwidthChange.optionName, help: F.bandwidthChange.argumentHelp, transform: FlagTimed.parser)
    public var bandwidthChange: [FlagTimed<MigrateChoices.Rate>] = []

    @Option(name: F.maxBandwidth.optionName, help: F.maxBandwidth.argumentHelp, transform: FlagRate.parser(allowNone: true))
    public var maxBandwidth: FlagRate?

    @Option(name: F.availSwitchoverBandwidth.optionName, help: F.availSwitchoverBandwidth.argumentHelp, transform: FlagRate.parser(allowNone: true))
    public var availSwitchoverBandwidth: FlagRate?

    @Option(name: F.rateWindow.optionName, help: F.rateWindow.argumentHelp, transform: FlagDuration.parser(positive: true))
    public var rateWindow: FlagDuration?

    @Option(name: F.qemuVersion.optionName, help: F.qemuVersion.argumentHelp, transform: FlagChoice.parser)
    public var qemuVersion: FlagChoice<MigrateChoices.Qemu>?

    @Option(name: F.precopyLoop.optionName, help: F.precopyLoop.argumentHelp, transform: FlagChoice.parser)
    public var precopyLoop: FlagChoice<MigrateChoices.Loop>?

    @Option(name: F.messageLatency.optionName, help: F.messageLatency.argumentHelp, transform: FlagDuration.parser())
    public var messageLatency: FlagDuration?

    @Option(name: F.firstPassRate.optionName, help: F.firstPassRate.argumentHelp, transform: FlagRate.parser(allowNone: true))
    public var firstPassRate: FlagRate?

    @Option(name: F.multifdChannels.optionName, help: F.multifdChannels.argumentHelp, transform: FlagCount.parser(in: 1...255))
    public var multifdChannels: FlagCount?

    @Option(name: F.channelRate.optionName, help: F.channelRate.argumentHelp, transform: FlagRate.parser(allowNone: true))
    public var channelRate: FlagRate?

    // MARK: QEMU migration parameters

    @Option(name: F.preset.optionName, help: F.preset.argumentHelpWithDefault, transform: FlagChoice.parser)
    public var preset: FlagChoice<MigrateChoices.Preset> = .literal("qemu", FlagChoice.parser)

    @Option(name: F.downtimeLimit.optionName, parsing: .unconditional, help: F.downtimeLimit.argumentHelp, transform: FlagDuration.parser(positive: true))
    public var downtimeLimit: FlagDuration?

    @Flag(name: F.autoConverge.optionName, help: F.autoConverge.argumentHelp)
    public var autoConverge = false

    @Option(name: F.throttleInitial.optionName, help: F.throttleInitial.argumentHelp, transform: FlagCount.percent(in: 1...99))
    public var throttleInitial: FlagCount?

    @Option(name: F.throttleIncrement.optionName, help: F.throttleIncrement.argumentHelp, transform: FlagCount.percent(in: 1...99))
    public var throttleIncrement: FlagCount?

    @Option(name: F.throttleMax.optionName, help: F.throttleMax.argumentHelp, transform: FlagCount.percent(in: 1...99))
    public var throttleMax: FlagCount?

    @Option(name: F.throttleTrigger.optionName, help: F.throttleTrigger.argumentHelp, transform: FlagCount.percent(in: 1...100))
    public var throttleTrigger: FlagCount?

    @Flag(name: F.throttleTailslow.optionName, help: F.throttleTailslow.argumentHelp)
    public var throttleTailslow = false

    @Flag(name: F.postcopy.optionName, help: F.postcopy.argumentHelp)
    public var postcopy = false

    @Option(name: F.postcopyAfter.optionName, help: F.postcopyAfter.argumentHelp, transform: FlagCount.parser(in: 1...Int.max, expected: "a whole number of at least 1"))
    public var postcopyAfter: FlagCount?

    @Option(name: F.maxPostcopyBandwidth.optionName, help: F.maxPostcopyBandwidth.argumentHelp, transform: FlagRate.parser(allowNone: true))
    public var maxPostcopyBandwidth: FlagRate?

    @Option(name: F.postcopyFaultRtt.optionName, help: F.postcopyFaultRtt.argumentHelp, transform: FlagDuration.parser())
    public var postcopyFaultRtt: FlagDuration?

    @Flag(name: F.xbzrle.optionName, help: F.xbzrle.argumentHelp)
    public var xbzrle = false

    @Option(name: F.xbzrleCache.optionName, help: F.xbzrleCache.argumentHelp, transform: FlagBytes.parser())
    public var xbzrleCache: FlagBytes?

    @Option(name: F.xbzrleHitRatio.optionName, help: F.xbzrleHitRatio.argumentHelp, transform: FlagFraction.parser())
    public var xbzrleHitRatio: FlagFraction?

    @Option(name: F.xbzrleEncoded.optionName, help: F.xbzrleEncoded.argumentHelp, transform: FlagFraction.parser())
    public var xbzrleEncoded: FlagFraction?

    // MARK: wire format and fixed costs

    @Option(name: F.pageHeader.optionName, help: F.pageHeader.argumentHelp, transform: FlagBytes.parser())
    public var pageHeader: FlagBytes?

    @Option(name: F.zeroPageWire.optionName, help: F.zeroPageWire.argumentHelp, transform: FlagBytes.parser())
    public var zeroPageWire: FlagBytes?

    @Option(name: F.zeroScanRate.optionName, help: F.zeroScanRate.argumentHelp, transform: FlagRate.parser(allowNone: true))
    public var zeroScanRate: FlagRate?

    @Option(name: F.setupTime.optionName, help: F.setupTime.argumentHelp, transform: FlagDuration.parser())
    public var setupTime: FlagDuration?

    @Option(name: F.stopLatency.optionName, help: F.stopLatency.argumentHelp, transform: FlagDuration.parser())
    public var stopLatency: FlagDuration?

    @Option(name: F.switchoverOverhead.optionName, help: F.switchoverOverhead.argumentHelp, transform: FlagDuration.parser())
    public var switchoverOverhead: FlagDuration?

    // MARK: management

    @Option(name: F.completionTimeout.optionName, help: F.completionTimeout.argumentHelp, transform: FlagDuration.parser(positive: true, allowNone: true))
    public var completionTimeout: FlagDuration?

    @Option(name: F.completionTimeoutPerGib.optionName, help: F.completionTimeoutPerGib.argumentHelp, transform: FlagDuration.parser(positive: true))
    public var completionTimeoutPerGib: FlagDuration?

    @Option(name: F.timeoutAction.optionName, help: F.timeoutAction.argumentHelp, transform: FlagChoice.parser)
    public var timeoutAction: FlagChoice<MigrateChoices.Timeout>?

    @Option(name: F.progressTimeout.optionName, help: F.progressTimeout.argumentHelp, transform: FlagDuration.parser(positive: true, allowNone: true))
    public var progressTimeout: FlagDuration?

    @Option(name: F.downtimeSteps.optionName, help: F.downtimeSteps.argumentHelp, transform: FlagCount.parser(in: 0...1000))
    public var downtimeSteps: FlagCount?

    @Option(name: F.downtimeDelay.optionName, help: F.downtimeDelay.argumentHelp, transform: FlagDuration.parser())
    public var downtimeDelay: FlagDuration?

    @Option(name: F.maxDowntime.optionName, help: F.maxDowntime.argumentHelp, transform: FlagDuration.parser(positive: true))
    public var maxDowntime: FlagDuration?

    @Option(name: F.maxLivePasses.optionName, help: F.maxLivePasses.argumentHelp, transform: FlagCount.parser(in: 1...1_000_000, expected: "a whole number of at least 1 or 'none'", allowNone: true))
    public var maxLivePasses: FlagCount?

    @Option(name: F.maxSentFactor.optionName, help: F.maxSentFactor.argumentHelp, transform: FlagFactor.parser)
    public var maxSentFactor: FlagFactor?

    @Option(name: F.minPagesPerPass.optionName, help: F.minPagesPerPass.argumentHelp, transform: FlagCount.parser(in: 0...Int.max, expected: "a whole number of pages or 'none'", allowNone: true))
    public var minPagesPerPass: FlagCount?

    @Option(name: F.limitAction.optionName, help: F.limitAction.argumentHelp, transform: FlagChoice.parser)
    public var limitAction: FlagChoice<MigrateChoices.Limit>?

    @Option(name: F.switchoverRule.optionName, help: F.switchoverRule.argumentHelp, transform: FlagChoice.parser)
    public var switchoverRule: FlagChoice<MigrateChoices.OnOff>?

    // MARK: run

    @Option(name: F.event.optionName, help: F.event.argumentHelp, transform: FlagTimed.parser)
    public var event: [FlagTimed<MigrateChoices.Event>] = []

    @Option(name: F.horizon.optionName, help: F.horizon.argumentHelpWithDefault, transform: FlagDuration.parser(positive: true))
    public var horizon: FlagDuration = .literal("24h", FlagDuration.parser(positive: true))

    @Option(name: F.maxSteps.optionName, help: F.maxSteps.argumentHelp, transform: FlagCount.parser(in: 1...1_000_000_000))
    public var maxSteps: FlagCount?

    @Option(name: F.maxMemory.optionName, help: F.maxMemory.argumentHelp, transform: FlagBytes.parser(positive: true))
    public var maxMemory: FlagBytes?
}
