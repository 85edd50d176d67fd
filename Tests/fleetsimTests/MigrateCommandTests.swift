import Foundation
import Testing

/// End-to-end tests of `fleetsim migrate`: they run the built binary (see `FleetsimBinary`).
@Suite("fleetsim migrate")
struct MigrateCommandTests {
    static let jsonKeys = ["total_time_s", "downtime_s", "bytes_sent", "passes", "outcome", "reason", "pass_list",
                           "postcopy", "settings"]

    /// Runs `fleetsim migrate ... --json`, expects exit 0 and one JSON object on stdout.
    func runJSON(_ args: [String]) throws -> (object: [String: Any], text: String) {
        let r = FleetsimBinary.run(["migrate"] + args + ["--json"])
        #expect(r.exitCode == 0, "stderr: \(r.stderr)")
        let data = Data(r.stdout.utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "stdout: \(r.stdout)")
        return (object, r.stdout)
    }

    func passList(_ object: [String: Any]) throws -> [[String: Any]] {
        try #require(object["pass_list"] as? [[String: Any]])
    }

    @Test("--json prints exactly one JSON object with the documented keys in order")
    func jsonObjectWithKeysInOrder() throws {
        let (object, text) = try runJSON(["--memory", "4GiB", "--dirty", "20MiB/s", "--bandwidth", "10Gbit/s"])
        #expect(Set(object.keys) == Set(Self.jsonKeys))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        #expect(lines.count == 1)
        #expect(text.hasPrefix("{") && text.hasSuffix("}\n"))
        // Key order in the text: each top-level key after the previous one.
        var cursor = text.startIndex
        for key in Self.jsonKeys {
            let range = try #require(text.range(of: "\"\(key)\":", range: cursor..<text.endIndex), "\(key) out of order")
            cursor = range.upperBound
        }
        #expect(object["outcome"] as? String == "completed")
        #expect(object["reason"] as? String == "pre-copy")
        let passes = try passList(object)
        #expect(passes.count == object["passes"] as? Int)
        for key in ["index", "start_s", "duration_s", "bytes_sent", "dirty_bytes_at_sync", "throttle_pct", "downtime_limit_s"] {
            #expect(passes.first?[key] != nil, "pass_list entries lack \(key)")
        }
    }

    /// Capped (qemu), each 100 ms window's quota goes out in a burst at link speed, so the last
    /// window ends early: within one window of memory / cap. Uncapped (libvirt): within 0.1 %.
    @Test("Zero dirty rate: total time = memory / rate, the rate being min(link, max-bandwidth)",
          arguments: [("qemu", 128.0 * 1024 * 1024, 0.1), ("libvirt", 10e9 / 8, 0.001 * 4 * 1024 * 1024 * 1024 / (10e9 / 8))])
    func zeroDirtyRate(preset: String, bytesPerSecond: Double, toleranceSeconds: Double) throws {
        let memory = 4.0 * 1024 * 1024 * 1024
        // Every fixed cost and the page headers off: the textbook memory / rate.
        let (object, _) = try runJSON(["--memory", "4GiB", "--dirty", "0", "--bandwidth", "10Gbit/s", "--preset", preset,
                                       "--setup-time", "0s", "--switchover-overhead", "0s", "--device-state", "0B",
                                       "--page-header", "0B", "--precopy-loop", "per-pass"])  // the per-pass closed form
        let total = try #require(object["total_time_s"] as? Double)
        #expect(object["outcome"] as? String == "completed")
        #expect(object["passes"] as? Int == 1)
        #expect(abs(total - memory / bytesPerSecond) <= toleranceSeconds, "total \(total), memory / rate \(memory / bytesPerSecond)")
        #expect(try #require(object["downtime_s"] as? Double) == 0)
    }

    @Test("Zero dirty rate with default costs: downtime is device state at link speed + switchover overhead")
    func zeroDirtyDowntime() throws {
        // The per-pass closed form (the qemu loop stops once what is left fits the threshold).
        let (object, _) = try runJSON(["--memory", "4GiB", "--bandwidth", "10Gbit/s", "--precopy-loop", "per-pass"])
        let downtime = try #require(object["downtime_s"] as? Double)
        // 1 MiB of device state at 10 Gbit/s (the final copy is not capped) + 30 ms.
        #expect(abs(downtime - (1024 * 1024 / 1.25e9 + 0.03)) < 2e-6, "downtime \(downtime)")
        let total = try #require(object["total_time_s"] as? Double)
        let memoryOverRate = 4.0 * 1024 * 1024 * 1024 / (128 * 1024 * 1024)
        #expect(abs(total - memoryOverRate) / memoryOverRate < 0.005, "total \(total)")
    }

    @Test("Dirtying faster than the wire: qemu runs until the horizon; with --auto-converge it completes at 20, 30, 40 ... %")
    func autoConvergePair() throws {
        let args = ["--memory", "4GiB", "--dirty", "300MiB/s", "--bandwidth", "10Gbit/s", "--horizon", "10min"]
        let (without, _) = try runJSON(args)
        #expect(without["outcome"] as? String == "running")
        #expect(without["reason"] as? String == "horizon reached")
        #expect(without["total_time_s"] as? Double == 600)
        #expect(try passList(without).allSatisfy { $0["throttle_pct"] as? Int == 0 })

        let (with, _) = try runJSON(args + ["--auto-converge"])
        #expect(with["outcome"] as? String == "completed")
        #expect(try #require(with["total_time_s"] as? Double) < 600)
        var throttles: [Int] = []
        for pass in try passList(with) {
            let t = try #require(pass["throttle_pct"] as? Int)
            if t > 0 && throttles.last != t { throttles.append(t) }
        }
        #expect(throttles.count >= 3)
        #expect(throttles == Array(stride(from: 20, through: 20 + 10 * (throttles.count - 1), by: 10)), "\(throttles)")
    }

