import Experiment
import ArgumentParser
import Scenario

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a scenario file and report every error; runs nothing, writes nothing.",
        discussion: """
        Each error names the file, line and column, the key path, what was expected and what
        was found. Exit code 0 when the scenario is valid, 2 otherwise.

        Example:
          fleetsim validate Scenarios/default.yaml
        """
    )

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    func run() throws {
        let prepared = try PreparedScenario.load(path: scenario, seedOverride: nil, replicationsOverride: nil)
        for warning in FeasibilityWarnings.check(prepared) { printError("\(scenario): warning: \(warning)") }
        print("\(scenario): valid (\(prepared.fleet.hosts.count) hosts, \(prepared.fleet.instances.count) instances, \(prepared.campaignHostCount) hosts in the campaign)")
    }
}
