import Experiment
import ArgumentParser


struct Fleetsim: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fleetsim",
        abstract: "A discrete-event simulator of cloud fleet maintenance.",
        discussion: """
        Drains hosts of a simulated fleet and moves every instance by live, reboot or manual
        migration, then reports campaign duration, downtime, success and fallback rates.

        Examples:
          fleetsim run Scenarios/default.yaml
          fleetsim run Scenarios/default.yaml --seed 7 --replications 20 --out Reports/sweep --format json,csv
          fleetsim validate Scenarios/default.yaml
          fleetsim migrate --memory 16GiB --dirty 200MiB/s --bandwidth 10Gbit/s --auto-converge
          fleetsim migrate --memory 16GiB --dirty 2%/s --bandwidth 10Gbit/s --preset nova --json
          fleetsim bench kernel --runs 5

        Exit codes: 0 ok, 1 run failed (or an invariant was violated), 2 bad input.
        """,
        version: "fleetsim \(fleetsimVersion)",
        subcommands: [RunCommand.self, SweepCommand.self, MergeCommand.self, CompareCommand.self, ExplainCommand.self,
                      ValidateCommand.self, ValidateEngineCommand.self, MigrateCommand.self, BenchCommand.self, KnobsCommand.self]
    )
}
