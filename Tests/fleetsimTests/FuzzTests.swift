import Foundation
import Testing

/// Seeded fuzzing of the scenario loader and the `migrate` flag parser through the built
/// binary: a bounded number of mutated inputs from a fixed seed, each of which must end with
/// exit 0 or 2 and a message, never a crash or a hang. Inputs that once broke fleetsim are
/// kept in the hostile corpus (`Tests/Hostile`, category `fuzz`) as regression tests.
/// Bounded by iteration counts, not by time: the same inputs on every run, in CI within about
/// a minute.
@Suite("fuzz")
struct FuzzTests {
    /// CI runs the fixed seed and counts; `FLEETSIM_FUZZ_SEED` and `FLEETSIM_FUZZ_ITERATIONS`
    /// run other or longer campaigns by hand (a crash found there joins the corpus).
    static func setting(_ name: String, _ fallback: UInt64) -> UInt64 {
        ProcessInfo.processInfo.environment[name].flatMap { UInt64($0) } ?? fallback
    }

    static let hostileValues = [
        "0", "-1", "1e300", "-1e300", "nan", "inf", "", "~", "[]", "{}", "[1, 2]", "{a: 1}", "0B", "3KiB",
        "9223372036854775808B", "18446744073709551616", "1e30GiB", "1ns", "0s", "-5s", "100y", "1e15d", "0.0000001",
        "'\u{0}'", "\"\\u00e9t\u{e9}\"", "ünïcödé", String(repeating: "9", count: 400), "*undefined", "&a x",
        "{dist: pareto, scale: 1s, shape: 0.001}", "{dist: lognormal, median: 1B, p99: 1e18GiB}",
        "{dist: empirical, values: []}", "{dist: empirical, file: ../../etc/passwd}", "{dist: normal, mean: 0, sd: -1}",
        "{dist: uniform, min: 5, max: 1}", "{dist: gamma, shape: 1e-300, scale: 1e300}", "{dist: weibull, scale: 1s, shape: 1e-9}",
        "all", "none", "unlimited", "true", "yes", "null", "1/1ns", "0/1d", "50%", "150%", "-0", "0x10", "1_000",
    ]

    /// The scenarios mutated: small ones, so that even `run` stays quick.
    static let seeds = ["Tests/Hostile/scenarios/base.yaml", "Scenarios/default.yaml", "Scenarios/failure-storm.yaml",
                        "Scenarios/lxd-cluster-evacuation.yaml", "Scenarios/oci-mixed-fleet.yaml"]

    /// One mutation of a scenario's text: a scalar value replaced, a line dropped, duplicated
    /// or re-indented, a few bytes changed, or the text cut short.
    static func mutate(_ text: String, _ g: inout SeededGenerator) -> String {
        var lines = text.components(separatedBy: "\n")
        let n = Int(g.next() % 3) + 1
        for _ in 0..<n {
            let i = Int(g.next() % UInt64(max(lines.count, 1)))
            guard i < lines.count else { continue }
            switch g.next() % 7 {
            case 0, 1, 2:
                // Replace the value after `key:` (most mutations: they reach the schema).
                if let colon = lines[i].range(of: ": ") {
                    lines[i] = String(lines[i][..<colon.upperBound]) + g.pick(hostileValues)
                } else if let dash = lines[i].range(of: "- ") {
                    lines[i] = String(lines[i][..<dash.upperBound]) + g.pick(hostileValues)
                }
            case 3: lines.remove(at: i)
            case 4: lines.insert(lines[i], at: i)
            case 5: lines[i] = String(repeating: " ", count: Int(g.next() % 5)) + lines[i].trimmingCharacters(in: .whitespaces)
            default:
                var scalars = Array(lines[i].unicodeScalars)
                if !scalars.isEmpty {
                    let k = Int(g.next() % UInt64(scalars.count))
                    scalars[k] = g.pick(["\t", ":", "{", "[", "#", "&", "*", "!", "|", ">", "%", "@", "\u{FEFF}", "\u{7F}"])
                    lines[i] = String(String.UnicodeScalarView(scalars))
                }
            }
        }
        var out = lines.joined(separator: "\n")
        if g.chance(0.03) { out = String(out.prefix(Int(g.next() % UInt64(max(out.count, 1))))) }
        return out
    }

