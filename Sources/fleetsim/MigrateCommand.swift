import Experiment
import ArgumentParser
import MigrationEngine

/// `fleetsim migrate`: one live migration with the engine against a fixed-rate wire, printed
/// one row per pass plus the outcome, as `query-migrate` would report it (issue 3, "Shape").
///
/// Every value flag is a typed value that ArgumentParser parses through `FlagValue` (the
/// scenario files' quantity parser), so units match scenario files and each error names the
/// flag; the flags live in `MigrateOptions`, `MigrateSetup` (library Experiment) checks them
/// against each other and turns them into engine parameters; `MigrationRun` drives the controller.
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Run one live migration with the engine and print its passes and outcome.",
        discussion: """
        Simulates one pre-copy live migration (optionally finishing in post-copy) of a guest of --memory bytes over a link of --bandwidth, under a management preset, and prints one row per pass (start, duration, bytes sent, dirty bytes at the sync that ended it, CPU throttle, downtime limit), then the outcome, total time, downtime, bytes transferred and QEMU's dirty-sync-count. With --json it prints one JSON object instead, with the keys total_time_s, downtime_s, bytes_sent, passes, outcome (completed, aborted, lost, or running when --horizon ends the run first), reason and pass_list.

        Quantities take the units of scenario files: sizes 16GiB, 512MiB, 4KiB, 1.5TB; rates 10Gbit/s, 25Gbps, 128MiB/s, 1GB/s; durations 300ms, 20s, 2min, 1h30m; fractions 0.25 or 25%. Optional limits also take 'none' (or 'unlimited').

        --dirty and --hot-dirty accept three forms:
          200MiB/s       bytes per second (any byte or bit rate unit)
          50000pages/s   pages per second (pages of --page-size)
          2%/s, 0.02/s   a fraction of the guest's whole memory per second
        Writes land uniformly at random on their region (N(1 - e^(-W/N)) distinct pages after W writes on N pages), or with --dirty-distribution sequential on pages not yet written since the last sync.

        Presets (--preset) set what the management layer adds on top of QEMU:
          qemu      max-bandwidth 128MiB/s; no timeout (QEMU never gives up)
          libvirt   uncapped; with --completion-timeout, pause or post-copy
          nova      uncapped; downtime ramp 50ms..500ms in 10 steps 75s/GiB
                    apart; abort after 800s/GiB of max(RAM, 2GiB)
          kubevirt  uncapped; abort after 150s/GiB or 150s without progress
          xen       uncapped; no downtime rule; stop-and-copy after 29 passes,
                    3x memory sent, or a pass of fewer than 50 pages
        Every default can be overridden by its flag.

        The outcome does not change the exit code: an aborted or lost migration is a result. Exit codes: 0 ok, 2 bad input (the message names the flag, what it expects and what it found).

        Examples:
          fleetsim migrate --memory 16GiB --dirty 20MiB/s --bandwidth 10Gbit/s
          fleetsim migrate --memory 16GiB --dirty 300MiB/s --bandwidth 10Gbit/s \\
              --horizon 30min --auto-converge
          fleetsim migrate --memory 2GiB --dirty 5%/s --bandwidth 10Gbit/s \\
              --preset nova --max-bandwidth 16MiB/s --json
          fleetsim migrate --memory 64GiB --dirty 0.1%/s --hot-fraction 5% \\
              --hot-dirty 2GiB/s --bandwidth 25Gbit/s --preset libvirt --postcopy-after 3
        """
    )

    @OptionGroup var options: MigrateOptions

    @Flag(help: "Print one JSON object instead of the pass table.")
    var json = false

    @Option(help: ArgumentHelp("Run the migration at every point of a grid: FLAG=V1,V2,... over any flag of this command (repeatable; the cartesian product, first axis slowest; switches take on,off), e.g. --sweep downtime-limit=100ms,300ms,1s --sweep dirty=50MiB/s,200MiB/s. Prints a Markdown table, or CSV with --csv, or JSON lines with --json.", valueName: "flag=v1,v2,..."))
    var sweep: [String] = []

    @Flag(help: "With --sweep: print CSV (one row per point) instead of the Markdown table.")
    var csv = false

    func run() throws {
        if !sweep.isEmpty {
            let s = try MigrateSweep(sweep)
            // The words after `migrate`, as typed: each point re-parses them with its values.
            let all = CommandLine.arguments
            let base = Array(all.drop(while: { $0 != "migrate" }).dropFirst())
            let rows = try s.run(base: base)
            print(json ? s.jsonLines(rows) : csv ? s.csv(rows) : s.markdown(rows), terminator: "")
            return
        }
        if csv { throw CommandFailure.badInput("error: --csv: expected --sweep as well (a single run prints a table or --json)") }
        let setup = try MigrateSetup(options)
        let outcome = setup.run()
        if json {
            print(MigrateJSON.render(outcome, setup: setup))
        } else {
            print(setup.summaryLines.joined(separator: "\n"))
            print("")
            print(MigrationReportRenderer.text(outcome), terminator: "")
        }
    }
}
