import FleetModel
import MaintenancePolicy

/// Where each instance's plan comes from, decided once when the model is built: the
/// scenario's maintenance policy, or, without one, a fixed policy made of the campaign's own
/// move (`campaign.move`: live then reboot as the fallback, or reboot alone). Plan execution
/// asks it for a plan and never tests which it is.
enum PlanSource: Sendable {
    case policy(MaintenancePolicyConfig)
    /// Every instance gets the same actions, whatever its attributes.
    case campaignMove(MoveKind, actions: [PlannedAction])

    init(config: SimulationConfig) {
        if let policy = config.policy {
            self = .policy(policy)
            return
        }
        let move = config.campaign.move
        self = .campaignMove(move, actions: move == .live ? [.live(Self.campaignLiveStep(config.campaign)), .reboot(.vmStandard)]
                                                          : [.reboot(.vmStandard)])
    }

    /// The plan of `instance` on a host of `hostShape`: its actions in order, why, and the
    /// policy's failed eligibility criteria.
    func plan(for instance: Instance, hostShape: String?) -> (actions: [PlannedAction], origin: PlanOrigin,
                                                             incompatibilities: [EligibilityCriterion]) {
        switch self {
        case .policy(let policy):
            let p = policy.plan(for: instance, hostShape: hostShape)
            return (p.actions, .policy(p.reason), p.incompatibilities)
        case .campaignMove(let move, let actions):
            return (actions, .campaignMove(move), [])
        }
    }

    /// A live step from the campaign's own settings. Its `engine` is not read: without a
    /// policy `engineParameters` runs the campaign's own preset (`simgrid` included, which no
    /// policy step can name).
    static func campaignLiveStep(_ campaign: CampaignConfig) -> LiveStep {
        let engine = LiveEnginePreset(rawValue: campaign.liveMigration.preset.rawValue) ?? .nova
        return LiveStep(attempts: campaign.liveAttempts, engine: engine,
                        autoConverge: campaign.liveMigration.autoConverge ?? false,
                        postcopy: campaign.liveMigration.postcopyAfterPasses != nil, timeoutAction: .abort)
    }
}
