import FleetModel
import FleetSimulation
import Scenario
import Yams

/// `campaign.hosts: {rack: NAME}` or `{fault_domain: NAME}` naming no rack of the fleet, with
/// a did-you-mean (the build's own message has none). Rack names exist only once the fleet's
/// hosts are laid out, so this runs on the built configuration.
public enum CampaignSelectionCheck {
    public static func problem(_ config: SimulationConfig, fleet: Fleet, loaded: LoadedScenario) -> ScenarioError? {
        let key: String, name: String
        switch config.campaign.hosts {
        case .rack(let r): key = "rack"; name = r
        case .faultDomain(let fd): key = "fault_domain"; name = fd
        case .names, .all: return nil
        }
        let known = Set(fleet.hosts.map { key == "rack" ? $0.location.rack : $0.location.faultDomain })
        guard !known.contains(name) else { return nil }
        let suggestion = Suggestions.closest(to: name, in: known.sorted())
        let noun = key == "rack" ? "rack" : "fault domain"
        let list = known.sorted()
        let shown = list.count <= 8 ? list.joined(separator: ", ") : list.prefix(8).joined(separator: ", ") + ", ..."
        return loaded.diagnostic(at: "campaign.hosts.\(key)", expected: "the name of a \(noun) of the fleet (\(shown))",
                                 found: "'\(name)'", suggestion: suggestion)
    }
}