    static func check(_ r: HostileRunner.Result, input: String, quiet: Bool = false) {
        #expect(!r.crashed, "crashed on:\n\(input)\n\(r.stderr.prefix(800))")
        #expect(r.exitCode != HostileRunner.killedByWatchdog, "hung on:\n\(input)")
        #expect(r.exitCode == 0 || r.exitCode == 2, "exit \(r.exitCode) on:\n\(input)\n\(r.stderr.prefix(800))")
        // Our messages say `error:`, ArgumentParser's (unknown or missing options) `Error:`.
        if r.exitCode == 2 { #expect(r.stderr.lowercased().contains("error"), "no message for:\n\(input)") }
        if r.exitCode == 0 && !quiet { #expect(!r.stdout.isEmpty, "exit 0 and nothing printed for:\n\(input)") }
    }

    @Test("Mutated scenarios: validate (and run, for the small base) exit 0 or 2 with a message")
    func scenarioLoader() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fleetsim-fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var g = SeededGenerator(seed: Self.setting("FLEETSIM_FUZZ_SEED", 0x9E55_2026))
        let texts = try Self.seeds.map { try String(contentsOf: CLIRunner.packageRoot.appendingPathComponent($0), encoding: .utf8) }
        for iteration in 0..<Int(Self.setting("FLEETSIM_FUZZ_ITERATIONS", 160)) {
            let seedIndex = Int(g.next() % UInt64(texts.count))
            let input = Self.mutate(texts[seedIndex], &g)
            let file = directory.appendingPathComponent("fuzz-\(iteration).yaml")
            try input.write(to: file, atomically: true, encoding: .utf8)
            Self.check(HostileRunner.run(["validate", file.path], in: directory), input: input)
            if seedIndex == 0 {
                let out = directory.appendingPathComponent("out-\(iteration)").path
                Self.check(HostileRunner.run(["run", file.path, "--replications", "1", "--out", out, "--quiet", "--format", "json"],
                                             in: directory), input: input, quiet: true)
            }
        }
    }

    static let migrateFlags: [(String, [String])] = [
        ("--memory", ["16GiB", "1GiB", "4097B", "0", "-1GiB", "1PiB", "1e30B", "2MiB"]),
        ("--dirty", ["20MiB/s", "0", "300MiB/s", "5%/s", "50000pages/s", "-1MiB/s", "nan/s", "1e300GiB/s", "2%"]),
        ("--bandwidth", ["10Gbit/s", "1bit/s", "0", "1e30Gbit/s", "fast", "25Gbps"]),
        ("--page-size", ["4KiB", "2MiB", "3KiB", "0B", "1GiB", "512B"]),
        ("--dirty-model", ["analytic", "bitmap", "trace", "magic"]),
        ("--dirty-distribution", ["uniform", "sequential", "zipf"]),
        ("--hot-fraction", ["10%", "0", "1", "1.5", "-0.1"]),
        ("--hot-dirty", ["1GiB/s", "0", "-5MiB/s"]),
        ("--phase", ["60s=2", "0s=0", "10s=-1", "=2", "1e300s=1"]),
        ("--seed", ["1", "-1", "18446744073709551615", "x"]),
        ("--zero-pages", ["0.5", "2", "-1"]),
        ("--device-state", ["1MiB", "1e30B", "0B", "1TiB"]),
        ("--bandwidth-change", ["2s=0", "60s=5Gbit/s", "1ns=1bit/s", "x=y", "-1s=1Gbit/s"]),
        ("--max-bandwidth", ["unlimited", "1bit/s", "128MiB/s", "0"]),
        ("--rate-window", ["100ms", "1ns", "0s", "1d"]),
        ("--multifd-channels", ["1", "255", "256", "0"]),
        ("--preset", ["qemu", "libvirt", "nova", "kubevirt", "xen", "vmware"]),
        ("--downtime-limit", ["300ms", "0s", "1ns", "2001s", "2000s"]),
        ("--auto-converge", []), ("--postcopy", []), ("--xbzrle", []), ("--throttle-tailslow", []), ("--json", []),
        ("--throttle-initial", ["20", "0", "99", "100"]),
        ("--throttle-max", ["99", "1", "50%"]),
        ("--postcopy-after", ["1", "0", "1000000", "two"]),
        ("--completion-timeout", ["10min", "1ns", "none", "0s"]),
        ("--completion-timeout-per-gib", ["800s", "1ns"]),
        ("--timeout-action", ["abort", "pause", "postcopy", "explode"]),
        ("--progress-timeout", ["150s", "1ns", "none"]),
        ("--downtime-steps", ["10", "0", "1000", "1001"]),
        ("--max-downtime", ["500ms", "1.5ms", "0s"]),
        ("--max-live-passes", ["29", "1", "none", "0"]),
        ("--event", ["90s=force-complete", "1ns=source-failure", "10s=link-failure", "0s=cancel", "x=y"]),
        ("--horizon", ["10min", "1ns", "1h", "36500d", "0s"]),
        ("--max-steps", ["20000", "1", "0"]),
    ]

    @Test("Random migrate command lines exit 0 or 2 with a message")
    func migrateFlagParser() {
        var g = SeededGenerator(seed: Self.setting("FLEETSIM_FUZZ_SEED", 0x0319_2026))
        let directory = CLIRunner.packageRoot.appendingPathComponent("Tests/Hostile")
        for _ in 0..<Int(Self.setting("FLEETSIM_FUZZ_ITERATIONS", 220)) {
            var args = ["migrate"]
            if g.chance(0.95) { args += ["--memory", g.pick(["16GiB", "1GiB", "64MiB"])] }
            if g.chance(0.95) { args += ["--bandwidth", g.pick(["10Gbit/s", "1Gbit/s"])] }
            // A short horizon and a step bound keep every run quick, whatever else is drawn.
            args += ["--horizon", "10min", "--max-steps", "20000"]
            for _ in 0..<Int(g.next() % 6) {
                let (flag, values) = g.pick(Self.migrateFlags)
                args.append(flag)
                if !values.isEmpty { args.append(g.pick(values)) }
            }
            if g.chance(0.1) { args += ["--dirty-model", "trace", "--dirty-trace", g.pick(["traces/negative.csv", "traces/nan.csv", "x.csv"])] }
            if args.contains("--horizon") && args.last(where: { $0 == "36500d" }) != nil { args += ["--horizon", "10min"] }
            Self.check(HostileRunner.run(args, in: directory), input: args.joined(separator: " "))
        }
    }
}
