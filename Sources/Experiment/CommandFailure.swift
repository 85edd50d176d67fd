import Foundation

/// The documented exit codes.
public enum ExitStatus {
    public static let ok: Int32 = 0
    public static let runFailed: Int32 = 1
    public static let badInput: Int32 = 2
}

/// An error that ends the command with a message and an exit code.
public struct CommandFailure: Error {
    public let message: String
    public let exitCode: Int32

    public init(message: String, exitCode: Int32) {
        self.message = message
        self.exitCode = exitCode
    }

    public static func badInput(_ message: String) -> CommandFailure { CommandFailure(message: message, exitCode: ExitStatus.badInput) }
    public static func runFailed(_ message: String) -> CommandFailure { CommandFailure(message: message, exitCode: ExitStatus.runFailed) }
}

public func printError(_ message: String) {
    var text = message
    if !text.hasSuffix("\n") { text += "\n" }
    writeStandardError(text)
}

/// Whether standard error is a terminal (progress bars only then).
public var standardErrorIsTerminal: Bool { isatty(2) == 1 }

/// Swift 6 forbids touching C's `stderr` global; FileHandle is the safe route.
public func writeStandardError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
}

/// fleetsim's version; reports carry it.
public let fleetsimVersion = "0.1.0"
