import SimKernel
import FleetModel
import FleetSimulation
import Stochastics

/// `fleet:` — hosts and instances, explicit or generated.
enum FleetSection {
    /// `fleet.network:` — NIC-to-rack-to-spine capacities.
    static func network(_ m: MappingReader) -> NetworkLayout? {
        typealias K = ScenarioKnobs.Network
        let over = m.value(K.oversubscription)
        let uplink = m.optional(K.rackUplink)
        let spine = m.optional(K.spine)
        let client = m.value(K.client)
        let nicLatency = m.value(K.nicLatency).seconds
        return NetworkLayout(oversubscription: over, rackUplinkBytesPerSecond: uplink, spineBytesPerSecond: spine,
                             clientBytesPerSecond: client, nicLatencySeconds: nicLatency)
    }

    static func read(_ m: MappingReader) -> FleetSpec? {
        let region = m.value(ScenarioKnobs.Fleet.region)
        typealias K = ScenarioKnobs.Fleet
        let hostGroups = m.sequence(K.hostGroups.key, required: false) { $0.mapping(hostGroup) } ?? []
        let hosts = m.sequence(K.hosts.key, required: false) { $0.mapping(host) } ?? []
        let instanceGroups = m.sequence(K.instanceGroups.key, required: false) { $0.mapping(instanceGroup) } ?? []
        let instances = m.sequence(K.instances.key, required: false) { $0.mapping(instance) } ?? []
        if !m.contains(K.hostGroups.key) && !m.contains(K.hosts.key) {
            m.reader.report(.missingKey, at: m.cursor.node, path: m.path, expected: "'host_groups' or 'hosts'",
                            found: "a fleet without hosts")
            return nil
        }
        return FleetSpec(region: region, hostGroups: hostGroups, hosts: hosts, instanceGroups: instanceGroups,
                         instances: instances)
    }

    static func hostGroup(_ m: MappingReader) -> HostGroupSpec? {
        typealias K = ScenarioKnobs.HostGroup
        let name = m.required(K.name)
        let count = m.required(K.count)
        let family = m.required(K.shapeFamily)
        let ocpus = m.required(K.ocpus)
        let memory = m.required(K.memory)
        let nic = m.value(K.nic)
        let ad = m.value(K.availabilityDomain)
        let fds = m.value(K.faultDomains)
        let perRack = m.value(K.hostsPerRack)
        if fds.isEmpty, let node = m.node(K.faultDomains.key) {
            node.report(.invalidValue, expected: "at least one fault domain", found: "an empty sequence")
        }
        guard let name, let count, let family, let ocpus, let memory, !fds.isEmpty else { return nil }
        return HostGroupSpec(name: name, count: count, shapeFamily: family, ocpus: ocpus, memoryBytes: memory,
                             nicBytesPerSecond: nic, availabilityDomain: ad, faultDomains: fds, hostsPerRack: perRack)
    }

    static func host(_ m: MappingReader) -> HostSpec? {
        typealias K = ScenarioKnobs.Host
        let name = m.required(K.name)
        let family = m.required(K.shapeFamily)
        let ocpus = m.required(K.ocpus)
        let memory = m.required(K.memory)
        let nic = m.value(K.nic)
        let ad = m.value(K.availabilityDomain)
        let fd = m.value(K.faultDomain)
        let rack = m.value(K.rack)
        guard let name, let family, let ocpus, let memory else { return nil }
        return HostSpec(name: name, shapeFamily: family, ocpus: ocpus, memoryBytes: memory, nicBytesPerSecond: nic,
                        availabilityDomain: ad, faultDomain: fd, rack: rack)
    }

    static func instanceGroup(_ m: MappingReader) -> InstanceGroupSpec? {
        typealias K = ScenarioKnobs.InstanceGroup
        let name = m.required(K.name)
        let count = m.required(K.count)
        let shape = m.required(K.shape)
        let hostFamily = m.optional(K.hostFamily)
        let ocpus = m.distribution(K.ocpus)
        let memory = m.distribution(K.memory)
        let placement = m.value(K.placement)
        let hostGroups = m.value(K.hostGroups)
        let guest = m.mapping(K.guest.key, required: false) { guestGroup($0) } ?? GuestSpec()
        let attributes = m.mapping(K.attributes.key, required: false) { InstanceAttributesSection.read($0) }
            ?? InstanceAttributes()
        let aaSize = m.value(K.antiAffinityGroupSize)
        guard let name, let count, let shape, let ocpus, let memory else { return nil }
        return InstanceGroupSpec(name: name, count: count, shape: shape, hostFamily: hostFamily, ocpus: ocpus,
                                 memoryBytes: memory, placement: placement, hostGroups: hostGroups,
                                 attributes: attributes, guest: guest, antiAffinityGroupSize: aaSize)
    }

    /// `guest:` of a generated group: dirty rates as distributions, drawn per instance.
    static func guestGroup(_ m: MappingReader) -> GuestSpec? {
        typealias K = ScenarioKnobs.Guest
        let dirty = m.distribution(K.dirty)
        let hotFraction = m.value(K.hotFraction)
        let hotDirty = m.distribution(K.hotDirty)
        let zero = m.value(K.zeroPages)
        let sequential = writeDistribution(m)
        guard let dirty, let hotDirty else { return nil }
        var spec = GuestSpec(dirtyBytesPerSecond: dirty, hotFraction: hotFraction, hotDirtyBytesPerSecond: hotDirty,
                             zeroPageFraction: zero)
        spec.sequentialWrites = sequential
        return spec
    }

    /// `guest:` of one instance: the keys of a group's guest, with plain rates.
    static func guestInstance(_ m: MappingReader) -> GuestDirtying? {
        typealias K = ScenarioKnobs.Guest
        let dirty = m.optional(K.dirty.key, .bytesPerSecond, default: 0)
        let hotFraction = m.value(K.hotFraction)
        let hotDirty = m.optional(K.hotDirty.key, .bytesPerSecond, default: 0)
        let zero = m.value(K.zeroPages)
        return GuestDirtying(dirtyBytesPerSecond: dirty, hotFraction: hotFraction, hotDirtyBytesPerSecond: hotDirty,
                             zeroPageFraction: zero, sequentialWrites: writeDistribution(m))
    }

    /// `distribution: uniform | sequential` (default uniform, as `fleetsim migrate
    /// --dirty-distribution`): true for sequential.
    static func writeDistribution(_ m: MappingReader) -> Bool {
        m.value(ScenarioKnobs.Guest.distribution) == "sequential"
    }

    static func instance(_ m: MappingReader) -> InstanceSpec? {
        typealias K = ScenarioKnobs.Instance
        let name = m.required(K.name)
        let shape = m.required(K.shape)
        let ocpus = m.required(K.ocpus)
        let memory = m.required(K.memory)
        let host = m.required(K.host)
        let guest = m.mapping(K.guest.key, required: false) { guestInstance($0) } ?? GuestDirtying()
        let attributes = m.mapping(K.attributes.key, required: false) { InstanceAttributesSection.read($0) }
            ?? InstanceAttributes()
        let aa = m.optional(K.antiAffinityGroup)
        guard let name, let shape, let ocpus, let memory, let host else { return nil }
        return InstanceSpec(name: name, shape: shape, ocpus: ocpus, memoryBytes: memory, host: host,
                            attributes: attributes, guest: guest, antiAffinityGroup: aa)
    }
}
