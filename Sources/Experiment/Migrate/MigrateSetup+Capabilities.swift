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
        let throttleFlags: [(String, FlagCount?)] = [("--throttle-initial", c.throttleInitial), ("--throttle-increment", c.throttleIncrement),
                                                 ("--throttle-max", c.throttleMax), ("--throttle-trigger", c.throttleTrigger)]
        if c.autoConverge {
            var ac = AutoConvergeSettings()
            // Each in 1...99 (1...100 for the trigger) by its parser.
            if let v = c.throttleInitial?.value { ac.initialPercent = v }
            if let v = c.throttleIncrement?.value { ac.incrementPercent = v }
            // max-cpu-throttle: "an integer in the range of cpu_throttle_initial to 99".
            if let v = c.throttleMax {
                guard v.value! >= ac.initialPercent else {
                    let percentText = v.text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "%", with: "")
                    throw FlagValue.failure(F.throttleMax.flag, expected: FlagValue.percentExpected(ac.initialPercent...99),
                                            found: "\(FlagValue.quote(percentText)), which is out of range")
                }
                ac.maxPercent = v.value!
            }
            guard ac.maxPercent >= ac.initialPercent else {
                throw FlagValue.failure(F.throttleInitial.flag, expected: "at most max-cpu-throttle (\(ac.maxPercent)%)",
                                        found: "\(ac.initialPercent)%")
            }
            if let v = c.throttleTrigger?.value { ac.triggerThresholdPercent = v }
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
        if let n = c.postcopyAfter {
            // At least 1 by its parser; the engine's bound, shared with scenario files, here.
            guard n.value! <= EngineLimits.maxPostcopyAfterPasses else {
                throw FlagValue.failure(F.postcopyAfter.flag, expected: "a whole number from 1 to \(EngineLimits.maxPostcopyAfterPasses)",
                                        found: "\(FlagValue.quote(n.text)), which is out of range")
            }
            afterPasses = n.value
        }
        if c.postcopy || afterPasses != nil { p.postcopy = PostcopySettings(afterPasses: afterPasses) }
        for (flag, given) in [("--max-postcopy-bandwidth", c.maxPostcopyBandwidth != nil), ("--postcopy-fault-rtt", c.postcopyFaultRtt != nil)]
            where given && p.postcopy == nil && c.timeoutAction?.value != .switchToPostcopy {
            throw FlagValue.failure(flag, expected: "--postcopy, --postcopy-after or --timeout-action postcopy as well",
                                    found: "\(flag) without post-copy")
        }
    }

    static func applyXbzrle(_ c: MigrateOptions, to p: inout MigrationParameters) throws(CommandFailure) {
        let xbzrleFlags: [(String, Bool)] = [("--xbzrle-cache", c.xbzrleCache != nil), ("--xbzrle-hit-ratio", c.xbzrleHitRatio != nil),
                                             ("--xbzrle-encoded", c.xbzrleEncoded != nil)]
        if c.xbzrle {
            var x = XbzrleSettings()
            if let v = c.xbzrleCache { x.cacheBytes = v.bytes }
            if let v = c.xbzrleHitRatio { x.hitRatio = v.value }
            if let v = c.xbzrleEncoded { x.encodedFraction = v.value }
            p.xbzrle = x
        } else {
            for (flag, given) in xbzrleFlags where given {
                throw FlagValue.failure(flag, expected: "--xbzrle as well", found: "\(flag) without --xbzrle")
            }
        }
    }

    static func applyWireFormatAndCosts(_ c: MigrateOptions, to p: inout MigrationParameters) {
        if let v = c.pageHeader { p.pageHeaderBytes = Int64(v.bytes.rounded()) }
        if let v = c.zeroPageWire { p.zeroPageWireBytes = Int64(v.bytes.rounded()) }
        if let v = c.qemuVersion { p.qemuVersion = v.value }
        if let v = c.precopyLoop { p.precopyLoop = v.value }
        // The durations below take no 'none' (their parsers return seconds).
        if let v = c.messageLatency { p.messageLatencySeconds = v.seconds! }
        if let v = c.firstPassRate { p.firstPassBytesPerSecond = v.bytesPerSecond }
        if let v = c.zeroScanRate { p.zeroScanBytesPerSecond = v.bytesPerSecond ?? 0 }
        if let v = c.setupTime { p.setupSeconds = v.seconds! }
        if let v = c.stopLatency { p.stopLatencySeconds = v.seconds! }
        if let v = c.switchoverOverhead { p.switchoverOverheadSeconds = v.seconds! }
        if let v = c.maxPostcopyBandwidth {
            p.postcopy = p.postcopy ?? PostcopySettings()
            p.postcopy?.maxPostcopyBandwidthBytesPerSecond = v.bytesPerSecond
        }
        if let v = c.postcopyFaultRtt {
            p.postcopy = p.postcopy ?? PostcopySettings()
            p.postcopy?.faultRoundTripSeconds = v.seconds!
        }
    }
}
