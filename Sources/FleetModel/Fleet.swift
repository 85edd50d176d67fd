/// The static description of a fleet: its hosts and instances, as built from a scenario.
/// What changes during a run (who is where, what is reserved) lives in `Occupancy`.
public struct Fleet: Sendable {
    public let hosts: [Host]
    public let instances: [Instance]
    /// Anti-affinity group names; `Instance.antiAffinityGroup` indexes this.
    public let antiAffinityGroups: [String]

    public init(hosts: [Host], instances: [Instance], antiAffinityGroups: [String] = []) {
        precondition(hosts.enumerated().allSatisfy { $0.offset == $0.element.id.int }, "host ids must be dense")
        precondition(instances.enumerated().allSatisfy { $0.offset == $0.element.id.int }, "instance ids must be dense")
        self.hosts = hosts
        self.instances = instances
        self.antiAffinityGroups = antiAffinityGroups
    }

    @inlinable public subscript(_ id: HostID) -> Host { hosts[id.int] }
    @inlinable public subscript(_ id: InstanceID) -> Instance { instances[id.int] }

    /// Host ids by name, built on demand (scenario loading, not the hot path).
    public func hostIndexByName() -> [String: HostID] {
        Dictionary(uniqueKeysWithValues: hosts.map { ($0.name, $0.id) })
    }
}
