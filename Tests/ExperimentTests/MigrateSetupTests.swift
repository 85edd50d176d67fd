import ArgumentParser
import Experiment
import MigrationEngine
import Testing

/// `fleetsim migrate`'s flags to a migration, in process: the setup lives in the library, so a
/// test (or another tool) builds a migration from flags without the binary.
@Suite struct MigrateSetupTests {
    private func setup(_ args: [String]) throws -> MigrateSetup {
        try MigrateSetup(MigrateOptions.parse(args))
    }

    @Test func idleGuestConvergesInOnePassAtTheCap() throws {
        // No writes: one pass over memory, then a stop-and-copy of (almost) nothing. Under
        // the qemu preset the wire runs at max-bandwidth (128 MiB/s), so the pass takes at
        // most memory / 128 MiB/s (zero pages travel as 9-byte headers and take less).
        let s = try setup(["--memory", "1GiB", "--bandwidth", "10Gbit/s", "--preset", "qemu"])
        let outcome = s.run()
        #expect(outcome.state == .completed)
        #expect(outcome.dirtySyncCount >= 1)
        #expect(outcome.totalTimeSeconds > 0 && outcome.totalTimeSeconds <= 8.0 * 1.01)
        #expect(s.parameters.memoryBytes == 1 << 30)
    }

    @Test func hotGuestUnderQemuNeverConvergesBeforeTheHorizon() throws {
        // 1 GiB/s of writes over a 128 MiB/s wire: QEMU alone never gives up.
        let s = try setup(["--memory", "4GiB", "--dirty", "1GiB/s", "--bandwidth", "10Gbit/s", "--preset", "qemu",
                           "--horizon", "2min"])
        let outcome = s.run()
        #expect(outcome.state == .running)
        #expect(outcome.reason == .horizon)
    }

    @Test func badFlagsNameTheFlagAndWhatWasExpected() throws {
        #expect {
            _ = try setup(["--memory", "1GiB", "--bandwidth", "10Gbit/s", "--page-size", "3000B"])
        } throws: { error in
            guard let f = error as? CommandFailure else { return false }
            return f.exitCode == ExitStatus.badInput && f.message.contains("--page-size: expected a power of two")
        }
    }
}
