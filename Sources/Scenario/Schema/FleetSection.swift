import SimKernel
import FleetModel
import FleetSimulation
import Stochastics

/// `fleet:` — hosts and instances, explicit or generated.
enum FleetSection {
    /// OCI regions have three fault domains per availability domain.
    static let ociFaultDomains = ["FAULT-DOMAIN-1", "FAULT-DOMAIN-2", "FAULT-DOMAIN-3"]
    /// A common data-centre host NIC rate; a default only, scenarios should say theirs.
    static let defaultNicBytesPerSecond = 25e9 / 8

    /// `fleet.network:` — NIC-to-rack-to-spine capacities.
    static func network(_ m: MappingReader) -> NetworkLayout? {
        let defaults = NetworkLayout()
        let over = m.optional("oversubscription", .quantity(.real, range: .atLeast(1)), default: defaults.oversubscription)
        let uplink = m.optional("rack_uplink", .quantity(.bytesPerSecond, range: .positive))
        let spine = m.optional("spine", .quantity(.bytesPerSecond, range: .positive))
        let client = m.optional("client", .quantity(.bytesPerSecond, range: .positive), default: defaults.clientBytesPerSecond)
        let nicLatency = m.optional("nic_latency", .duration(range: .atLeast(.zero)), default: SimTime.zero).seconds
        return NetworkLayout(oversubscription: over, rackUplinkBytesPerSecond: uplink, spineBytesPerSecond: spine,
                             clientBytesPerSecond: client, nicLatencySeconds: nicLatency)
    }

    static func read(_ m: MappingReader) -> FleetSpec? {
        let region = m.optional("region", .string, default: "region-1")
        let hostGroups = m.sequence("host_groups", required: false) { $0.mapping(hostGroup) } ?? []
        let hosts = m.sequence("hosts", required: false) { $0.mapping(host) } ?? []
        let instanceGroups = m.sequence("instance_groups", required: false) { $0.mapping(instanceGroup) } ?? []
        let instances = m.sequence("instances", required: false) { $0.mapping(instance) } ?? []
        if !m.contains("host_groups") && !m.contains("hosts") {
            m.reader.report(.missingKey, at: m.cursor.node, path: m.path, expected: "'host_groups' or 'hosts'",
                            found: "a fleet without hosts")
            return nil
        }
        return FleetSpec(region: region, hostGroups: hostGroups, hosts: hosts, instanceGroups: instanceGroups,
                         instances: instances)
    }

    static func hostGroup(_ m: MappingReader) -> HostGroupSpec? {
        let name = m.required("name", .string)
        let count = m.required("count", .count(range: .atLeast(1)))
        let family = m.required("shape_family", .string)
        let ocpus = m.required("ocpus", as: .real, range: .positive)
        let memory = m.required("memory", .bytes(range: .positive))
        let nic = m.optional("nic", .quantity(.bytesPerSecond, range: .positive), default: defaultNicBytesPerSecond)
        let ad = m.optional("availability_domain", .string, default: "AD-1")
        let fds = m.optional("fault_domains", .sequence(of: .string), default: ociFaultDomains)
        let perRack = m.optional("hosts_per_rack", .count(range: .atLeast(1)), default: 32)
        if fds.isEmpty, let node = m.node("fault_domains") {
            node.report(.invalidValue, expected: "at least one fault domain", found: "an empty sequence")
        }
        guard let name, let count, let family, let ocpus, let memory, !fds.isEmpty else { return nil }
        return HostGroupSpec(name: name, count: count, shapeFamily: family, ocpus: ocpus, memoryBytes: memory,
                             nicBytesPerSecond: nic, availabilityDomain: ad, faultDomains: fds, hostsPerRack: perRack)
    }

    static func host(_ m: MappingReader) -> HostSpec? {
        let name = m.required("name", .string)
        let family = m.required("shape_family", .string)
        let ocpus = m.required("ocpus", as: .real, range: .positive)
        let memory = m.required("memory", .bytes(range: .positive))
        let nic = m.optional("nic", .quantity(.bytesPerSecond, range: .positive), default: defaultNicBytesPerSecond)
        let ad = m.optional("availability_domain", .string, default: "AD-1")
        let fd = m.optional("fault_domain", .string, default: ociFaultDomains[0])
        let rack = m.optional("rack", .string, default: "rack-1")
        guard let name, let family, let ocpus, let memory else { return nil }
        return HostSpec(name: name, shapeFamily: family, ocpus: ocpus, memoryBytes: memory, nicBytesPerSecond: nic,
                        availabilityDomain: ad, faultDomain: fd, rack: rack)
    }

