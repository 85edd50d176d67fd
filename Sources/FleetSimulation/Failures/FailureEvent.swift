import FleetModel
import SimKernel

/// Why something failed. Hosts of one rack power loss share one cause (equal values), so the
/// report can group them; two occurrences of the same process never do.
public struct FailureCause: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// A host failure of its own (scheduled or random).
        case host
        /// A rack's power loss.
        case rackPower = "rack_power"
        /// A rack's top-of-rack switch failure.
        case rackToR = "rack_tor"
        /// A link fault (scheduled or random).
        case link
    }

    public var kind: Kind
    /// Where it comes from: a scheduled entry's key path (`failures.hosts.scheduled[2]`), or
    /// `random:<entity>#<n>` for the n-th (from 0) event of an entity's random process.
    public var origin: String

    public init(kind: Kind, origin: String) {
        self.kind = kind
        self.origin = origin
    }

    public var isScheduled: Bool { !origin.hasPrefix("random:") }

    public var description: String { "\(kind.rawValue) (\(origin))" }
}

/// One thing that happens to the fleet's hardware, at a time, whatever the policy does.
///
/// Host events alternate per host (failed, repaired, failed, ...): overlapping outages of one
/// host (its own failure during a rack power loss) are merged into one, caused by the one
/// that started first. Link events carry the link's effective remaining fraction: the lowest
/// of the faults active on it (a cut hides a degradation), 1 when `linkRestored`.
public enum FailureEvent: Sendable, Equatable, CustomStringConvertible {
    /// `host` stops: its guests crash (unplanned), it accepts nothing until repaired.
    case hostFailed(host: HostID, cause: FailureCause, at: SimTime)
    case hostRepaired(host: HostID, at: SimTime)
    /// A rack (index into `NetworkTopology.rackNames`) loses power; `hostFailed` events with
    /// the same cause and time follow for each of its hosts that is not already down.
    case rackPowerLost(rack: Int, cause: FailureCause, at: SimTime)
    case rackPowerRestored(rack: Int, at: SimTime)
    /// `link`'s capacity becomes `remainingFraction` of its nominal capacity (0: cut).
    case linkDegraded(link: LinkID, remainingFraction: Double, cause: FailureCause, at: SimTime)
    /// `link` is back to its nominal capacity.
    case linkRestored(link: LinkID, at: SimTime)

    public var time: SimTime {
        switch self {
        case .hostFailed(_, _, let t), .hostRepaired(_, let t), .rackPowerLost(_, _, let t),
             .rackPowerRestored(_, let t), .linkDegraded(_, _, _, let t), .linkRestored(_, let t):
            return t
        }
    }

    /// Order of events at the same time: restorations first (a link that comes back at the
    /// instant another goes down frees its flows first), then degradations, then failures,
    /// a rack's power loss before the failures of its hosts.
    var rank: Int {
        switch self {
        case .rackPowerRestored: return 0
        case .hostRepaired: return 1
        case .linkRestored: return 2
        case .linkDegraded: return 3
        case .rackPowerLost: return 4
        case .hostFailed: return 5
        }
    }

    /// The host, rack or link index, the last tie-breaker.
    var entityIndex: Int {
        switch self {
        case .hostFailed(let h, _, _), .hostRepaired(let h, _): return h.int
        case .rackPowerLost(let r, _, _), .rackPowerRestored(let r, _): return r
        case .linkDegraded(let l, _, _, _), .linkRestored(let l, _): return l.index
        }
    }

    public var description: String {
        switch self {
        case let .hostFailed(h, cause, t): return "\(t) \(h) failed: \(cause)"
        case let .hostRepaired(h, t): return "\(t) \(h) repaired"
        case let .rackPowerLost(r, cause, t): return "\(t) rack#\(r) power lost: \(cause)"
        case let .rackPowerRestored(r, t): return "\(t) rack#\(r) power restored"
        case let .linkDegraded(l, f, cause, t): return "\(t) \(l) at \(f): \(cause)"
        case let .linkRestored(l, t): return "\(t) \(l) restored"
        }
    }
}

/// One merged outage of a host: down from `start` until `end` (nil: not repaired before the
/// horizon).
public struct HostOutage: Sendable, Equatable {
    public var host: HostID
    public var start: SimTime
    public var end: SimTime?
    public var cause: FailureCause
}
