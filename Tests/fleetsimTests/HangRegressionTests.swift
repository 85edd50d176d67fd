import Foundation
import Testing

/// Campaigns that used to run (nearly) for ever or break an invariant, now bounded or fixed.
@Suite struct HangRegressionTests {
    static func scenario(_ yaml: String) throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("fleetsim-hang-\(getpid())-\(UUID().uuidString).yaml").path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func run(_ yaml: String, _ extra: [String] = []) throws -> (Int32, String, [String: Any]?) {
        let path = try scenario(yaml)
        let out = path + ".out"
        defer { try? FileManager.default.removeItem(atPath: path); try? FileManager.default.removeItem(atPath: out) }
        let r = CLIRunner.run(["run", path, "--out", out, "--quiet", "--check-invariants", "--format", "json"] + extra)
        let json = FileManager.default.contents(atPath: out + "/summary.json")
            .flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
        return (r.exitCode, r.stderr, json)
    }

    static let fleet = """
        fleet:
          host_groups:
            - {name: h, count: 4, shape_family: E4, ocpus: 64, memory: 512GiB, nic: 25Gbit/s}
          instance_groups:
            - {name: vm, count: 8, shape: E4, ocpus: 2, memory: 8GiB, guest: {dirty: 10MiB/s}}
        """

    /// Returns failing at setup were retried every setup_error_delay until the horizon
    /// (17,274 attempts for 2 instances over 30 days). Now a return gets `live_attempts`.
    @Test func failingReturnsAreAbandoned() throws {
        let (code, err, json) = try Self.run("""
            name: returns
            horizon: 30d
            \(Self.fleet)
            campaign: {hosts: [h-0000], move: live, return_instances: true, live_attempts: 3, maintenance_duration: 10min}
            failures: {migrations: {setup_error: 100%}}
            """)
        #expect(code == 0, "\(err)")
        let attempts = try #require((json?["attempts"] as? [String: [String: Double]])?["live"]?["attempts_mean"])
        // 2 instances: 3 outbound attempts each, then (after the reboot fallback) 3 returns each.
        #expect(attempts == 12)
        let reasons = try #require((json?["policy"] as? [String: Any])?["final_reasons"] as? [String: [String: Double]])
        #expect(reasons["moved"]?["moved; return abandoned after 3 failed attempts"] == 2)
    }

    @Test func liveAttemptsAreBounded() throws {
        let (code, err, _) = try Self.run("""
            name: attempts
            \(Self.fleet)
            campaign: {hosts: [h-0000], move: live, live_attempts: 1000000}
            """)
        #expect(code == 2)
        #expect(err.contains("campaign.live_attempts: expected a whole number between 1 and 100, found '1000000'"), "\(err)")
    }

    @Test func everyAttemptAbortingEndsPromptly() throws {
        let (code, err, json) = try Self.run("""
            name: aborts
            \(Self.fleet)
            campaign: {hosts: [h-0000], move: live, live_attempts: 100, return_instances: true}
            failures: {migrations: {abort_per_attempt: 100%}}
            """)
        #expect(code == 0, "\(err)")
        let live = try #require((json?["attempts"] as? [String: [String: Double]])?["live"])
        #expect(live["attempts_mean"] == 400 && live["completed_mean"] == 0)
    }

    /// No policy, local storage, instances returning, random host failures: a guest down
    /// awaiting its host's repair was queued for a live return and "stopped twice".
    @Test(arguments: [1, 2, 3])
    func downGuestsAreNotReturned(seed: Int) throws {
        let (code, err, _) = try Self.run("""
            name: local-returns
            replications: 10
            horizon: 20d
            fleet:
              host_groups:
                - {name: h, count: 6, shape_family: E4, ocpus: 64, memory: 256GiB, nic: 25Gbit/s}
              instance_groups:
                - {name: vm, count: 30, shape: E4, ocpus: 2, memory: 16GiB, attributes: {storage: local}, guest: {dirty: 50MiB/s}}
            campaign: {hosts: [h-0000, h-0001, h-0002], move: live, return_instances: true, maintenance_duration: 30min}
            failures: {hosts: {mtbf: 2d, repair: 1h}}
            """, ["--seed", String(seed)])
        #expect(code == 0, "\(err)")
    }
}
