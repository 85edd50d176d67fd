import FleetModel

/// The kernel's payload for a campaign run: a small enum, so the queue stores values and the
/// handler switches on them without boxing.
enum CampaignEvent {
    case start
    /// A stage of an offline move (reboot, manual, cold, restart) ended: stop, middle, start. The
    /// epoch names the move, so an event of a move that ended early is ignored.
    case stageDone(InstanceID, epoch: UInt32)
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
    /// The failure plan's event at this index.
    case failure(Int32)
    /// A live migration's flow has had no bandwidth for the stall timeout.
    case linkStall(InstanceID, epoch: UInt32)
    /// Re-rate the flows every network operation of this instant touched, once
    /// (`BandwidthAllocator.flushRerating`), and hand the new rates to their moves.
    case rerate
    /// The target could not set up the migration (device attach timeout).
    case setupFailed(InstanceID, epoch: UInt32)
}
