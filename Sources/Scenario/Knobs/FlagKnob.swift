/// One flag of `fleetsim migrate`: its name, the help `--help` prints and the row of
/// docs/migrate.md (argument, default, source of the default). `MigrateOptions` declares each
/// option with `name: .customLong(knob.name)` and `help: knob.argumentHelp`, so a flag's name
/// and help live here only (`MigrateFlagsTests` checks that every flag has exactly one option).
public struct FlagKnob: Sendable, Equatable {
    /// Without the dashes: `downtime-limit`.
    public var name: String
    /// The argument as the docs write it (`SIZE`, `uniform\|sequential`); nil for a switch.
    public var argument: String?
    /// The argument as `--help` writes it (`size`); nil for a switch.
    public var valueName: String?
    /// What `--help` says; nil for the flags the command adds (`--json`), whose help is there.
    public var help: String?
    public var defaultText: String
    public var notes: String

    public init(_ name: String, argument: String?, valueName: String?, help: String?,
                default defaultText: String, notes: String) {
        self.name = name
        self.argument = argument
        self.valueName = valueName
        self.help = help
        self.defaultText = defaultText
        self.notes = notes
    }

    /// `--downtime-limit`, as error messages name it.
    public var flag: String { "--" + name }

    /// The row as docs/migrate.md prints it.
    public var row: String {
        let written = argument.map { "`\(flag) \($0)`" } ?? "`\(flag)`"
        return "| \(written) | \(defaultText) | \(notes) |"
    }
}

/// The flags of `fleetsim migrate`, one static per flag (`MigrateFlags+*.swift`, one file per
/// section of docs/migrate.md).
public enum MigrateFlags {
    /// Every flag, in the docs' order.
    public static var all: [FlagKnob] { guest + wire + engine + costs + management + run }

    /// The tables of docs/migrate.md.
    static var tables: [KnobTable] { [guestTable, wireTable, engineTable, costsTable, managementTable, runTable] }
}
