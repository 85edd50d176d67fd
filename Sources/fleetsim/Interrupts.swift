import Dispatch
import Experiment
import Foundation
import Reporting

/// SIGINT and SIGTERM: remove the report writer's temporary files, say so in one line and
/// exit 130 / 143 (128 + the signal, the shell convention). Reports are written only after a
/// run completes and renamed into place at the end, so an interrupted run leaves the output
/// directory as it was. Handled on a dispatch queue, not in a C signal handler, so the
/// cleanup may take locks and allocate.
enum Interrupts {
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    static func install() {
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)   // the dispatch source receives it instead
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler {
                let removed = InterruptCleanup.removeAll()
                let name = sig == SIGINT ? "SIGINT" : "SIGTERM"
                writeStandardError("fleetsim: interrupted (\(name)); \(removed == 0 ? "no report written" : "temporary report files removed, reports not updated")\n")
                exit(128 + sig)
            }
            source.resume()
            sources.append(source)
        }
    }
}
