import FleetModel
import SimKernel

/// Host scheduling's state: which hosts are in the campaign, the waves, how many hosts are in
/// maintenance, each host's state, and when the campaign ended. Written only by the files of
/// `Campaign/Hosts/` (CampaignOwnershipTests).
struct HostSchedule {
    /// A campaign host goes in service -> draining -> down (maintenance) -> returned.
    enum State { case inService, draining, down, returned }

    var state: [State]
    /// Hosts not in the campaign stay `inService` throughout.
    let inCampaign: [Bool]
    let waves: [[HostID]]
    /// At most this many hosts draining or down for maintenance at once.
    let maxHostsAtOnce: Int
    let campaignHostCount: Int
    var waveIndex = 0
    var nextInWave = 0
    var returnedInWave = 0
    var hostsInMaintenance = 0
    var hostsReturned = 0
    var campaignEnd: SimTime?

    init(fleet: Fleet, campaignHosts: [HostID], campaign: CampaignConfig) {
        var upcoming = Array(repeating: false, count: fleet.hosts.count)
        for h in campaignHosts { upcoming[h.int] = true }
        inCampaign = upcoming
        state = Array(repeating: .inService, count: fleet.hosts.count)
        campaignHostCount = campaignHosts.count
        (waves, maxHostsAtOnce) = CampaignWaves.waves(of: campaignHosts, fleet: fleet, campaign: campaign)
    }
}
