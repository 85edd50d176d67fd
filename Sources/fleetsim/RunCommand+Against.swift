import ArgumentParser
import Experiment
import Foundation

extension RunCommand {
    /// `run --against BASELINE`: the comparison `fleetsim compare BASELINE OUT` would print,
    /// and its exit status (the reports are written either way).
    func compareAgainst(_ baseline: String, directory: String) throws {
        var limits = Tolerances()
        if let tolerances {
            guard let text = try? String(contentsOfFile: tolerances, encoding: .utf8) else {
                throw CommandFailure.badInput("--tolerances \(tolerances): expected a readable tolerances file, found no such file")
            }
            limits = try Tolerances.parse(text, file: tolerances)
        }
        let comparison = Comparison(a: try ReportDirectory(path: baseline), b: try ReportDirectory(path: directory),
                                    tolerances: limits)
        print(comparison.markdown(), terminator: "")
        if !comparison.passed { throw ExitCode(ExitStatus.runFailed) }
    }
}
