import ArgumentParser
import Experiment
import Foundation

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a run's makespan: the host back last, the instance that held it, its attempts and waits, and the slowest hosts.",
        discussion: """
        Reads summary.json, hosts.csv and instances.csv of a report directory (`fleetsim run`
        with csv, the default) and prints Markdown for the replication with the longest makespan.

        Example:
          fleetsim run Scenarios/oci-rolling-fault-domain.yaml && fleetsim explain Reports/oci-rolling-fault-domain
        """
    )

    @Argument(help: "A report directory written by `fleetsim run`.")
    var report: String

    func run() throws {
        print(try MakespanExplanation(directory: report).text, terminator: "")
    }
}
