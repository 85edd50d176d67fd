import Foundation

/// Runs the built `fleetsim` executable, for the end-to-end tests.
enum CLIRunner {
    /// The package root: this file is `<root>/Tests/fleetsimTests/CLIRunner.swift`.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `fleetsim` binary: next to the test bundle (SwiftPM builds products and test
    /// bundles into the same directory), else `<package root>/.build/debug/fleetsim`.
    static var url: URL {
        var candidates: [URL] = []
        if let first = CommandLine.arguments.first {
            candidates.append(URL(fileURLWithPath: first).deletingLastPathComponent())
        }
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
        candidates.append(Bundle.main.bundleURL)
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(bundle.bundleURL.deletingLastPathComponent())
        }
        candidates.append(packageRoot.appendingPathComponent(".build/debug"))
        for directory in candidates {
            let binary = directory.appendingPathComponent("fleetsim")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: binary.path, isDirectory: &isDirectory), !isDirectory.boolValue,
               FileManager.default.isExecutableFile(atPath: binary.path) {
                return binary
            }
        }
        return packageRoot.appendingPathComponent(".build/debug/fleetsim")
    }

    /// Run `fleetsim args` in the package root; its exit code and everything it printed.
    /// Both pipes are drained on their own threads before waiting for the process, so a child
    /// that fills one pipe's buffer can never deadlock against us.
    static func run(_ args: [String]) -> (exitCode: Int32, stdout: String, stderr: String) {
        run(args, in: packageRoot)
    }

    static func run(_ args: [String], in directory: URL) -> (exitCode: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = url
        process.arguments = args
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return (-1, "", "cannot start \(url.path): \(error)")
        }
        let outData = DrainedPipe(out), errData = DrainedPipe(err)
        let stdout = outData.wait(), stderr = errData.wait()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    /// Reads a pipe to its end on a background thread.
    private final class DrainedPipe: @unchecked Sendable {
        private var data = Data()
        private let done = DispatchSemaphore(value: 0)

        init(_ pipe: Pipe) {
            let handle = pipe.fileHandleForReading
            Thread.detachNewThread { [self] in
                data = handle.readDataToEndOfFile()
                done.signal()
            }
        }

        func wait() -> Data {
            done.wait()
            return data
        }
    }
}
