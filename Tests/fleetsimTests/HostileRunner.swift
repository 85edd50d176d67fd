import Foundation

/// Runs the built `fleetsim` for the hostile corpus and the fuzz tests: with a working
/// directory, standard input from a file (or nothing), output through temporary files, and a
/// watchdog that kills a child still running after `watchdogSeconds` (a hang becomes a
/// failure with exit code `HostileRunner.killedByWatchdog`, never a stuck test run). The
/// watchdog is a safety net, not a timing assertion: no test checks how long a run takes.
enum HostileRunner {
    static let killedByWatchdog: Int32 = -9

    struct Result {
        var exitCode: Int32
        var stdout: String
        var stderr: String
        /// Killed by a signal (a trap is SIGILL or SIGTRAP, an abort SIGABRT).
        var crashed: Bool
    }

    static func run(_ args: [String], in directory: URL, stdinPath: String? = nil,
                    watchdogSeconds: Double = 120) -> Result {
        let fm = FileManager.default
        let tag = UUID().uuidString
        let outURL = fm.temporaryDirectory.appendingPathComponent("fleetsim-hostile-\(tag).out")
        let errURL = fm.temporaryDirectory.appendingPathComponent("fleetsim-hostile-\(tag).err")
        _ = fm.createFile(atPath: outURL.path, contents: nil)
        _ = fm.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? fm.removeItem(at: outURL)
            try? fm.removeItem(at: errURL)
        }
        guard let outHandle = try? FileHandle(forWritingTo: outURL), let errHandle = try? FileHandle(forWritingTo: errURL) else {
            return Result(exitCode: -1, stdout: "", stderr: "cannot create temporary files", crashed: false)
        }
        let process = Process()
        process.executableURL = FleetsimBinary.url
        process.arguments = args
        process.currentDirectoryURL = directory
        process.standardOutput = outHandle
        process.standardError = errHandle
        if let stdinPath {
            let url = stdinPath.hasPrefix("/") ? URL(fileURLWithPath: stdinPath) : directory.appendingPathComponent(stdinPath)
            process.standardInput = (try? FileHandle(forReadingFrom: url)) ?? FileHandle.nullDevice
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        do { try process.run() } catch {
            return Result(exitCode: -1, stdout: "", stderr: "cannot start \(FleetsimBinary.url.path): \(error)", crashed: false)
        }
        let finished = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            process.waitUntilExit()
            finished.signal()
        }
        var killed = false
        if finished.wait(timeout: .now() + watchdogSeconds) == .timedOut {
            killed = true
            kill(process.processIdentifier, SIGKILL)
            finished.wait()
        }
        try? outHandle.close()
        try? errHandle.close()
        let stdout = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
        let stderr = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
        if killed { return Result(exitCode: killedByWatchdog, stdout: stdout, stderr: stderr, crashed: false) }
        return Result(exitCode: process.terminationStatus, stdout: stdout, stderr: stderr,
                      crashed: process.terminationReason == .uncaughtSignal)
    }
}
