/// Who is where, and what each host has committed, during a run.
///
/// The invariant this type protects: a host's committed resources (instances resident plus
/// reservations for instances on their way in) never exceed its capacity. A move reserves at
/// the target first and releases the source only when the instance has left it, so an
/// instance in flight is counted on both hosts and capacity holds at every instant.
public struct Occupancy: Sendable {
    public enum Violation: Error, Equatable, CustomStringConvertible {
        case overCapacity(host: HostID, committed: Resources, capacity: Resources)
        case notOnHost(instance: InstanceID, expected: HostID, actual: HostID?)
        case alreadyReserved(instance: InstanceID)
        case noReservation(instance: InstanceID)

        public var description: String {
            switch self {
            case let .overCapacity(h, c, cap): return "\(h) would hold \(c), above its capacity \(cap)"
            case let .notOnHost(i, e, a): return "\(i) expected on \(e), found on \(a.map(\.description) ?? "no host")"
            case let .alreadyReserved(i): return "\(i) already has a reservation"
            case let .noReservation(i): return "\(i) has no reservation to commit or cancel"
            }
        }
    }

    /// Current host of each instance (nil: not placed anywhere, e.g. terminated).
    public private(set) var hostOf: [HostID?]
    /// Target reserved for each instance in flight.
    public private(set) var reservedOn: [HostID?]
    /// Committed resources per host: residents plus incoming reservations.
    public private(set) var committed: [Resources]
    /// Instances resident per host (not counting reservations).
    public private(set) var residentCount: [Int]
    /// A host in maintenance (or failed) accepts no new instances.
    public private(set) var accepting: [Bool]
    private let capacity: [Resources]

    /// Place every instance on its initial host. Throws if the initial placement overfills a host.
    public init(fleet: Fleet) throws(Violation) {
        capacity = fleet.hosts.map(\.capacity)
        hostOf = fleet.instances.map { $0.initialHost }
        reservedOn = Array(repeating: nil, count: fleet.instances.count)
        committed = Array(repeating: .zero, count: fleet.hosts.count)
        residentCount = Array(repeating: 0, count: fleet.hosts.count)
        accepting = Array(repeating: true, count: fleet.hosts.count)
        for instance in fleet.instances {
            let h = instance.initialHost.int
            committed[h] += instance.demand
            residentCount[h] += 1
            if !committed[h].fits(in: capacity[h]) {
                throw .overCapacity(host: instance.initialHost, committed: committed[h], capacity: capacity[h])
            }
        }
    }

    /// Whether `demand` fits on `host` now, and the host accepts instances.
    public func canHost(_ demand: Resources, on host: HostID) -> Bool {
        accepting[host.int] && (committed[host.int] + demand).fits(in: capacity[host.int])
    }

    public mutating func setAccepting(_ host: HostID, _ value: Bool) { accepting[host.int] = value }

    /// Reserve `demand` for `instance` on `target`.
    public mutating func reserve(_ instance: InstanceID, demand: Resources, on target: HostID) throws(Violation) {
        guard reservedOn[instance.int] == nil else { throw .alreadyReserved(instance: instance) }
        let after = committed[target.int] + demand
        guard after.fits(in: capacity[target.int]) else {
            throw .overCapacity(host: target, committed: after, capacity: capacity[target.int])
        }
        committed[target.int] = after
        reservedOn[instance.int] = target
    }

    /// Give up a reservation (the move failed or was cancelled).
    public mutating func cancelReservation(_ instance: InstanceID, demand: Resources) throws(Violation) {
        guard let target = reservedOn[instance.int] else { throw .noReservation(instance: instance) }
        committed[target.int] -= demand
        reservedOn[instance.int] = nil
    }

    /// The instance is now on its reserved target: release the source.
    public mutating func commitMove(_ instance: InstanceID, demand: Resources, from source: HostID) throws(Violation) {
        guard let target = reservedOn[instance.int] else { throw .noReservation(instance: instance) }
        guard hostOf[instance.int] == source else {
            throw .notOnHost(instance: instance, expected: source, actual: hostOf[instance.int])
        }
        committed[source.int] -= demand
        residentCount[source.int] -= 1
        residentCount[target.int] += 1
        hostOf[instance.int] = target
        reservedOn[instance.int] = nil
    }
}
