import FleetModel
import HeapModule
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
        var hosts: [Host] = []
        var hostGroupOf: [String] = []
        var names = Set<String>()

        func addHost(name: String, family: String, ocpus: Double, memory: Int64, nic: Double,
                     location: Location, group: String, keyPath: String) throws(FleetBuildError) {
            guard names.insert(name).inserted else {
                throw FleetBuildError(keyPath: keyPath, message: "duplicate host name '\(name)'")
            }
            hosts.append(Host(id: HostID(hosts.count), name: name, shapeFamily: family,
                              capacity: Resources(ocpus: ocpus, memoryBytes: memory),
                              nicBytesPerSecond: nic, location: location))
            hostGroupOf.append(group)
        }

        for (g, group) in spec.hostGroups.enumerated() {
            let width = max(4, String(group.count - 1).count)
            let racks = (group.count + group.hostsPerRack - 1) / group.hostsPerRack
            let rackWidth = max(2, String(racks - 1).count)
            for i in 0..<group.count {
                let rack = i / group.hostsPerRack
                let fd = group.faultDomains[rack % group.faultDomains.count]
                let location = Location(region: spec.region, availabilityDomain: group.availabilityDomain,
                                        faultDomain: fd, rack: "\(group.name)-rack-\(pad(rack, rackWidth))")
                try addHost(name: "\(group.name)-\(pad(i, width))", family: group.shapeFamily, ocpus: group.ocpus,
                            memory: group.memoryBytes, nic: group.nicBytesPerSecond, location: location,
                            group: group.name, keyPath: "fleet.host_groups[\(g)]")
            }
        }
        for (i, h) in spec.hosts.enumerated() {
            let location = Location(region: spec.region, availabilityDomain: h.availabilityDomain,
                                    faultDomain: h.faultDomain, rack: h.rack)
            try addHost(name: h.name, family: h.shapeFamily, ocpus: h.ocpus, memory: h.memoryBytes,
                        nic: h.nicBytesPerSecond, location: location, group: "", keyPath: "fleet.hosts[\(i)].name")
        }

        var committed = Array(repeating: Resources.zero, count: hosts.count)
        var instances: [Instance] = []
        var groupNames: [String] = []
        var groupIndex: [String: Int32] = [:]
        /// Hosts holding a member of each anti-affinity group.
        var groupHosts: [Int32: Set<Int>] = [:]
        func groupOf(_ name: String?) -> Int32? {
            guard let name else { return nil }
            if let g = groupIndex[name] { return g }
            let g = Int32(groupNames.count)
            groupNames.append(name)
            groupIndex[name] = g
            return g
        }
        var instanceNames = Set<String>()
        let hostByName = Dictionary(uniqueKeysWithValues: hosts.map { ($0.name, $0.id) })

        for (i, spec) in spec.instances.enumerated() {
            let keyPath = "fleet.instances[\(i)]"
            guard instanceNames.insert(spec.name).inserted else {
                throw FleetBuildError(keyPath: keyPath + ".name", message: "duplicate instance name '\(spec.name)'")
            }
            guard let host = hostByName[spec.host] else {
                throw FleetBuildError(keyPath: keyPath + ".host", message: "no host named '\(spec.host)'")
            }
            let demand = Resources(ocpus: spec.ocpus, memoryBytes: spec.memoryBytes)
            guard (committed[host.int] + demand).fits(in: hosts[host.int].capacity) else {
                throw FleetBuildError(keyPath: keyPath + ".host",
                                      message: "'\(spec.name)' (\(demand)) does not fit on '\(spec.host)' (\(hosts[host.int].capacity), \(committed[host.int]) already placed)")
            }
            let aa = groupOf(spec.antiAffinityGroup)
            if let aa, groupHosts[aa, default: []].contains(host.int) {
                throw FleetBuildError(keyPath: keyPath + ".host",
                                      message: "'\(spec.name)' shares host '\(spec.host)' with another member of anti-affinity group '\(spec.antiAffinityGroup!)'")
            }
            if let aa { groupHosts[aa, default: []].insert(host.int) }
            committed[host.int] += demand
            instances.append(Instance(id: InstanceID(instances.count), name: spec.name, shape: spec.shape,
                                      demand: demand, initialHost: host, attributes: spec.attributes,
                                      guest: spec.guest, antiAffinityGroup: aa))
        }

        for (g, group) in spec.instanceGroups.enumerated() {
            let keyPath = "fleet.instance_groups[\(g)]"
            for hostGroup in group.hostGroups where !spec.hostGroups.contains(where: { $0.name == hostGroup }) {
                throw FleetBuildError(keyPath: keyPath + ".host_groups", message: "no host group named '\(hostGroup)'")
            }
            let candidates = hosts.indices.filter { h in
                hosts[h].shapeFamily == group.hostFamily
                    && (group.hostGroups.isEmpty || group.hostGroups.contains(hostGroupOf[h]))
            }
            if candidates.isEmpty && group.count > 0 {
                throw FleetBuildError(keyPath: keyPath + ".host_family",
                                      message: "no host of shape family '\(group.hostFamily)' to place instances on")
            }
            var placer = InitialPlacer(strategy: group.placement, candidates: candidates, hosts: hosts, committed: committed)
            let width = max(4, String(max(group.count - 1, 0)).count)
            for i in 0..<group.count {
                let name = "\(group.name)-\(pad(i, width))"
                guard instanceNames.insert(name).inserted else {
                    throw FleetBuildError(keyPath: keyPath + ".name", message: "duplicate instance name '\(name)'")
                }
                let stream = RandomStream(scenarioSeed: seed, entity: name, purpose: "shape", kind: generator)
                let demand = Resources(ocpus: roundOcpus(group.ocpus.sample(stream)),
                                       memoryBytes: roundMemory(group.memoryBytes.sample(stream)))
                // A separate stream, so adding a guest model never changes the shapes drawn.
                let guest = drawGuest(group.guest, instance: name, seed: seed, generator: generator)
                let aa = group.antiAffinityGroupSize > 1
                    ? groupOf("\(group.name)-aa-\(pad(i / group.antiAffinityGroupSize, width))") : nil
                let avoid = aa.flatMap { groupHosts[$0] } ?? []
                guard let host = placer.place(demand, avoiding: avoid) else {
                    throw FleetBuildError(keyPath: keyPath + ".count",
                                          message: "only \(i) of \(group.count) instances fit on the \(candidates.count) hosts of family '\(group.hostFamily)'; instance \(name) (\(demand)) has no room")
                }
                if let aa { groupHosts[aa, default: []].insert(host) }
                instances.append(Instance(id: InstanceID(instances.count), name: name, shape: group.shape,
                                          demand: demand, initialHost: HostID(host), attributes: group.attributes,
                                          guest: guest, antiAffinityGroup: aa))
            }
            committed = placer.committed
        }
        return Fleet(hosts: hosts, instances: instances, antiAffinityGroups: groupNames)
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