    @Test("The text table has one row per pass, then the outcome")
    func textTableRows() throws {
        let args = ["migrate", "--memory", "4GiB", "--dirty", "300MiB/s", "--bandwidth", "10Gbit/s", "--horizon", "10min",
                    "--auto-converge"]
        let (object, _) = try runJSON(Array(args.dropFirst()))
        let r = FleetsimBinary.run(args)
        #expect(r.exitCode == 0, "stderr: \(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        let header = try #require(lines.firstIndex { $0.hasPrefix(" pass ") }, "no pass table header in:\n\(r.stdout)")
        let outcome = try #require(lines.firstIndex { $0.hasPrefix("outcome: ") })
        let rows = lines[(header + 1)..<outcome]
        #expect(rows.count == object["passes"] as? Int)
        for (i, row) in rows.enumerated() {
            #expect(row.split(separator: " ").first.map(String.init) == String(i), "row \(i): \(row)")
        }
        #expect(lines[outcome] == "outcome: completed (pre-copy)")
        #expect(lines.contains { $0.hasPrefix("cpu throttle: ") })
    }

    @Test("The nova preset aborts at 800 s per GiB of max(RAM, 2 GiB), its downtime limit ramping 50 -> 500 ms")
    func novaCompletionTimeout() throws {
        let (object, _) = try runJSON(["--memory", "1GiB", "--dirty", "10%/s", "--bandwidth", "10Gbit/s", "--preset", "nova",
                                       "--max-bandwidth", "16MiB/s"])
        #expect(object["outcome"] as? String == "aborted")
        #expect(object["reason"] as? String == "completion timeout")
        #expect(object["total_time_s"] as? Double == 1600)
        let limits = try passList(object).compactMap { $0["downtime_limit_s"] as? Double }
        #expect(limits.first == 0.05)
        #expect(limits.last == 0.5)
    }

    @Test("The three forms of a dirty rate mean the same thing")
    func dirtyRateForms() throws {
        let base = ["--memory", "4GiB", "--bandwidth", "10Gbit/s"]
        let bytes = try runJSON(base + ["--dirty", "100MiB/s"]).text
        #expect(try runJSON(base + ["--dirty", "25600pages/s"]).text == bytes)
        #expect(try runJSON(base + ["--dirty", "0.0244140625/s"]).text == bytes)  // 100 MiB / 4 GiB
    }

    @Test("The bitmap model is reproducible under a seed")
    func bitmapSeeded() throws {
        let args = ["--memory", "256MiB", "--dirty", "20MiB/s", "--bandwidth", "1Gbit/s", "--dirty-model", "bitmap", "--seed", "7"]
        let first = try runJSON(args)
        #expect(first.object["outcome"] as? String == "completed")
        #expect(try runJSON(args).text == first.text)
    }

    @Test("A bad value exits 2 with a message naming the flag, what was expected and what was found",
          arguments: [
              (["--memory", "16XB"], "--memory"),
              (["--memory", "16GiB", "--bandwidth", "fast"], "--bandwidth"),
              (["--dirty", "200MB"], "--dirty"),
              (["--dirty", "2%"], "--dirty"),
              (["--preset", "vmware"], "--preset"),
              (["--downtime-limit", "300"], "--downtime-limit"),
              (["--page-size", "3KiB"], "--page-size"),
              (["--auto-converge", "--throttle-max", "150"], "--throttle-max"),
              (["--throttle-initial", "30"], "--throttle-initial"),
              (["--postcopy-after", "two"], "--postcopy-after"),
              (["--zero-pages", "1.5"], "--zero-pages"),
              (["--horizon", "0s"], "--horizon"),
              (["--preset", "libvirt", "--completion-timeout", "10min", "--timeout-action", "abort"], "--timeout-action"),
              (["--timeout-action", "pause"], "--timeout-action"),
              (["--preset", "nova", "--downtime-limit", "300ms", "--max-downtime", "1s"], "--downtime-limit"),
              (["--downtime-limit", "0s"], "--downtime-limit"),
              (["--completion-timeout", "1ns"], "--completion-timeout"),
              (["--seed", "-1"], "--seed"),
              (["--device-state", "1e30B"], "--device-state"),
              (["--dirty-model", "bitmap", "--memory", "1PiB"], "--max-memory"),
              (["--dirty-model", "trace", "--dirty-trace", "/etc/passwd"], "--dirty-trace"),
          ])
    func badValue(extra: [String], flag: String) {
        var args = ["migrate", "--memory", "16GiB", "--bandwidth", "10Gbit/s"]
        // A later occurrence of an option wins, so the extra arguments override the defaults above.
        args += extra
        let r = FleetsimBinary.run(args)
        #expect(r.exitCode == 2, "stdout: \(r.stdout) stderr: \(r.stderr)")
        #expect(r.stderr.contains(flag), "\(r.stderr)")
        #expect(r.stderr.contains("expected"), "\(r.stderr)")
        #expect(r.stderr.contains("found"), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test("A missing required flag exits 2 and names it")
    func missingMemory() {
        let r = FleetsimBinary.run(["migrate", "--bandwidth", "10Gbit/s"])
        #expect(r.exitCode == 2)
        #expect(r.stderr.contains("--memory"), "\(r.stderr)")
    }

    @Test("--help documents the accepted forms of --dirty")
    func helpDocumentsDirtyForms() {
        let r = FleetsimBinary.run(["migrate", "--help"])
        #expect(r.exitCode == 0)
        for text in ["200MiB/s", "50000pages/s", "2%/s", "--auto-converge", "--postcopy-after", "--timeout-action"] {
            #expect(r.stdout.contains(text), "help lacks \(text)")
        }
    }
}
