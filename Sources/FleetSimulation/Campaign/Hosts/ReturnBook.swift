import DequeModule
import FleetModel

/// Returning instances to their hosts after maintenance (`return_instances`, LXD's
/// `lxc cluster restore`): each instance's home, who left each host, the returns waiting for
/// a slot, and each instance's failed returns. Written only by the files of `Campaign/Hosts/`
/// (CampaignOwnershipTests); other subsystems report through the methods below.
struct ReturnBook {
    /// The host an instance returns to (set when its host's drain plans it).
    var home: [HostID?]
    /// Per host: its instances moved away during the campaign.
    var awayFrom: [[InstanceID]]
    var queue: Deque<InstanceID> = []
    /// Failed attempts to move each instance back home.
    var failures: [Int]

    init(instanceCount: Int, hostCount: Int) {
        home = Array(repeating: nil, count: instanceCount)
        awayFrom = Array(repeating: [], count: hostCount)
        failures = Array(repeating: 0, count: instanceCount)
    }

    /// An outbound move of `i` off `source` completed: if `source` is its home, it returns
    /// there when the host is back.
    mutating func movedAway(_ i: InstanceID, from source: HostID) {
        if let h = home[i.int], h == source { awayFrom[h.int].append(i) }
    }

    /// A return attempt failed: count it; returns the failures so far.
    mutating func returnFailed(_ i: InstanceID) -> Int {
        failures[i.int] += 1
        return failures[i.int]
    }

    /// Try the return again first when a slot frees up.
    mutating func retryFirst(_ i: InstanceID) { queue.prepend(i) }
}
