import FleetModel

/// The kernel's payload for a campaign run: a small enum, so the queue stores values and the
/// handler switches on them without boxing.
enum CampaignEvent {
    case start
    case rebootStopDone(InstanceID)
    case rebootReassignDone(InstanceID)
    case rebootBootDone(InstanceID)
    /// The live migration of this instance reached its controller's next decision point.
    case liveStep(InstanceID)
    case hostReturn(HostID)
    case linkSample
}
