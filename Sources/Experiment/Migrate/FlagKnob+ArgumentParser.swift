import ArgumentParser
import Scenario

/// A knob-table flag as ArgumentParser declares it: `@Option(name: knob.optionName, help:
/// knob.argumentHelp)`, so the name and help text are the table's.
extension FlagKnob {
    var optionName: NameSpecification { .customLong(name) }

    var argumentHelp: ArgumentHelp {
        ArgumentHelp(help ?? "", valueName: valueName)
    }
}
