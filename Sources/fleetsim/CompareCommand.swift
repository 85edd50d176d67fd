import ArgumentParser
import Experiment
import Foundation
import Reporting

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two run reports replication by replication; exit 1 when a metric moves past its tolerance.",
        discussion: """
        A and B are report directories (summary.json and instances.csv) of the same scenario
        and seed, e.g. before and after a policy change. For every per-replication metric of
        summary.json it prints the paired difference B - A (mean and 95 % CI), then the
        instances whose last action, outcome or final state differ. Without --tolerances
        every metric must be unchanged.

        Tolerances file: one `metric: 5%` (of A's mean) or `metric: 60` (absolute) a line,
        `default: ...` for the rest, `#` comments.

        Examples:
          fleetsim compare Reports/baselines/default Reports/default
          fleetsim compare A B --tolerances Reports/baselines/tolerances.txt --junit compare.xml
        """
    )

    @Argument(help: "The baseline report directory.")
    var a: String

    @Argument(help: "The report directory to check against it.")
    var b: String

    @Option(help: "Tolerances file (metric: 5% or metric: 60 per line; default: for the rest).")
    var tolerances: String?

    @Option(help: "Also write JUnit XML to this file.")
    var junit: String?

    func run() throws {
        var limits = Tolerances()
        if let tolerances {
            guard let text = try? String(contentsOfFile: tolerances, encoding: .utf8) else {
                throw CommandFailure.badInput("--tolerances \(tolerances): expected a readable tolerances file, found no such file")
            }
            limits = try Tolerances.parse(text, file: tolerances)
        }
        let comparison = Comparison(a: try ReportDirectory(path: a), b: try ReportDirectory(path: b), tolerances: limits)
        if let junit {
            do {
                try AtomicFile.write(comparison.junit(), to: junit)
            } catch {
                throw CommandFailure.runFailed("--junit \(junit): \(error)")
            }
        }
        print(comparison.markdown(), terminator: "")
        if !comparison.passed { throw ExitCode(ExitStatus.runFailed) }
    }
}
