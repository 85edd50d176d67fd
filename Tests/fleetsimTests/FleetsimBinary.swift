import Foundation

/// The built `fleetsim` executable, for end-to-end tests that run it as a user would.
///
/// `swift test` on Linux runs `.build/<triple>/debug/fleetsimPackageTests.xctest`, and the
/// `fleetsim` executable sits in the same products directory (the test target depends on it, so
/// it is built first). Candidates, first existing wins: next to `Bundle.main.bundleURL`, next to
/// `CommandLine.arguments[0]`, then `.build/debug/fleetsim` under the package root (three levels
/// up from this file).
enum FleetsimBinary {
    static let url: URL = {
        var candidates: [URL] = []
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("fleetsim"))
        // When the bundle URL is the runner executable itself rather than its directory.
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("fleetsim"))
        if let argv0 = CommandLine.arguments.first {
            candidates.append(URL(fileURLWithPath: argv0).deletingLastPathComponent().appendingPathComponent("fleetsim"))
        }
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // fleetsimTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // package root
        candidates.append(packageRoot.appendingPathComponent(".build/debug/fleetsim"))
        for url in candidates {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
               FileManager.default.isExecutableFile(atPath: url.path) {
                return url
            }
        }
        return candidates.last!
    }()

    /// Runs `fleetsim` with `args` and waits for it. Output goes through temporary files, so a
    /// large stdout cannot block the child while stderr is being read (or the reverse).
    static func run(_ args: [String], currentDirectory: URL? = nil) -> (exitCode: Int32, stdout: String, stderr: String) {
        let fm = FileManager.default
        let tag = UUID().uuidString
        let outURL = fm.temporaryDirectory.appendingPathComponent("fleetsim-\(tag).out")
        let errURL = fm.temporaryDirectory.appendingPathComponent("fleetsim-\(tag).err")
        _ = fm.createFile(atPath: outURL.path, contents: nil)
        _ = fm.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? fm.removeItem(at: outURL)
            try? fm.removeItem(at: errURL)
        }
        guard let outHandle = try? FileHandle(forWritingTo: outURL),
              let errHandle = try? FileHandle(forWritingTo: errURL) else {
            return (-1, "", "could not create temporary files for the child's output")
        }
        let process = Process()
        process.executableURL = url
        process.arguments = args
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        process.standardOutput = outHandle
        process.standardError = errHandle
        do {
            try process.run()
        } catch {
            return (-1, "", "could not start \(url.path): \(error)")
        }
        process.waitUntilExit()
        try? outHandle.close()
        try? errHandle.close()
        let stdout = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
        let stderr = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
        return (process.terminationStatus, stdout, stderr)
    }
}
