import ArgumentParser
import MigrationEngine
import Scenario

/// The words a choice flag takes, in the order `--help` and messages list them.
public protocol FlagChoices {
    associatedtype Value: Sendable
    static var choices: [(String, Value)] { get }
}

/// One of a flag's words (`--preset nova`), with a did-you-mean when it is none of them.
public struct FlagChoice<Choices: FlagChoices>: FlagArgument {
    public let text: String
    public let value: Choices.Value

    public static func parse(_ text: String) throws(FlagValueError) -> FlagChoice {
        FlagChoice(text: text, value: try FlagValue.choice(text, Choices.choices))
    }
}

/// How a `TIME=VALUE` flag reads its value.
public protocol TimedValue {
    associatedtype Value: Sendable
    /// "FACTOR", "RATE", "EVENT": the word of `TIME=...` in messages.
    static var noun: String { get }
    static func parse(_ text: String) throws(FlagValueError) -> Value
}

/// `TIME=VALUE`, as the repeatable schedule flags take it (`--event 16s=target-failure`).
public struct FlagTimed<Part: TimedValue>: FlagArgument {
    public let text: String
    public let seconds: Double
    public let value: Part.Value

    public static func parse(_ text: String) throws(FlagValueError) -> FlagTimed {
        let (t, value) = try FlagValue.timed(text, valueNoun: Part.noun)
        return FlagTimed(text: text, seconds: t, value: try Part.parse(value))
    }
}

/// The choice flags' words.
public enum MigrateChoices {
    public enum Preset: FlagChoices {
        public static var choices: [(String, ManagementPreset)] { ManagementPreset.allCases.map { ($0.rawValue, $0) } }
    }
    public enum Distribution: FlagChoices {
        public static var choices: [(String, WriteDistribution)] { [("uniform", .uniform), ("sequential", .distinctUntilFull)] }
    }
    public enum Model: FlagChoices {
        public static var choices: [(String, MigrateSetup.ModelKind)] { [("analytic", .analytic), ("bitmap", .bitmap), ("trace", .trace)] }
    }
    public enum Qemu: FlagChoices {
        public static var choices: [(String, QemuVersion)] { [("7.2", .v7_2), ("8.2+", .v8_2), ("8.2", .v8_2)] }
    }
    public enum Loop: FlagChoices {
        public static var choices: [(String, PrecopyLoop)] { [("qemu", .qemu), ("per-pass", .perPass), ("simgrid", .simgrid)] }
    }
    public enum Timeout: FlagChoices {
        public static var choices: [(String, TimeoutAction)] { TimeoutAction.allCases.map { ($0.rawValue, $0) } }
    }
    public enum Limit: FlagChoices {
        public static var choices: [(String, LimitAction)] { [("stop-and-copy", .stopAndCopy), ("abort", .abort)] }
    }
    public enum OnOff: FlagChoices {
        public static var choices: [(String, Bool)] { [("on", true), ("off", false)] }
    }

    /// `--phase TIME=FACTOR`.
    public enum Factor: TimedValue {
        public static let noun = "FACTOR"
        public static func parse(_ text: String) throws(FlagValueError) -> Double {
            try FlagValue.real(text, expected: "TIME=FACTOR with a non-negative factor (e.g. 60s=2)")
        }
    }
    /// `--bandwidth-change TIME=RATE`; 0 stalls the link.
    public enum Rate: TimedValue {
        public static let noun = "RATE"
        public static func parse(_ text: String) throws(FlagValueError) -> Double {
            try FlagValue.quantity(text, kind: .bytesPerSecond, range: .nonNegative,
                                   expected: "TIME=RATE with a non-negative rate (e.g. 60s=5Gbit/s)")
        }
    }
    /// `--event TIME=EVENT`.
    public enum Event: TimedValue {
        public static let noun = "EVENT"
        public static func parse(_ text: String) throws(FlagValueError) -> MigrationRun.ExternalEvent.Kind {
            try FlagValue.choice(text, [
                ("source-failure", .hostFailure(.source)), ("target-failure", .hostFailure(.target)),
                ("link-failure", .linkFailure), ("link-restored", .linkRestored), ("cancel", .cancel),
                ("force-complete", .forceComplete),
            ])
        }
    }
}
