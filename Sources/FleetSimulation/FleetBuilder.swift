import FleetModel
import Stochastics

/// A fleet description that cannot be built; `keyPath` points into the scenario.
public struct FleetBuildError: Error, Equatable, CustomStringConvertible {
    public let keyPath: String
    public let message: String
    public init(keyPath: String, message: String) { self.keyPath = keyPath; self.message = message }
    public var description: String { "\(keyPath): \(message)" }
}

/// Turns a `FleetSpec` into a concrete `Fleet`.
///
/// Generated attributes come from one stream per instance, named after the instance, so
/// adding an instance (or a whole group after this one) never changes another's draws. The
/// fleet depends on the scenario seed only, not on the replication: replications vary what
/// happens to a fleet, not the fleet.
public enum FleetBuilder {
    public static func build(_ spec: FleetSpec, seed: UInt64, generator: GeneratorKind = .mt19937) throws(FleetBuildError) -> Fleet {
        // Host and instance IDs follow this order: generated hosts, listed hosts, listed
        // instances, generated instances.
        var draft = FleetDraft()
        draft.reserve(hosts: spec.hostGroups.reduce(spec.hosts.count) { $0 + max(0, $1.count) },
                      instances: spec.instanceGroups.reduce(spec.instances.count) { $0 + max(0, $1.count) })
        try addHostGroups(of: spec, to: &draft)
        try addListedHosts(of: spec, to: &draft)
        try addListedInstances(of: spec, to: &draft)
        for (g, group) in spec.instanceGroups.enumerated() {
            try addInstanceGroup(group, keyPath: "fleet.instance_groups[\(g)]", of: spec,
                                 seed: seed, generator: generator, to: &draft)
        }
        return draft.fleet
    }

    /// Every generated host: `<group>-0007` on rack `<group>-rack-01`, racks filled in
    /// order and dealt round-robin over the group's fault domains.
    static func addHostGroups(of spec: FleetSpec, to draft: inout FleetDraft) throws(FleetBuildError) {
        for (g, group) in spec.hostGroups.enumerated() {
            let width = max(4, String(group.count - 1).count)
            let racks = (group.count + group.hostsPerRack - 1) / group.hostsPerRack
            let rackWidth = max(2, String(racks - 1).count)
            for i in 0..<group.count {
                let rack = i / group.hostsPerRack
                let fd = group.faultDomains[rack % group.faultDomains.count]
                let location = Location(region: spec.region, availabilityDomain: group.availabilityDomain,
                                        faultDomain: fd, rack: "\(group.name)-rack-\(pad(rack, rackWidth))")
                try draft.addHost(name: "\(group.name)-\(pad(i, width))", family: group.shapeFamily, ocpus: group.ocpus,
                                  memory: group.memoryBytes, nic: group.nicBytesPerSecond, location: location,
                                  group: group.name, keyPath: "fleet.host_groups[\(g)]")
            }
        }
    }

    /// The hosts the scenario lists one by one; they belong to no host group.
    static func addListedHosts(of spec: FleetSpec, to draft: inout FleetDraft) throws(FleetBuildError) {
        for (i, h) in spec.hosts.enumerated() {
            let location = Location(region: spec.region, availabilityDomain: h.availabilityDomain,
                                    faultDomain: h.faultDomain, rack: h.rack)
            try draft.addHost(name: h.name, family: h.shapeFamily, ocpus: h.ocpus, memory: h.memoryBytes,
                              nic: h.nicBytesPerSecond, location: location, group: "", keyPath: "fleet.hosts[\(i)].name")
        }
    }

    /// The instances the scenario lists one by one, on the host it names: checked for room
    /// and anti-affinity, never moved.
    static func addListedInstances(of spec: FleetSpec, to draft: inout FleetDraft) throws(FleetBuildError) {
        let hostByName = Dictionary(uniqueKeysWithValues: draft.hosts.map { ($0.name, $0.id) })
        for (i, listed) in spec.instances.enumerated() {
            let keyPath = "fleet.instances[\(i)]"
            try draft.claimInstanceName(listed.name, keyPath: keyPath + ".name")
            guard let host = hostByName[listed.host] else {
                throw FleetBuildError(keyPath: keyPath + ".host", message: "no host named '\(listed.host)'")
            }
            let demand = Resources(ocpus: listed.ocpus, memoryBytes: listed.memoryBytes)
            guard draft.fits(demand, on: host.int) else {
                throw FleetBuildError(keyPath: keyPath + ".host",
                                      message: "'\(listed.name)' (\(demand)) does not fit on '\(listed.host)' (\(draft.hosts[host.int].capacity), \(draft.committed[host.int]) already placed)")
            }
            let aa = draft.antiAffinityGroup(named: listed.antiAffinityGroup)
            if let aa, draft.hostsHoldingMembers(of: aa).contains(host.int) {
                throw FleetBuildError(keyPath: keyPath + ".host",
                                      message: "'\(listed.name)' shares host '\(listed.host)' with another member of anti-affinity group '\(listed.antiAffinityGroup!)'")
            }
            draft.commit(demand, on: host.int)
            draft.addInstance(name: listed.name, shape: listed.shape, demand: demand, host: host.int,
                              attributes: listed.attributes, guest: listed.guest, antiAffinityGroup: aa)
        }
    }

