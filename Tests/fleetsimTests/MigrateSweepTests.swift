import Foundation
import Testing

/// `fleetsim migrate --sweep`: each point gives exactly what the same flags give typed by hand;
/// a bad value anywhere in the grid stops everything with exit 2 naming the point.
@Suite struct MigrateSweepTests {
    static let base = ["migrate", "--memory", "8GiB", "--bandwidth", "10Gbit/s", "--horizon", "30min"]

    @Test func everyPointEqualsItsSingleRun() throws {
        let r = CLIRunner.run(Self.base + ["--dirty", "1MiB/s", "--sweep", "downtime-limit=100ms,1s", "--sweep", "dirty=20MiB/s,400MiB/s",
                                           "--sweep", "auto-converge=off,on", "--json"])
        #expect(r.exitCode == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 8)
        var k = 0
        for limit in ["100ms", "1s"] {
            for dirty in ["20MiB/s", "400MiB/s"] {
                for ac in ["off", "on"] {
                    let single = CLIRunner.run(Self.base + ["--downtime-limit", limit, "--dirty", dirty, "--json"] + (ac == "on" ? ["--auto-converge"] : []))
                    #expect(single.exitCode == 0)
                    let expected = "{\"point\":{\"downtime-limit\":\"\(limit)\",\"dirty\":\"\(dirty)\",\"auto-converge\":\"\(ac)\"},\"result\":"
                        + single.stdout.trimmingCharacters(in: .whitespacesAndNewlines) + "}"
                    #expect(lines[k] == expected)
                    k += 1
                }
            }
        }
    }

    @Test func csvHasOneRowPerPoint() {
        let r = CLIRunner.run(Self.base + ["--sweep", "dirty=10MiB/s,50MiB/s,100MiB/s", "--csv"])
        #expect(r.exitCode == 0, "\(r.stderr)")
        let rows = r.stdout.split(separator: "\n")
        #expect(rows.count == 4)
        #expect(rows.first?.hasPrefix("dirty,outcome,reason,total_time_s,downtime_s,bytes_sent,passes") == true)
    }

    @Test(arguments: [
        (["--sweep", "downtime-limit=100ms,-5"], "point downtime-limit=-5"),
        (["--sweep", "no-such-flag=1"], "Unknown option '--no-such-flag'"),
        (["--sweep", "dirty"], "--sweep: expected FLAG=V1,V2"),
        (["--sweep", "auto-converge=yes"], "expected on or off"),
        (["--sweep", "dirty=1MiB/s,", "--csv"], "no empty value"),
        (["--csv"], "--csv: expected --sweep"),
    ])
    func badGridsExitTwo(extra: [String], message: String) {
        let r = CLIRunner.run(Self.base + extra)
        #expect(r.exitCode == 2)
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(r.stdout.isEmpty, "nothing printed before every point is checked")
    }
}
