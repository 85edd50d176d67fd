import FleetModel

/// The running count of migrations against `ConcurrencyLimits`: per host outbound and inbound,
/// and fleet-wide. A migration holds one slot at its source and one at its target from
/// `tryAcquire` until `release`; counts never go negative.
public struct MigrationSlots: Sendable {
    /// Which limit stopped a migration from starting.
    public enum Blocker: Equatable, Sendable {
        case global
        case outbound(HostID)
        case inbound(HostID)
        case host(HostID)
    }

    public let limits: ConcurrencyLimits
    public private(set) var outbound: [Int]
    public private(set) var inbound: [Int]
    public private(set) var active = 0

    public init(limits: ConcurrencyLimits, hostCount: Int) {
        self.limits = limits
        outbound = Array(repeating: 0, count: hostCount)
        inbound = Array(repeating: 0, count: hostCount)
    }

    /// The fleet-wide limit is reached: no migration may start anywhere.
    public var atGlobalLimit: Bool {
        if let g = limits.global { return active >= g }
        return false
    }

    /// `host` has as many migrations leaving it as the outbound limit allows.
    public func atOutboundLimit(_ host: HostID) -> Bool {
        if let o = limits.outboundPerHost { return outbound[host.int] >= o }
        return false
    }

    /// Migrations touching `host`, leaving or arriving.
    public func migrations(on host: HostID) -> Int { outbound[host.int] + inbound[host.int] }

    /// The first limit a migration from `source` to `target` would exceed, or nil if it may start.
    public func blocker(source: HostID, target: HostID, sourceNICBytesPerSecond: Double,
                        targetNICBytesPerSecond: Double) -> Blocker? {
        precondition(source != target, "a migration needs two hosts")
        if atGlobalLimit { return .global }
        if atOutboundLimit(source) { return .outbound(source) }
        if let i = limits.inboundPerHost, inbound[target.int] >= i { return .inbound(target) }
        if let h = limits.hostLimit(nicBytesPerSecond: sourceNICBytesPerSecond), migrations(on: source) >= h {
            return .host(source)
        }
        if let h = limits.hostLimit(nicBytesPerSecond: targetNICBytesPerSecond), migrations(on: target) >= h {
            return .host(target)
        }
        return nil
    }

    /// Take the slots for a migration from `source` to `target` if every limit allows it.
    public mutating func tryAcquire(source: HostID, target: HostID, sourceNICBytesPerSecond: Double,
                                    targetNICBytesPerSecond: Double) -> Bool {
        guard blocker(source: source, target: target, sourceNICBytesPerSecond: sourceNICBytesPerSecond,
                      targetNICBytesPerSecond: targetNICBytesPerSecond) == nil else { return false }
        outbound[source.int] += 1
        inbound[target.int] += 1
        active += 1
        return true
    }

    /// Same, reading both NIC speeds from `fleet`.
    public mutating func tryAcquire(source: HostID, target: HostID, fleet: Fleet) -> Bool {
        tryAcquire(source: source, target: target, sourceNICBytesPerSecond: fleet[source].nicBytesPerSecond,
                   targetNICBytesPerSecond: fleet[target].nicBytesPerSecond)
    }

    /// Give back the slots of a finished (or abandoned) migration from `source` to `target`.
    public mutating func release(source: HostID, target: HostID) {
        precondition(outbound[source.int] > 0, "releasing an outbound slot \(source) does not hold")
        precondition(inbound[target.int] > 0, "releasing an inbound slot \(target) does not hold")
        precondition(active > 0)
        outbound[source.int] -= 1
        inbound[target.int] -= 1
        active -= 1
    }
}
