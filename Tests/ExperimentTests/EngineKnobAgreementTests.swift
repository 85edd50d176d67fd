import ArgumentParser
import Experiment
@testable import Scenario
import Testing

/// One validation of engine parameters: a value is accepted by the scenario key
/// (`campaign.live_migration.*`, `guest.*`) exactly when it is accepted by the `migrate` flag
/// the knob table links to it (`Knob.flag`), at the edges of each range.
@Suite struct EngineKnobAgreementTests {
    static func scenarioAccepts<T>(_ knob: Knob<T>, _ text: String) -> Bool {
        let reader = ScenarioReader(yaml: "v: \(text)\n", file: "agreement.yaml")
        let value = reader.readRoot { m in m.optional("v", knob.field) }
        return value != nil && !reader.hasErrors
    }

    static func scenarioAccepts(_ knob: DistributionKnob, _ text: String) -> Bool {
        let reader = ScenarioReader(yaml: "v: \(text)\n", file: "agreement.yaml", distributionSchema: .stochastics)
        let value = reader.readRoot { m in m.distribution("v", knob.kind, range: knob.range) }
        return value != nil && !reader.hasErrors
    }

    static func flagAccepts(_ flag: FlagKnob?, _ text: String, with extra: [String] = []) -> Bool {
        guard let flag else { return false }
        let args = ["--memory", "4GiB", "--bandwidth", "10Gbit/s", flag.flag, text] + extra
        guard let options = try? MigrateOptions.parse(args) else { return false }
        return (try? MigrateSetup(options)) != nil
    }

    static func check<T>(_ knob: Knob<T>, accepts good: [String], refuses bad: [String], extra: [String] = []) {
        #expect(knob.flag != nil, "\(knob.key) names its migrate flag")
        for text in good {
            #expect(scenarioAccepts(knob, text), "\(knob.key): \(text) refused")
            #expect(flagAccepts(knob.flag, text, with: extra), "\(knob.flag?.flag ?? "?") \(text) refused")
        }
        for text in bad {
            #expect(!scenarioAccepts(knob, text), "\(knob.key): \(text) accepted")
            #expect(!flagAccepts(knob.flag, text, with: extra), "\(knob.flag?.flag ?? "?") \(text) accepted")
        }
    }

    @Test func liveMigrationKeysAndFlagsAcceptTheSameValues() {
        typealias K = ScenarioKnobs.LiveMigration
        Self.check(K.downtimeLimit, accepts: ["300ms", "2000s"], refuses: ["0s", "2001s", "1h", "-1s", "300"])
        Self.check(K.pageSize, accepts: ["4KiB", "2MiB", "1GiB"], refuses: ["3000B", "256B", "2GiB", "0"])
        Self.check(K.postcopyAfter, accepts: ["1", "1000000"], refuses: ["0", "1000001", "2.5"])
        Self.check(K.maxBandwidth, accepts: ["1Gbit/s", "unlimited"], refuses: ["0", "-1MiB/s", "10"])
        Self.check(K.deviceState, accepts: ["1MiB", "0"], refuses: ["-1B", "1"])
        Self.check(K.firstPassRate, accepts: ["256MiB/s"], refuses: ["0", "fast"])
        Self.check(K.qemuVersion, accepts: ["7.2", "8.2+"], refuses: ["9.0"])
        Self.check(K.preset, accepts: ["qemu", "nova", "kubevirt", "xen", "simgrid"], refuses: ["novaa"])
    }

    @Test func guestKeysAndFlagsAcceptTheSameValues() {
        typealias K = ScenarioKnobs.Guest
        Self.check(K.zeroPages, accepts: ["0.5", "50%"], refuses: ["1.5", "-0.1"])
        Self.check(K.hotFraction, accepts: ["10%", "0.9"], refuses: ["1.5"], extra: ["--hot-dirty", "1MiB/s"])
        Self.check(K.distribution, accepts: ["uniform", "sequential"], refuses: ["random"])
        for (text, good) in [("200MiB/s", true), ("1Gbit/s", true), ("-1MiB/s", false)] {
            #expect(Self.scenarioAccepts(K.dirty, text) == good, "guest.dirty \(text)")
            #expect(Self.flagAccepts(K.dirty.flag, text) == good, "--dirty \(text)")
        }
    }
}
