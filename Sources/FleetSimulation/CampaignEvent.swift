import FleetModel

/// The kernel's payload for a campaign run: a small enum, so the queue stores values and the
/// handler switches on them without boxing.
enum CampaignEvent {
    case start
    /// A phase of a reboot, manual or cold move ended (stop, middle, start).
    case phaseDone(InstanceID)
    /// The live migration of this instance reached its controller's next decision point.
    case liveStep(InstanceID)
    /// The cold move's root-disk copy reached its end at the current rate.
    case transferDone(InstanceID)
    /// A notified reboot or manual migration is due to start.
    case stepDue(InstanceID)
    /// A manual migration's deadline passed without the customer acting.
    case manualDeadline(InstanceID)
    case hostReturn(HostID)
    case linkSample
}
