import Foundation
import Testing

/// `fleetsim migrate` under issue 9: one downtime-limit rule, the JSON's post-copy and
/// settings, the work bound, documented inputs that were refused.
@Suite("fleetsim migrate hardening")
struct MigrateHardeningTests {
    func runJSON(_ args: [String]) throws -> [String: Any] {
        let r = FleetsimBinary.run(["migrate"] + args + ["--json"])
        #expect(r.exitCode == 0, "stderr: \(r.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any], "stdout: \(r.stdout)")
    }

    @Test("--downtime-limit under nova replaces the ramp: every pass runs at the stated limit")
    func downtimeLimitReplacesTheNovaRamp() throws {
        let o = try runJSON(["--memory", "4GiB", "--dirty", "200MiB/s", "--bandwidth", "10Gbit/s", "--preset", "nova",
                             "--downtime-limit", "100ms", "--horizon", "30min"])
        let settings = try #require(o["settings"] as? [String: Any])
        #expect(settings["downtime_limit_s"] as? Double == 0.1)
        #expect((settings["downtime_steps"] as? [Any])?.isEmpty == true)
        let passes = try #require(o["pass_list"] as? [[String: Any]])
        #expect(!passes.isEmpty)
        for p in passes { #expect(p["downtime_limit_s"] as? Double == 0.1) }
    }

    @Test("A fixed limit and ramp flags together are refused, naming both")
    func limitAndRampTogetherAreRefused() {
        let r = FleetsimBinary.run(["migrate", "--memory", "4GiB", "--bandwidth", "10Gbit/s", "--preset", "nova",
                                    "--downtime-limit", "100ms", "--downtime-steps", "5"])
        #expect(r.exitCode == 2)
        #expect(r.stderr.contains("--downtime-limit: expected either a fixed limit or a downtime ramp"), "\(r.stderr)")
    }

    @Test("--json reports the post-copy phase (degraded period, faults), null without one")
    func jsonPostcopyMember() throws {
        let with = try runJSON(["--memory", "16GiB", "--dirty", "300MiB/s", "--bandwidth", "10Gbit/s", "--postcopy-after", "3"])
        let pc = try #require(with["postcopy"] as? [String: Any])
        #expect((pc["degraded_s"] as? Double ?? 0) > 0)
        #expect((pc["faults"] as? Int ?? 0) > 0)
        for key in ["start_s", "blackout_s", "bytes_pushed", "fault_stall_s"] { #expect(pc[key] != nil, "no \(key)") }
        let without = try runJSON(["--memory", "4GiB", "--dirty", "20MiB/s", "--bandwidth", "10Gbit/s"])
        #expect(without["postcopy"] is NSNull)
    }

    @Test("--json states the effective settings after preset and flags")
    func jsonSettingsMember() throws {
        let o = try runJSON(["--memory", "4GiB", "--bandwidth", "10Gbit/s", "--preset", "kubevirt", "--auto-converge"])
        let s = try #require(o["settings"] as? [String: Any])
        #expect(s["preset"] as? String == "kubevirt")
        #expect(s["memory_bytes"] as? Int == 4 << 30)
        #expect(s["max_bandwidth_bytes_per_s"] is NSNull)
        #expect(s["completion_timeout_s"] as? Double == 600)  // 150 s/GiB x 4 GiB
        #expect((s["auto_converge"] as? [String: Any])?["initial_pct"] as? Int == 20)
    }

    @Test("A horizon of a century on a guest that never converges stops at the work bound and says so")
    func workBound() throws {
        let o = try runJSON(["--memory", "16GiB", "--dirty", "300MiB/s", "--bandwidth", "10Gbit/s", "--horizon", "36500d",
                             "--max-steps", "500"])
        #expect(o["outcome"] as? String == "running")
        #expect(o["reason"] as? String == "work limit reached")
        #expect((o["passes"] as? Int ?? 0) <= 500)
    }

    @Test("Documented inputs: --bandwidth-change 2s=0 stalls the link; --dirty 0")
    func documentedZeroes() throws {
        let o = try runJSON(["--memory", "1GiB", "--dirty", "0", "--bandwidth", "10Gbit/s", "--bandwidth-change", "2s=0",
                             "--horizon", "1min"])
        #expect(o["outcome"] as? String == "running")
    }

    @Test("Trace rows with a negative rate, or a non-numeric one, are refused with the line")
    func traceRows() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fleetsim-trace-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for (body, fragment) in [("seconds,rate\n0,100\n1,-5\n", "line 3"), ("seconds,rate\n0,100\n1,fast\n", "'fast', which is not a number"),
                                 ("seconds,rate\n0,nan\n", "line 2")] {
            let path = dir.appendingPathComponent("t.csv").path
            try body.write(toFile: path, atomically: true, encoding: .utf8)
            let r = FleetsimBinary.run(["migrate", "--memory", "1GiB", "--bandwidth", "10Gbit/s", "--dirty-model", "trace",
                                        "--dirty-trace", path])
            #expect(r.exitCode == 2)
            #expect(r.stderr.contains(fragment), "\(r.stderr)")
        }
    }

    @Test("A trace of more than 100,000 samples is refused before the run")
    func traceTooLong() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("fleetsim-long-\(UUID().uuidString).csv").path
        var text = "seconds,bytes_per_second\n"
        for i in 0...100_000 { text += "\(i),1000\n" }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = FleetsimBinary.run(["migrate", "--memory", "1GiB", "--bandwidth", "10Gbit/s", "--dirty-model", "trace", "--dirty-trace", path])
        #expect(r.exitCode == 2)
        #expect(r.stderr.contains("--dirty-trace: expected at most 100000 samples"), "\(r.stderr)")
    }
}
