import Experiment
import Foundation
import Scenario

/// `--out` checked before the run: a path through a file, or a directory that cannot be
/// written, is bad input (exit 2) said in words, not a Foundation error after minutes of
/// simulation.
enum OutputDirectoryCheck {
    static func check(_ directory: String) throws(CommandFailure) {
        guard !directory.isEmpty else {
            throw FlagValue.failure("--out", expected: "a directory path", found: "an empty value")
        }
        // The directory itself, or its nearest existing ancestor, must be a writable directory.
        var path = directory
        while true {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
                guard isDirectory.boolValue else {
                    throw FlagValue.failure("--out", expected: "a directory (or a path to create one)",
                                            found: "\(FlagValue.quote(directory)), where '\(path)' is a file")
                }
                guard FileManager.default.isWritableFile(atPath: path) else {
                    throw FlagValue.failure("--out", expected: "a directory fleetsim may write in",
                                            found: "\(FlagValue.quote(directory)): '\(path)' is not writable (permission denied)")
                }
                return
            }
            let parent = Scenario.FilePath.directory(of: path)
            if parent == path { return }
            path = parent
        }
    }
}