    static func instanceGroup(_ m: MappingReader) -> InstanceGroupSpec? {
        let name = m.required("name", .string)
        let count = m.required("count", .count)
        let shape = m.required("shape", .string)
        let hostFamily = m.optional("host_family", .string)
        let ocpus = m.distribution("ocpus", .real, range: .positive)
        let memory = m.distribution("memory", .bytes, range: .positive)
        let placement = m.optional("placement", .enumeration(InitialPlacement.self, noun: "placement"), default: .spread)
        let hostGroups = m.optional("host_groups", .sequence(of: .string), default: [])
        let guest = m.mapping("guest", required: false) { guestGroup($0) } ?? GuestSpec()
        let attributes = m.mapping("attributes", required: false) { InstanceAttributesSection.read($0) }
            ?? InstanceAttributes()
        let aaSize = m.optional("anti_affinity_group_size", .count, default: 0)
        guard let name, let count, let shape, let ocpus, let memory else { return nil }
        return InstanceGroupSpec(name: name, count: count, shape: shape, hostFamily: hostFamily, ocpus: ocpus,
                                 memoryBytes: memory, placement: placement, hostGroups: hostGroups,
                                 attributes: attributes, guest: guest, antiAffinityGroupSize: aaSize)
    }

    /// `guest:` of a generated group: dirty rates as distributions, drawn per instance.
    static func guestGroup(_ m: MappingReader) -> GuestSpec? {
        let dirty = m.distribution("dirty", .bytesPerSecond, default: .constant(0))
        let hotFraction = m.optional("hot_fraction", .fraction, default: 0)
        let hotDirty = m.distribution("hot_dirty", .bytesPerSecond, default: .constant(0))
        let zero = m.optional("zero_pages", .fraction, default: 0)
        let sequential = writeDistribution(m)
        guard let dirty, let hotDirty else { return nil }
        var spec = GuestSpec(dirtyBytesPerSecond: dirty, hotFraction: hotFraction, hotDirtyBytesPerSecond: hotDirty,
                             zeroPageFraction: zero)
        spec.sequentialWrites = sequential
        return spec
    }

    /// `guest:` of one instance: plain rates.
    static func guestInstance(_ m: MappingReader) -> GuestDirtying? {
        let dirty = m.optional("dirty", .bytesPerSecond, default: 0)
        let hotFraction = m.optional("hot_fraction", .fraction, default: 0)
        let hotDirty = m.optional("hot_dirty", .bytesPerSecond, default: 0)
        let zero = m.optional("zero_pages", .fraction, default: 0)
        return GuestDirtying(dirtyBytesPerSecond: dirty, hotFraction: hotFraction, hotDirtyBytesPerSecond: hotDirty,
                             zeroPageFraction: zero, sequentialWrites: writeDistribution(m))
    }

    /// `distribution: uniform | sequential` (default uniform, as `fleetsim migrate
    /// --dirty-distribution`): true for sequential.
    static func writeDistribution(_ m: MappingReader) -> Bool {
        m.optional("distribution", .oneOf(["uniform", "sequential"], noun: "write distribution"), default: "uniform") == "sequential"
    }

    static func instance(_ m: MappingReader) -> InstanceSpec? {
        let name = m.required("name", .string)
        let shape = m.required("shape", .string)
        let ocpus = m.required("ocpus", as: .real, range: .positive)
        let memory = m.required("memory", .bytes(range: .positive))
        let host = m.required("host", .string)
        let guest = m.mapping("guest", required: false) { guestInstance($0) } ?? GuestDirtying()
        let attributes = m.mapping("attributes", required: false) { InstanceAttributesSection.read($0) }
            ?? InstanceAttributes()
        let aa = m.optional("anti_affinity_group", .string)
        guard let name, let shape, let ocpus, let memory, let host else { return nil }
        return InstanceSpec(name: name, shape: shape, ocpus: ocpus, memoryBytes: memory, host: host,
                            attributes: attributes, guest: guest, antiAffinityGroup: aa)
    }
}
