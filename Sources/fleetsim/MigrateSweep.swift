import ArgumentParser
import Experiment
import Scenario
import Foundation
import MigrationEngine

/// `fleetsim migrate --sweep FLAG=V1,V2,... [--sweep ...]`: the same migration at every point
/// of a grid over `migrate`'s own flags (the cartesian product, first axis slowest). Each point
/// is parsed and checked exactly as if typed (every point before anything runs: a bad value
/// exits 2 naming the point), so a sweep can vary anything a single run can. The engine is
/// deterministic: one run per point.
struct MigrateSweep {
    struct Axis {
        let flag: String
        let values: [String]
    }

    /// Flags without a value: a sweep gives them `on` or `off`.
    /// The migration's switches (flags without a value), from the knob table; `--json` is the
    /// command's output switch, refused above.
    static let switches = Set(MigrateFlags.all.filter { $0.argument == nil && $0.name != "json" }.map(\.name))

    let axes: [Axis]

    init(_ texts: [String]) throws(CommandFailure) {
        var axes: [Axis] = []
        for text in texts {
            guard let eq = text.firstIndex(of: "=") else {
                throw FlagValue.failure("--sweep", expected: "FLAG=V1,V2,... (e.g. downtime-limit=100ms,300ms,1s)", found: FlagValue.quote(text))
            }
            var flag = String(text[..<eq]).trimmingCharacters(in: .whitespaces)
            while flag.hasPrefix("-") { flag.removeFirst() }
            let values = text[text.index(after: eq)...].split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard !flag.isEmpty, !values.contains(where: \.isEmpty) else {
                throw FlagValue.failure("--sweep", expected: "FLAG=V1,V2,... with a flag name and no empty value", found: FlagValue.quote(text))
            }
            guard !["sweep", "json", "csv", "horizon-only"].contains(flag) else {
                throw FlagValue.failure("--sweep", expected: "a flag of the migration itself", found: "--\(flag)")
            }
            if axes.contains(where: { $0.flag == flag }) {
                throw FlagValue.failure("--sweep", expected: "each flag swept once", found: "--\(flag) twice")
            }
            if Self.switches.contains(flag), let bad = values.first(where: { $0 != "on" && $0 != "off" }) {
                throw FlagValue.failure("--sweep \(flag)", expected: "on or off (a switch)", found: FlagValue.quote(bad))
            }
            axes.append(Axis(flag: flag, values: values))
        }
        self.axes = axes
    }

    /// Every point: one value per axis, in axis order.
    var points: [[String]] {
        axes.reduce([[]]) { grid, axis in grid.flatMap { p in axis.values.map { p + [$0] } } }
    }

    /// The command line of one point: the base arguments without any sweep or earlier value of
    /// a swept flag, then the point's values.
    func arguments(base: [String], point: [String]) -> [String] {
        let swept = Set(axes.map { "--" + $0.flag })
        var args: [String] = []
        var k = 0
        while k < base.count {
            let a = base[k]
            let name = a.split(separator: "=", maxSplits: 1).first.map(String.init) ?? a
            if name == "--sweep" || swept.contains(name) {
                // `--flag value` takes the next word unless written `--flag=value` or a switch.
                let isSwitch = Self.switches.contains(String(name.dropFirst(2)))
                k += (a.contains("=") || isSwitch) ? 1 : 2
                continue
            }
            if a == "--json" || a == "--csv" { k += 1; continue }
            args.append(a); k += 1
        }
        for (axis, value) in zip(axes, point) {
            if Self.switches.contains(axis.flag) {
                if value == "on" { args.append("--" + axis.flag) }
            } else {
                args += ["--" + axis.flag, value]
            }
        }
        return args
    }

    struct Row {
        let point: [String]
        let outcome: MigrationOutcome
        let setup: MigrateSetup
    }

    /// Parse every point first (all errors before any run), then run them in order.
    func run(base: [String]) throws(CommandFailure) -> [Row] {
        var setups: [([String], MigrateSetup)] = []
        for point in points {
            let args = arguments(base: base, point: point)
            let command: MigrateCommand
            do { command = try MigrateCommand.parse(args) } catch {
                throw .badInput("error: --sweep point \(describe(point)): \(MigrateCommand.message(for: error))")
            }
            do { setups.append((point, try MigrateSetup(command.options))) } catch {
                throw .badInput("error: --sweep point \(describe(point)): " + error.message.replacingOccurrences(of: "error: ", with: ""))
            }
        }
        return setups.map { point, setup in Row(point: point, outcome: setup.run(), setup: setup) }
    }

    func describe(_ point: [String]) -> String {
        zip(axes, point).map { "\($0.flag)=\($1)" }.joined(separator: " ")
    }
}
