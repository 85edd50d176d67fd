import Foundation

/// The documented exit codes.
enum ExitStatus {
    static let ok: Int32 = 0
    static let runFailed: Int32 = 1
    static let badInput: Int32 = 2
}

/// An error that ends the command with a message and an exit code.
struct CommandFailure: Error {
    let message: String
    let exitCode: Int32

    static func badInput(_ message: String) -> CommandFailure { CommandFailure(message: message, exitCode: ExitStatus.badInput) }
    static func runFailed(_ message: String) -> CommandFailure { CommandFailure(message: message, exitCode: ExitStatus.runFailed) }
}

func printError(_ message: String) {
    var text = message
    if !text.hasSuffix("\n") { text += "\n" }
    writeStandardError(text)
}

/// Whether standard error is a terminal (progress bars only then).
var standardErrorIsTerminal: Bool { isatty(2) == 1 }

/// Swift 6 forbids touching C's `stderr` global; FileHandle is the safe route.
func writeStandardError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
}