/// Initial placement of a generated group, O(log hosts) per instance for `spread`.
struct InitialPlacer {
    struct Entry: Comparable {
        let freeMemory: Int64
        let host: Int
        // Max-heap on free memory; ties to the lowest host index.
        static func < (a: Entry, b: Entry) -> Bool {
            a.freeMemory != b.freeMemory ? a.freeMemory < b.freeMemory : a.host > b.host
        }
    }

    let strategy: InitialPlacement
    let candidates: [Int]
    let hosts: [Host]
    var committed: [Resources]
    var heap = Heap<Entry>()
    var cursor = 0

    init(strategy: InitialPlacement, candidates: [Int], hosts: [Host], committed: [Resources]) {
        self.strategy = strategy
        self.candidates = candidates
        self.hosts = hosts
        self.committed = committed
        if strategy == .spread {
            heap = Heap(candidates.map { Entry(freeMemory: hosts[$0].capacity.memoryBytes - committed[$0].memoryBytes, host: $0) })
        }
    }

    mutating func fits(_ demand: Resources, _ h: Int) -> Bool {
        (committed[h] + demand).fits(in: hosts[h].capacity)
    }

    /// A host for `demand` that is not in `avoiding` (hosts of the instance's anti-affinity
    /// group).
    mutating func place(_ demand: Resources, avoiding: Set<Int> = []) -> Int? {
        switch strategy {
        case .pack:
            // Next fit: hosts fill in order and the cursor never moves back, so placing
            // n instances is O(n + hosts); a small instance does not back-fill an earlier host.
            // An anti-affinity conflict skips ahead without moving the cursor.
            while cursor < candidates.count && !fits(demand, candidates[cursor]) { cursor += 1 }
            var k = cursor
            while k < candidates.count {
                let h = candidates[k]
                if fits(demand, h) && !avoiding.contains(h) { committed[h] += demand; return h }
                k += 1
            }
            return nil
        case .spread:
            var skipped: [Entry] = []
            defer { for e in skipped { heap.insert(e) } }
            while let top = heap.popMax() {
                if fits(demand, top.host) && !avoiding.contains(top.host) {
                    committed[top.host] += demand
                    heap.insert(Entry(freeMemory: hosts[top.host].capacity.memoryBytes - committed[top.host].memoryBytes,
                                      host: top.host))
                    return top.host
                }
                skipped.append(top)
            }
            return nil
        }
    }
}
