import FleetModel
import MaintenancePolicy
import MigrationEngine

/// What the engine runs for one live attempt: its parameters and the guest's workload.
extension CampaignModel {
    /// `freshEngineParameters`, unless the last migration set up had the same inputs.
    mutating func engineParameters(for instance: Instance, step: LiveStep) -> MigrationParameters {
        let key = LiveSetupMemo.ParametersKey(memoryBytes: instance.demand.memoryBytes,
                                              zeroPageFraction: instance.guest.zeroPageFraction, step: step)
        if let memo = live.setupMemo.parameters.value(for: key) { return memo }
        let fresh = freshEngineParameters(for: instance, step: step)
        live.setupMemo.parameters.remember(fresh, for: key)
        return fresh
    }

    /// The initial dirty model of `instance`'s guest, unless the last migration set up had the
    /// same guest.
    mutating func guestModel(_ instance: Instance, pageSizeBytes: Int64) -> DirtyModel {
        let key = LiveSetupMemo.GuestKey(memoryBytes: instance.demand.memoryBytes, pageSizeBytes: pageSizeBytes,
                                         guest: instance.guest)
        if let memo = live.setupMemo.guest.value(for: key) { return memo }
        let fresh = DirtyModel.analytic(guestWorkload(instance, pageSizeBytes: pageSizeBytes))
        live.setupMemo.guest.remember(fresh, for: key)
        return fresh
    }

    /// The engine's settings for one attempt: the step's management preset, auto-converge and
    /// post-copy permission, then the campaign's explicit overrides (cap, downtime limit, ...).
    func freshEngineParameters(for instance: Instance, step: LiveStep) -> MigrationParameters {
        var live = config.campaign.liveMigration
        if rules.liveStepSetsEngine {
            live.preset = ManagementPreset(step.engine)
            if live.autoConverge == nil { live.autoConverge = step.autoConverge }
        }
        var p = live.parameters(memoryBytes: instance.demand.memoryBytes, zeroPageFraction: instance.guest.zeroPageFraction)
        // Only SimGrid's rounds pay a latency per message (its CM02 network model).
        if p.precopyLoop == .simgrid { p.messageLatencySeconds = config.network.routeLatencySeconds }
        if rules.liveStepSetsEngine {
            switch step.timeoutAction {
            case .abort: p.management.timeoutAction = .abort
            case .forceComplete:
                // Nova's force_complete: post-copy when permitted, else pause the guest.
                p.management.timeoutAction = step.postcopy ? .switchToPostcopy : .pauseAndComplete
            }
            if step.postcopy && p.postcopy == nil { p.postcopy = PostcopySettings() }
        }
        return p
    }

    func guestWorkload(_ instance: Instance, pageSizeBytes: Int64) -> GuestWorkload {
        let g = instance.guest
        let distribution: WriteDistribution = g.sequentialWrites ? .distinctUntilFull : .uniform
        if g.hotFraction > 0 && g.hotFraction < 1 {
            return GuestWorkload(memoryBytes: instance.demand.memoryBytes, pageSizeBytes: pageSizeBytes, regions: [
                DirtyRegion(fractionOfMemory: g.hotFraction, writeRate: .bytesPerSecond(g.hotDirtyBytesPerSecond),
                            distribution: distribution),
                DirtyRegion(fractionOfMemory: 1 - g.hotFraction, writeRate: .bytesPerSecond(g.dirtyBytesPerSecond),
                            distribution: distribution)])
        }
        return .uniform(memoryBytes: instance.demand.memoryBytes, pageSizeBytes: pageSizeBytes,
                        rate: .bytesPerSecond(g.dirtyBytesPerSecond), distribution: distribution)
    }
}
