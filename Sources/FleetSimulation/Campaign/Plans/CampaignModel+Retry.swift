import FleetModel
import MaintenancePolicy
import SimKernel

/// A failed attempt, and what the plan does next: retry the step on another target while its
/// attempts last, then fall back to the plan's next action.
extension CampaignModel {
    /// A live attempt failed: retry on another target while the step's attempts last, then
    /// fall back to the plan's next action. The instance goes back to the front of its queue;
    /// the caller dispatches (directly, or through `endMove`).
    mutating func liveAttemptFailed(_ i: InstanceID, on source: HostID, failedTarget: HostID?, isReturn: Bool,
                                    kernel: inout Kernel<CampaignEvent>) {
        if isReturn {
            // A return gets as many attempts as an outbound live migration (`live_attempts`);
            // then the instance stays where it is (`lxc cluster restore` reports the failure
            // and moves on). Unbounded, a return failing at setup was retried every
            // setup_error_delay until the horizon: 17,000 attempts for 2 instances in 30 days.
            let failed = returns.returnFailed(i)
            if failed >= max(1, config.campaign.liveAttempts) {
                resolve(i, .moved, reason: .returnAbandoned(failedAttempts: failed))
                return
            }
            returns.retryFirst(i)
            return
        }
        if failedTarget == nil { plans.stepAttempts[i.int] += 1 }
        let allowed: Int
        if case .live(let s)? = plans.currentAction(i) { allowed = s.attempts } else { allowed = 1 }
        if plans.stepAttempts[i.int] < allowed {
            plans.avoidTarget[i.int] = failedTarget
            enqueue(i, on: source, at: kernel.now, front: true)
        } else {
            nextStep(i, on: source, kernel: &kernel)
        }
    }

    /// A failed attempt whose instance is fine: retry on another target or fall back.
    mutating func retryAfterFailedAttempt(_ i: InstanceID, on source: HostID, failedTarget: HostID,
                                          kernel: inout Kernel<CampaignEvent>) {
        if case .live? = plans.currentAction(i) {
            liveAttemptFailed(i, on: source, failedTarget: failedTarget, isReturn: false, kernel: &kernel)
        } else {
            plans.avoidTarget[i.int] = failedTarget
            enqueue(i, on: source, at: kernel.now, front: true)
        }
    }
}
