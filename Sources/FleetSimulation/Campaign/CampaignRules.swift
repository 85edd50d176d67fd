import FleetModel
import MaintenancePolicy

/// Every decision that differs between a scenario with a policy (OCI, LXD, generic rules)
/// and one without (the campaign's own `move`, `on_no_target`, `return_instances`), made once
/// when the model is built. The model asks these questions by name instead of testing
/// "policy or no policy" where each arises (it did in eight places), so a behaviour that
/// depends on the rules has one place to change.
struct CampaignRules: Sendable {
    /// A policy's plan per instance, or the campaign's own move for every instance.
    let plans: PlanSource
    /// Reboot steps send a notice and start at the customer's time or the due date (OCI);
    /// without a policy a reboot migration is queued at once.
    let notifiesReboots: Bool
    /// Instances whose plan starts with a reboot or manual migration get their notices when
    /// the campaign starts (`campaign.notices_at_campaign_start`, policies only).
    let sendsEarlyNotices: Bool
    /// Reboot timings, failures and data loss come from the policy's draw for the instance
    /// (OCI DenseIO rules, ...); without a policy from `reboot_migration`'s distributions.
    let rebootTimingsFromPolicy: Bool
    /// A live step's engine preset, auto-converge, post-copy permission and timeout action
    /// come from the policy's step; without a policy from `campaign.live_migration` alone.
    let liveStepSetsEngine: Bool
    /// What happens to an instance no host can take.
    let onNoTarget: NoTargetAction
    /// Instances go back to their host when it returns, and those stopped in place start
    /// again: the campaign's `return_instances`, or LXD's `restore` (`lxc cluster restore`).
    let returnsInstances: Bool

    init(config: SimulationConfig) {
        let policy = config.policy
        let hasPolicy = policy != nil
        plans = PlanSource(config: config)
        notifiesReboots = hasPolicy
        sendsEarlyNotices = hasPolicy && config.campaign.noticesAtCampaignStart
        rebootTimingsFromPolicy = hasPolicy
        liveStepSetsEngine = hasPolicy
        if let policy, policy.rules == .lxd {
            // LXD leaves an instance no member can take where it is, unless the evacuation
            // is told to stop it (`policy.lxd.on_no_target`; see `EvacuationNoTarget`).
            onNoTarget = policy.lxd.onNoTarget == .stop ? .stop : .skip
            returnsInstances = config.campaign.returnInstances || policy.lxd.restore
        } else {
            onNoTarget = config.campaign.onNoTarget
            returnsInstances = config.campaign.returnInstances
        }
    }
}
