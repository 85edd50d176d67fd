import FleetModel

/// How the campaign's hosts enter maintenance: waves (`campaign.order`) and the number of
/// hosts in maintenance at once.
enum CampaignWaves {
    /// The campaign's hosts grouped into waves, and how many may be in maintenance at once.
    static func waves(of hosts: [HostID], fleet: Fleet, campaign: CampaignConfig) -> ([[HostID]], Int) {
        func grouped(by key: (Host) -> String) -> [[HostID]] {
            var order: [String] = []
            var groups: [String: [HostID]] = [:]
            for h in hosts {
                let k = key(fleet[h])
                if groups[k] == nil { order.append(k) }
                groups[k, default: []].append(h)
            }
            return order.map { groups[$0]! }
        }
        switch campaign.order {
        case .list: return ([hosts], campaign.maxHostsInMaintenance)
        case .byFaultDomain:
            return (grouped { $0.location.availabilityDomain + "/" + $0.location.faultDomain }, campaign.maxHostsInMaintenance)
        case .byRack:
            return (grouped { $0.location.faultDomain + "/" + $0.location.rack }, campaign.maxHostsInMaintenance)
        case .rolling(let fraction):
            return ([hosts], max(1, Int((fraction * Double(hosts.count)).rounded(.up))))
        }
    }
}
