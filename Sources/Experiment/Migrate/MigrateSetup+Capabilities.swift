import Foundation
import MigrationEngine
import Scenario
import Stochastics

private typealias F = MigrateFlags

/// `fleetsim migrate`'s capability and cost flags applied on top of the preset: auto-converge
/// (ranges of QEMU's migrate_params_check in migration/options.c), post-copy, XBZRLE, and the
/// wire format and fixed costs. A flag that needs its capability turned on says so.
extension MigrateSetup {
    static func applyAutoConverge(_ c: MigrateOptions, to p: inout MigrationParameters) throws(CommandFailure) {
        let throttleFlags: [(String, String?)] = [("--throttle-initial", c.throttleInitial), ("--throttle-increment", c.throttleIncrement),
                                                 ("--throttle-max", c.throttleMax), ("--throttle-trigger", c.throttleTrigger)]
        if c.autoConverge {
            var ac = AutoConvergeSettings()
            if let v = c.throttleInitial { ac.initialPercent = try FlagValue.percent(v, flag: F.throttleInitial.flag, in: 1...99) }
            if let v = c.throttleIncrement { ac.incrementPercent = try FlagValue.percent(v, flag: F.throttleIncrement.flag, in: 1...99) }
            // max-cpu-throttle: "an integer in the range of cpu_throttle_initial to 99".
            if let v = c.throttleMax { ac.maxPercent = try FlagValue.percent(v, flag: F.throttleMax.flag, in: ac.initialPercent...99) }
            guard ac.maxPercent >= ac.initialPercent else {
                throw FlagValue.failure(F.throttleInitial.flag, expected: "at most max-cpu-throttle (\(ac.maxPercent)%)",
                                        found: "\(ac.initialPercent)%")
            }
            if let v = c.throttleTrigger { ac.triggerThresholdPercent = try FlagValue.percent(v, flag: F.throttleTrigger.flag, in: 1...100) }
            ac.tailslow = c.throttleTailslow
            p.autoConverge = ac
        } else {
            for (flag, value) in throttleFlags where value != nil {
                throw FlagValue.failure(flag, expected: "--auto-converge as well", found: "\(flag) without --auto-converge")
            }
            if c.throttleTailslow {
                throw FlagValue.failure(F.throttleTailslow.flag, expected: "--auto-converge as well", found: "--throttle-tailslow without --auto-converge")
            }
        }
    }

    static func applyPostcopy(_ c: MigrateOptions, to p: inout MigrationParameters) throws(CommandFailure) {
        var afterPasses: Int? = nil
        if let n = c.postcopyAfter { afterPasses = try FlagValue.integer(n, flag: F.postcopyAfter.flag, in: 1...EngineLimits.maxPostcopyAfterPasses) }
        if c.postcopy || afterPasses != nil { p.postcopy = PostcopySettings(afterPasses: afterPasses) }
        for (flag, given) in [("--max-postcopy-bandwidth", c.maxPostcopyBandwidth != nil), ("--postcopy-fault-rtt", c.postcopyFaultRtt != nil)]
            where given && p.postcopy == nil && c.timeoutAction?.trimmingCharacters(in: .whitespaces) != "postcopy" {
            throw FlagValue.failure(flag, expected: "--postcopy, --postcopy-after or --timeout-action postcopy as well",
                                    found: "\(flag) without post-copy")
        }
    }

    static func applyXbzrle(_ c: MigrateOptions, to p: inout MigrationParameters) throws(CommandFailure) {
        let xbzrleFlags: [(String, String?)] = [("--xbzrle-cache", c.xbzrleCache), ("--xbzrle-hit-ratio", c.xbzrleHitRatio),
                                               ("--xbzrle-encoded", c.xbzrleEncoded)]
        if c.xbzrle {
            var x = XbzrleSettings()
            if let v = c.xbzrleCache { x.cacheBytes = try FlagValue.bytes(v, flag: F.xbzrleCache.flag) }
            if let v = c.xbzrleHitRatio { x.hitRatio = try FlagValue.fraction(v, flag: F.xbzrleHitRatio.flag) }
            if let v = c.xbzrleEncoded { x.encodedFraction = try FlagValue.fraction(v, flag: F.xbzrleEncoded.flag) }
            p.xbzrle = x
        } else {
            for (flag, value) in xbzrleFlags where value != nil {
                throw FlagValue.failure(flag, expected: "--xbzrle as well", found: "\(flag) without --xbzrle")
            }
        }
    }

    static func applyWireFormatAndCosts(_ c: MigrateOptions, to p: inout MigrationParameters) throws(CommandFailure) {
        if let v = c.pageHeader { p.pageHeaderBytes = Int64(try FlagValue.bytes(v, flag: F.pageHeader.flag).rounded()) }
        if let v = c.zeroPageWire { p.zeroPageWireBytes = Int64(try FlagValue.bytes(v, flag: F.zeroPageWire.flag).rounded()) }
        if let v = c.qemuVersion {
            p.qemuVersion = try FlagValue.choice(v, flag: F.qemuVersion.flag, [("7.2", .v7_2), ("8.2+", .v8_2), ("8.2", .v8_2)])
        }
        if let v = c.precopyLoop {
            p.precopyLoop = try FlagValue.choice(v, flag: F.precopyLoop.flag, [("qemu", .qemu), ("per-pass", .perPass), ("simgrid", .simgrid)])
        }
        if let v = c.messageLatency { p.messageLatencySeconds = try FlagValue.duration(v, flag: F.messageLatency.flag)! }
        if let v = c.firstPassRate { p.firstPassBytesPerSecond = try FlagValue.rate(v, flag: F.firstPassRate.flag, allowNone: true) }
        if let v = c.zeroScanRate { p.zeroScanBytesPerSecond = try FlagValue.rate(v, flag: F.zeroScanRate.flag, allowNone: true) ?? 0 }
        if let v = c.setupTime { p.setupSeconds = try FlagValue.duration(v, flag: F.setupTime.flag)! }
        if let v = c.stopLatency { p.stopLatencySeconds = try FlagValue.duration(v, flag: F.stopLatency.flag)! }
        if let v = c.switchoverOverhead { p.switchoverOverheadSeconds = try FlagValue.duration(v, flag: F.switchoverOverhead.flag)! }
        if let v = c.maxPostcopyBandwidth {
            p.postcopy = p.postcopy ?? PostcopySettings()
            p.postcopy?.maxPostcopyBandwidthBytesPerSecond = try FlagValue.rate(v, flag: F.maxPostcopyBandwidth.flag, allowNone: true)
        }
        if let v = c.postcopyFaultRtt {
            p.postcopy = p.postcopy ?? PostcopySettings()
            p.postcopy?.faultRoundTripSeconds = try FlagValue.duration(v, flag: F.postcopyFaultRtt.flag)!
        }
    }
}
