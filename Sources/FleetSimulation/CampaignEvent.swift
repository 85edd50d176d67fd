import FleetModel

/// The kernel's payload for a campaign run: a small enum, so the queue stores values and the
/// handler switches on them without boxing.
enum CampaignEvent {
    case start
    case stopDone(InstanceID)
    case reassignDone(InstanceID)
    case bootDone(InstanceID)
    case hostReturn(HostID)
}