    /// One generated instance group: `<group>-0007`, shape and guest drawn from the
    /// instance's own streams, placed by the group's strategy on the hosts of its family
    /// (and host groups), away from the other members of its anti-affinity group.
    static func addInstanceGroup(_ group: InstanceGroupSpec, keyPath: String, of spec: FleetSpec, seed: UInt64,
                                 generator: GeneratorKind, to draft: inout FleetDraft) throws(FleetBuildError) {
        let candidates = try candidateHosts(for: group, keyPath: keyPath, of: spec, in: draft)
        var placer = InitialPlacer(strategy: group.placement, candidates: candidates, hosts: draft.hosts, committed: draft.committed)
        let width = max(4, String(max(group.count - 1, 0)).count)
        for i in 0..<group.count {
            let name = "\(group.name)-\(pad(i, width))"
            try draft.claimInstanceName(name, keyPath: keyPath + ".name")
            let stream = RandomStream(scenarioSeed: seed, entity: name, purpose: "shape", kind: generator)
            let demand = Resources(ocpus: roundOcpus(group.ocpus.sample(stream)),
                                   memoryBytes: roundMemory(group.memoryBytes.sample(stream)))
            // A separate stream, so adding a guest model never changes the shapes drawn.
            let guest = drawGuest(group.guest, instance: name, seed: seed, generator: generator)
            let aa = group.antiAffinityGroupSize > 1
                ? draft.antiAffinityGroup(named: "\(group.name)-aa-\(pad(i / group.antiAffinityGroupSize, width))") : nil
            let avoid = aa.map { draft.hostsHoldingMembers(of: $0) } ?? []
            guard let host = placer.place(demand, avoiding: avoid) else {
                throw FleetBuildError(keyPath: keyPath + ".count",
                                      message: "only \(i) of \(group.count) instances fit on the \(candidates.count) hosts of family '\(group.hostFamily)'; instance \(name) (\(demand)) has no room")
            }
            draft.addInstance(name: name, shape: group.shape, demand: demand, host: host,
                              attributes: group.attributes, guest: guest, antiAffinityGroup: aa)
        }
        draft.committed = placer.committed
    }

    /// The hosts a generated group may start on: its shape family, within its host groups
    /// if it names any. An unknown host group, or no host at all for a non-empty group, is
    /// an error.
    static func candidateHosts(for group: InstanceGroupSpec, keyPath: String, of spec: FleetSpec,
                               in draft: FleetDraft) throws(FleetBuildError) -> [Int] {
        for hostGroup in group.hostGroups where !spec.hostGroups.contains(where: { $0.name == hostGroup }) {
            throw FleetBuildError(keyPath: keyPath + ".host_groups", message: "no host group named '\(hostGroup)'")
        }
        let candidates = draft.hosts.indices.filter { h in
            draft.hosts[h].shapeFamily == group.hostFamily
                && (group.hostGroups.isEmpty || group.hostGroups.contains(draft.hostGroupOf[h]))
        }
        if candidates.isEmpty && group.count > 0 {
            throw FleetBuildError(keyPath: keyPath + ".host_family",
                                  message: "no host of shape family '\(group.hostFamily)' to place instances on")
        }
        return candidates
    }

    /// One generated guest's workload, from its own stream (scenario or replication seed,
    /// instance name, "guest").
    static func drawGuest(_ spec: GuestSpec, instance name: String, seed: UInt64, generator: GeneratorKind) -> GuestDirtying {
        let stream = RandomStream(scenarioSeed: seed, entity: name, purpose: "guest", kind: generator)
        return GuestDirtying(dirtyBytesPerSecond: max(0, spec.dirtyBytesPerSecond.sample(stream)),
                             hotFraction: spec.hotFraction,
                             hotDirtyBytesPerSecond: max(0, spec.hotDirtyBytesPerSecond.sample(stream)),
                             zeroPageFraction: spec.zeroPageFraction,
                             sequentialWrites: spec.sequentialWrites)
    }

    /// `fleet` with every generated guest's workload drawn again from `seed` (shapes,
    /// placement and explicit instances unchanged): `resample: workload`.
    public static func redrawWorkloads(of fleet: Fleet, spec: FleetSpec, seed: UInt64, generator: GeneratorKind) -> Fleet {
        var instances = fleet.instances
        // Generated instances follow the explicit ones, group by group, in build order.
        var k = spec.instances.count
        for group in spec.instanceGroups {
            for _ in 0..<group.count where k < instances.count {
                instances[k].guest = drawGuest(group.guest, instance: instances[k].name, seed: seed, generator: generator)
                k += 1
            }
        }
        return Fleet(hosts: fleet.hosts, instances: instances, antiAffinityGroups: fleet.antiAffinityGroups)
    }

    /// OCPUs come in eighths (the smallest OCI shape is 1/8 OCPU); at least one eighth.
    static func roundOcpus(_ x: Double) -> Double { max(0.125, (x * 8).rounded() / 8) }

    /// Memory is rounded to whole MiB, at least 1 MiB.
    static func roundMemory(_ bytes: Double) -> Int64 {
        let mib = max(1, (bytes / 1_048_576).rounded())
        return Int64(mib) * 1_048_576
    }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
