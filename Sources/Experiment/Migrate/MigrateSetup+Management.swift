import Foundation
import MigrationEngine
import Scenario
import Stochastics

private typealias F = MigrateFlags

/// `fleetsim migrate`'s management flags (timeouts, timeout action, downtime ramp, Xen's
/// limits) applied on top of the preset, each checked against what that layer allows.
extension MigrateSetup {
    /// Timeouts, the timeout action, the downtime ramp and Xen's limits, on top of the preset
    /// (in this order, so the first of several mistakes is the one reported).
    static func applyManagement(_ c: MigrateOptions, preset: ManagementPreset, to p: inout MigrationParameters) throws(CommandFailure) {
        var m = p.management
        try applyTimeouts(c, preset: preset, to: &p, management: &m)
        try applyDowntime(c, to: &p, management: &m)
        try applyXenLimits(c, management: &m)
        p.management = m
    }

    /// `--completion-timeout[-per-gib]`, `--timeout-action`, `--progress-timeout`.
    static func applyTimeouts(_ c: MigrateOptions, preset: ManagementPreset, to p: inout MigrationParameters,
                              management m: inout ManagementPolicy) throws(CommandFailure) {
        // The data size Nova's per-GiB figures multiply: RAM in GiB with a floor of 2 GiB
        // (nova/virt/libvirt/driver.py _live_migration_data_gb); plain RAM for the others.
        let dataGiB = preset == .nova ? max(p.memoryGiB, 2) : p.memoryGiB

        switch (c.completionTimeout, c.completionTimeoutPerGib) {
        case (_?, _?):
            throw FlagValue.failure(F.completionTimeoutPerGib.flag, expected: "either it or --completion-timeout",
                                    found: "both")
        case (let v?, nil):
            m.completionTimeoutSeconds = v.seconds
            // A timeout before the setup is over aborts before a byte is sent: a typo (1ns for
            // 1s), not a policy.
            if let t = m.completionTimeoutSeconds, t < minimumCompletionTimeoutSeconds {
                throw FlagValue.failure(F.completionTimeout.flag, expected: "a duration of at least 1s or 'none'",
                                        found: "\(FlagValue.quote(v.text)), which ends the migration before it starts")
            }
        case (nil, let v?):
            let perGiB = v.seconds!
            // driver.py: completion_timeout = int(live_migration_completion_timeout * data_gb)
            m.completionTimeoutSeconds = preset == .nova ? Double(Int(perGiB * dataGiB)) : perGiB * dataGiB
        case (nil, nil): break
        }

        if let chosen = c.timeoutAction {
            let action = chosen.value
            guard m.completionTimeoutSeconds != nil else {
                throw FlagValue.failure(F.timeoutAction.flag, expected: "a completion timeout to act on (add --completion-timeout or --completion-timeout-per-gib)",
                                        found: "none under the \(preset.rawValue) preset")
            }
            let allowed: [TimeoutAction]
            let source: String
            switch preset {
            case .libvirt: allowed = [.pauseAndComplete, .switchToPostcopy]; source = "virsh migrate --timeout-suspend / --timeout-postcopy"
            case .kubevirt: allowed = [.abort, .switchToPostcopy]; source = "KubeVirt aborts, or switches to post-copy with allowPostCopy"
            case .nova: allowed = TimeoutAction.allCases; source = "live_migration_timeout_action abort / force_complete"
            case .qemu, .xen, .simgrid: allowed = TimeoutAction.allCases; source = "no management layer: any action"
            }
            guard allowed.contains(action) else {
                throw FlagValue.failure(F.timeoutAction.flag,
                                        expected: "\(allowed.map(\.rawValue).joined(separator: " or ")) under the \(preset.rawValue) preset (\(source))",
                                        found: FlagValue.quote(chosen.text))
            }
            m.timeoutAction = action
            if action == .switchToPostcopy && p.postcopy == nil { p.postcopy = PostcopySettings() }
        }

        if let v = c.progressTimeout {
            m.progressTimeoutSeconds = v.seconds
        }
    }

