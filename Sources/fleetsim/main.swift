import Experiment
import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

// Exit codes (README "Exit codes"): 0 ok, 1 the run failed (including an invariant
// violation), 2 bad input (scenario errors, bad flags). ArgumentParser's own usage errors
// would exit 64; they are input errors here, so they are mapped to 2.
Interrupts.install()
do {
    var command = try Fleetsim.parseAsRoot()
    try command.run()
} catch let exit as ExitCode {
    Foundation_exit(exit.rawValue)
} catch let failure as CommandFailure {
    printError(failure.message)
    Foundation_exit(failure.exitCode)
} catch {
    let code = Fleetsim.exitCode(for: error)
    if code == .success {
        print(Fleetsim.fullMessage(for: error))
        Foundation_exit(0)
    }
    printError(Fleetsim.fullMessage(for: error))
    Foundation_exit(ExitStatus.badInput)
}

func Foundation_exit(_ code: Int32) -> Never {
    fflush(nil)
    exit(code)
}
