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

    @Argument(help: "The scenario file (YAML); '-' reads standard input.")
    var scenario: String

    @Option(parsing: .unconditional, help: "Refuse a scenario estimated to need more memory than this to run, e.g. 8GiB (default: half the physical memory).")
    var maxMemory: String?

    @Flag(help: "Let empirical distributions read CSV files outside the scenario's folder.")
    var allowOutsidePaths = false

    func run() throws {
        let prepared = try PreparedScenario.load(path: scenario, seedOverride: nil, replicationsOverride: nil,
                                                 budget: try MemoryBudget.parse(maxMemory), allowOutsidePaths: allowOutsidePaths)
        for warning in FeasibilityWarnings.check(prepared) { printError("\(prepared.loaded.path): warning: \(warning)") }
        print("\(prepared.loaded.path): valid (\(prepared.fleet.hosts.count) hosts, \(prepared.fleet.instances.count) instances, \(prepared.campaignHostCount) hosts in the campaign)")
    }
}
