import FleetModel
import SimKernel

/// A live migration meets the network and the target: its flow's rate changed (the
/// controller moves its next decision point; no bandwidth starts the stall clock or pauses
/// post-copy), the stall timeout, and the target's setup error.
extension CampaignModel {
    /// `.rerate` reached this migration's flow: catch the controller up, tell it the new rate,
    /// and move its event.
    mutating func liveFlowRateChanged(_ i: InstanceID, slot: Int, change: RateChange, kernel: inout Kernel<CampaignEvent>) {
        guard let lm = live[slot] else { return }
        lm.rateChanged(atNanoseconds: (kernel.now - lm.start).nanoseconds, linkBytesPerSecond: change.newBytesPerSecond)
        if change.newBytesPerSecond <= 0 || lm.stalledSince != nil || change.oldBytesPerSecond <= 0 {
            liveRateChanged(i, slot: slot, rate: change.newBytesPerSecond, kernel: &kernel)
        }
        // Catching up to `now` may have crossed a decision point: handle it in an event at
        // `now` rather than here, in the middle of another flow's change.
        let crossed = lm.phase != lm.lastPhase
        scheduleLiveStep(i, lm, kernel: &kernel, immediately: crossed)
    }

    /// The flow of live migration `i` got (or lost) bandwidth: a pre-copy with none starts its
    /// stall clock; a post-copy with none pauses, and resumes when bandwidth returns.
    mutating func liveRateChanged(_ i: InstanceID, slot: Int, rate: Double, kernel: inout Kernel<CampaignEvent>) {
        guard let lm = live[slot] else { return }
        let now = kernel.now
        let t = (now - lm.start).seconds
        if rate <= 0 {
            switch lm.phase {
            case .setup, .precopy, .stopAndCopy:
                if lm.stalledSince == nil {
                    lm.stalledSince = now
                    kernel.schedule(after: failures.plan.linkStallTimeout, .linkStall(i, epoch: epoch[i.int]))
                }
            case .postcopyBlackout, .postcopyActive:
                lm.apply { $0.linkFailed(atSeconds: t) }
                if lm.phase == .postcopyActive { stopGuest(i, cause: .postcopyPause, at: now) }
            case .finished, .acknowledging: break
            }
        } else {
            lm.stalledSince = nil
            if lm.controller.postcopyPaused {
                lm.apply { $0.linkRestored(atSeconds: t) }
                resumeGuest(i, at: now)
            }
        }
    }

    mutating func linkStall(_ i: InstanceID, kernel: inout Kernel<CampaignEvent>) {
        guard let slot = live.slot(of: i), let lm = live[slot], let since = lm.stalledSince,
              kernel.now - since >= failures.plan.linkStallTimeout else { return }
        let t = (kernel.now - lm.start).seconds
        lm.apply { $0.linkFailed(atSeconds: t) }
        followPhase(i, slot: slot, lm, kernel: &kernel)
    }

    /// The target could not set up the migration: the attempt fails, the policy decides.
    mutating func setupFailed(_ i: InstanceID, kernel: inout Kernel<CampaignEvent>) {
        guard let move = moves[i.int] else { return }
        cancelReservation(i, at: kernel.now)
        endAttempt(i, reason: .targetSetupError, kernel: &kernel)
        liveAttemptFailed(i, on: move.source, failedTarget: move.target, isReturn: move.isReturn, kernel: &kernel)
        capacityChanged(kernel: &kernel)
    }
}
