import Experiment
import ArgumentParser
import Foundation
import MigrationEngine

struct ValidateEngineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate-engine",
        abstract: "Run every real migration of a validation set through the engine and print the scoring table.",
        discussion: """
        DIR holds runs.csv and README.md (Validation/qemu-7.2 is shipped). Each row is run with
        the machine constants of that README (setup 1 ms, fixed downtime 3 ms, stop-and-copy
        1233 MiB/s, zero-page check 1.5 M pages/s with a core to itself, first-pass sends
        265 MiB/s; 2 cores, one kept busy by foreign load, so a running guest's vCPU thread
        leaves the migration thread 2/3 of a core: zero checks at 1.0 M pages/s) until it
        completes or reaches its cap. The table gives the verdict, then median / p90 errors of
        sync count, total time, bytes and downtime, over all runs and by guest kind.
        Exit code 0 when the issue-11 targets are met, 1 when not, 2 on bad input.

        Example:
          fleetsim validate-engine Validation/qemu-7.2
        """
    )

    @Argument(help: "The validation set directory (runs.csv).")
    var dir: String

    @Option(name: .customLong("qemu-version"), help: "QEMU rules: 7.2 (the set's release) or 8.2+.")
    var qemuVersion: String = "7.2"

    @Option(name: .customLong("loop"), help: "Engine granularity: qemu (default) or per-pass (the textbook model, for comparison).")
    var loop: String = "qemu"

    @Option(name: .customLong("first-pass-rate"), help: "First-round send rate in MiB/s, or 'none'.")
    var firstPassRate: String = "265"

    @Option(name: .customLong("foreign-busy-cores"), help: "Cores kept busy by foreign load on the 2-core machine (default 1; 0 gives the migration thread a core of its own even beside a running guest).")
    var foreignBusyCores: Double = 1

    @Flag(name: .customLong("runs"), help: "Also print one line per run.")
    var perRun = false

    func run() throws {
        let path = (dir as NSString).appendingPathComponent("runs.csv")
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw CommandFailure.badInput("validate-engine: cannot read \(path)")
        }
        var machine = ValidationMachine()
        guard let v = QemuVersion(text: qemuVersion) else {
            throw CommandFailure.badInput( "--qemu-version: expected 7.2 or 8.2+, found '\(qemuVersion)'")
        }
        machine.qemuVersion = v
        guard let l = PrecopyLoop(rawValue: loop) else {
            throw CommandFailure.badInput( "--loop: expected qemu or per-pass, found '\(loop)'")
        }
        machine.precopyLoop = l
        guard foreignBusyCores >= 0 else {
            throw CommandFailure.badInput("--foreign-busy-cores: expected 0 or more, found \(foreignBusyCores)")
        }
        machine.foreignBusyCores = foreignBusyCores
        if firstPassRate == "none" { machine.firstPassBytesPerSecond = nil }
        else if let r = Double(firstPassRate), r > 0 { machine.firstPassBytesPerSecond = r * 1024 * 1024 }
        else { throw CommandFailure.badInput( "--first-pass-rate: expected MiB/s or none, found '\(firstPassRate)'") }
        let runs: [ValidationRun]
        do { runs = try ValidationRun.parse(csv: text) } catch {
            throw CommandFailure.badInput( "\(path): \(error)")
        }
        let score = ValidationScore(runs: runs, machine: machine)
        if perRun {
            for r in score.results {
                let o = r.outcome
                print(String(format: "%@ model %@ %.1f ms dt %.2f ms bytes %.0f syncs %d | real %@ %@ ms dt %@ bytes %.0f syncs %d",
                             r.run.runID, o.state.rawValue, o.totalTimeSeconds * 1000, o.downtimeSeconds * 1000,
                             o.bytesSent, o.dirtySyncCount, r.run.converged ? "conv" : "capped",
                             r.run.totalTimeMs.map { String($0) } ?? "-", r.run.downtimeMs.map { String($0) } ?? "-",
                             r.run.ramTransferredBytes, r.run.dirtySyncCount))
            }
        }
        print(score.table, terminator: "")
        let failures = score.targetFailures
        if failures.isEmpty { print("targets: all met") } else {
            throw CommandFailure.runFailed("targets not met: " + failures.joined(separator: "; "))
        }
    }
}
