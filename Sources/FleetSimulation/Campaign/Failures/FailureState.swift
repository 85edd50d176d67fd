import FleetModel

/// Failure response's state: the replication's failure plan, which hosts are down, and which
/// instances had an unplanned outage or lost their running state in post-copy (their final
/// state says so). Written only by the files of `Campaign/Failures/` (CampaignOwnershipTests).
struct FailureState {
    let plan: FailurePlan
    var hostDown: [Bool]
    var crashed: [Bool]
    var lostInPostcopy: [Bool]

    init(plan: FailurePlan, hostCount: Int, instanceCount: Int) {
        self.plan = plan
        hostDown = Array(repeating: false, count: hostCount)
        crashed = Array(repeating: false, count: instanceCount)
        lostInPostcopy = Array(repeating: false, count: instanceCount)
    }
}
