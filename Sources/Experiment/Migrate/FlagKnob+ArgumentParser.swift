import ArgumentParser
import Scenario

/// A knob-table flag as ArgumentParser declares it: `@Option(name: knob.optionName, help:
/// knob.argumentHelp, transform: ...)`, so the name and help text are the table's.
extension FlagKnob {
    var optionName: NameSpecification { .customLong(name) }

    var argumentHelp: ArgumentHelp {
        ArgumentHelp(help ?? "", valueName: valueName)
    }

    /// `argumentHelp` ending in "(default: 4KiB)", the table's default: ArgumentParser writes
    /// the default of an option with a `transform:` nowhere, so it is written here, in the
    /// words and place ArgumentParser used when the values were text.
    var argumentHelpWithDefault: ArgumentHelp {
        let value = defaultText.trimmingCharacters(in: ["`"])
        return ArgumentHelp((help ?? "") + " (default: \(value))", valueName: valueName)
    }
}