    /// Nova's downtime ramp (`--downtime-steps`, `--downtime-delay`, `--max-downtime`) or a
    /// fixed `--downtime-limit`.
    static func applyDowntime(_ c: MigrateOptions, to p: inout MigrationParameters,
                              management m: inout ManagementPolicy) throws(CommandFailure) {
        // Nova's downtime ramp (nova/conf/libvirt.py defaults: 10 steps, 75 s/GiB, 500 ms).
        if c.downtimeSteps != nil || c.downtimeDelay != nil || c.maxDowntime != nil {
            let steps = c.downtimeSteps?.value ?? 10
            let delay = c.downtimeDelay?.seconds ?? 75
            if let v = c.maxDowntime { try checkDowntimeBound(v, flag: F.maxDowntime.flag) }
            let maxDowntime = c.maxDowntime?.seconds ?? 0.5
            guard delay == delay.rounded() else {
                throw FlagValue.failure(F.downtimeDelay.flag, expected: "whole seconds per GiB (Nova's option is an integer)", found: FlagValue.quote(c.downtimeDelay!.text))
            }
            let maxMs = maxDowntime * 1000
            guard abs(maxMs - maxMs.rounded()) < 1e-6 else {
                throw FlagValue.failure(F.maxDowntime.flag, expected: "whole milliseconds (Nova's option is an integer)", found: FlagValue.quote(c.maxDowntime!.text))
            }
            if steps == 0 {
                m.downtimeSteps = []
            } else {
                m.downtimeSteps = DowntimeStep.nova(maxDowntimeMilliseconds: Int(maxMs.rounded()), steps: steps,
                                                    delaySecondsPerGiB: Int(delay), dataGiB: max(p.memoryGiB, 2))
                p.downtimeLimitSeconds = m.downtimeSteps.first?.downtimeLimitSeconds ?? p.downtimeLimitSeconds
            }
        }
        if let v = c.downtimeLimit {
            // One rule everywhere (scenario files, this command, docs): a stated downtime limit is
            // the limit and replaces a preset's ramp (Nova's). A ramp asked for by its own flags
            // as well is a contradiction.
            if !m.downtimeSteps.isEmpty, c.downtimeSteps != nil || c.downtimeDelay != nil || c.maxDowntime != nil {
                throw FlagValue.failure(F.downtimeLimit.flag,
                                        expected: "either a fixed limit or a downtime ramp (--downtime-steps, --downtime-delay, --max-downtime), not both",
                                        found: "\(FlagValue.quote(v.text)) with a ramp")
            }
            m.downtimeSteps = []
            try checkDowntimeBound(v, flag: F.downtimeLimit.flag)
            p.downtimeLimitSeconds = v.seconds!
        }
    }

    /// Xen's pass limits, what they do, and QEMU's switchover rule.
    static func applyXenLimits(_ c: MigrateOptions, management m: inout ManagementPolicy) throws(CommandFailure) {
        // Xen's limits (xc_domain_save.c) and the switchover rule.
        // Each 'none' or its bound by its parser.
        if let v = c.maxLivePasses { m.maxLivePasses = v.value }
        if let v = c.maxSentFactor { m.maxSentFactor = v.value }
        if let v = c.minPagesPerPass { m.minPagesPerPass = v.value }
        if let v = c.limitAction { m.limitAction = v.value }
        if let v = c.switchoverRule { m.switchoverRuleEnabled = v.value }
        // Without QEMU's rule only Xen's pass count or pass size ends pre-copy. With neither, the
        // passes shrink towards zero length and the controller spins at one instant (fuzzing
        // found a 2 MiB guest that never returned): refused here, outside the controller.
        if !m.switchoverRuleEnabled && m.maxLivePasses == nil && (m.minPagesPerPass ?? 0) < 1 {
            throw FlagValue.failure(F.switchoverRule.flag,
                                    expected: "'off' only with --max-live-passes or --min-pages-per-pass of at least 1 (with neither, nothing ends pre-copy)",
                                    found: "'off' with neither")
        }
    }

    /// Above 0 (the flag's parser) and at most QEMU's maximum, the bound scenario files use
    /// too (`EngineLimits`), stated as one expectation as before the values were typed.
    static func checkDowntimeBound(_ v: FlagDuration, flag: String) throws(CommandFailure) {
        guard v.seconds! <= EngineLimits.maxDowntimeLimitSeconds else {
            throw FlagValue.failure(flag, expected: FlagValue.durationExpected(positive: true, atMost: EngineLimits.maxDowntimeLimitSeconds),
                                    found: "\(FlagValue.quote(v.text)), which is out of range")
        }
    }
}
