import FleetModel

/// Target selection at fleet scale: the same answers as the reference scan `Placement`, without
/// looking at every host.
///
/// The hosts that accept instances are kept, per shape family and per tier (preferred, then
/// deprioritized: due for maintenance later in the campaign), in a list sorted by the
/// strategy's `PlacementKey` (`OrderedHostList`). A search walks the list of the source's
/// family best first and stops at the first host that fits: room for the demand (checked
/// against `Occupancy` itself, so a stale index can never overcommit), no member of the
/// instance's anti-affinity group, and a clean fault domain when spread asks for one. Blocks of
/// hosts that cannot hold the demand are skipped whole, `best_fit` starts at the first host
/// with enough free memory, and `least_loaded` stops at the first without. A typical search
/// touches a handful of hosts; a host's change costs O(log n + 128).
///
/// The index mirrors `Occupancy`, so the simulator tells it about every change, after applying
/// it to `Occupancy`:
/// - `occupancy.reserve(i, on: t)` -> `didReserve(i, on: t, occupancy:)`
/// - `occupancy.cancelReservation(i)` (reserved on t) -> `didCancelReservation(i, on: t, occupancy:)`
/// - `occupancy.commitMove(i, from: s)` (reserved on t) -> `didCommitMove(i, from: s, to: t, occupancy:)`
/// - `occupancy.setAccepting(h, _)`, or any other change of a host's committed resources or
///   resident count -> `hostChanged(h, occupancy:)`
/// - a host becomes (or stops being) due for maintenance later -> `setDeprioritized(h, _)`
/// `isConsistent(with:)` checks the mirror (tests, invariant checking).
public struct PlacementIndex: Sendable {
    typealias Entry = OrderedHostList.Entry

    public let strategy: PlacementStrategy
    public let spread: FaultDomainSpread
    public let topology: PlacementTopology
    /// Members of each anti-affinity group per host and per fault domain.
    public private(set) var antiAffinity: AntiAffinityCounts

    private let fleet: Fleet
    /// Sorted hosts, at `family * 2 + tier` (tier 0 preferred, 1 deprioritized).
    private var lists: [OrderedHostList]
    /// Each host's tier, or -1 when it accepts no instances (not indexed).
    private var tierOf: [Int8]
    /// Each host's entry as last indexed.
    private var entryOf: [Entry]
    private var deprioritized: [Bool]

    /// Prefilter slack on OCPUs, looser than `Resources.fits` (1e-9), so the prefilter never
    /// rejects a host `Occupancy.canHost` would accept.
    private static let ocpuSlack = 1e-6

    /// Index `fleet` in the state `occupancy` describes. `deprioritized` (empty: none) flags the
    /// hosts to use only when nothing else fits.
    public init(fleet: Fleet, strategy: PlacementStrategy, spread: FaultDomainSpread = .none,
                occupancy: Occupancy, deprioritized: [Bool] = []) {
        precondition(deprioritized.isEmpty || deprioritized.count == fleet.hosts.count, "one deprioritized flag per host")
        self.fleet = fleet
        self.strategy = strategy
        self.spread = spread
        topology = PlacementTopology(fleet: fleet)
        let n = fleet.hosts.count
        self.deprioritized = deprioritized.isEmpty ? Array(repeating: false, count: n) : deprioritized
        lists = Array(repeating: OrderedHostList(), count: topology.familyNames.count * 2)
        tierOf = Array(repeating: -1, count: n)
        entryOf = Array(repeating: Entry(key: PlacementKey(primary: 0, secondary: 0, host: -1),
                                         freeMemoryBytes: 0, freeOcpus: 0), count: n)
        var counts = AntiAffinityCounts(groupCount: fleet.antiAffinityGroups.count)
        for instance in fleet.instances {
            guard let g = instance.antiAffinityGroup else { continue }
            if let h = occupancy.hostOf[instance.id.int] {
                counts.add(group: g, host: h, faultDomain: topology.faultDomainOf[h.int])
            }
            if let t = occupancy.reservedOn[instance.id.int] {
                counts.add(group: g, host: t, faultDomain: topology.faultDomainOf[t.int])
            }
        }
        antiAffinity = counts
        for host in fleet.hosts { refresh(host.id, occupancy: occupancy) }
    }

    // MARK: Notifications

    /// `occupancy` has just reserved room for `instance` on `target`.
    public mutating func didReserve(_ instance: InstanceID, on target: HostID, occupancy: Occupancy) {
        if let g = fleet.instances[instance.int].antiAffinityGroup {
            antiAffinity.add(group: g, host: target, faultDomain: topology.faultDomainOf[target.int])
        }
        refresh(target, occupancy: occupancy)
    }

    /// `instance` no longer occupies `host` (it left it, or its reservation there was given up);
    /// `occupancy` already says so.
    public mutating func didRelease(_ instance: InstanceID, from host: HostID, occupancy: Occupancy) {
        if let g = fleet.instances[instance.int].antiAffinityGroup {
            antiAffinity.remove(group: g, host: host, faultDomain: topology.faultDomainOf[host.int])
        }
        refresh(host, occupancy: occupancy)
    }

    /// `occupancy` has just cancelled `instance`'s reservation on `target`.
    public mutating func didCancelReservation(_ instance: InstanceID, on target: HostID, occupancy: Occupancy) {
        didRelease(instance, from: target, occupancy: occupancy)
    }

    /// `occupancy` has just committed `instance`'s move from `source` to `target`.
    public mutating func didCommitMove(_ instance: InstanceID, from source: HostID, to target: HostID,
                                       occupancy: Occupancy) {
        didRelease(instance, from: source, occupancy: occupancy)
        refresh(target, occupancy: occupancy)   // one more resident
    }

    /// `host`'s committed resources, resident count or accepting flag changed in `occupancy`.
    public mutating func hostChanged(_ host: HostID, occupancy: Occupancy) {
        refresh(host, occupancy: occupancy)
    }

    /// Use `host` only when nothing else fits (`true`), or normally (`false`).
    public mutating func setDeprioritized(_ host: HostID, _ value: Bool) {
        let i = host.int
        guard deprioritized[i] != value else { return }
        deprioritized[i] = value
        let old = tierOf[i]
        guard old >= 0 else { return }
        let family = Int(topology.familyOf[i])
        lists[family * 2 + Int(old)].remove(entryOf[i].key)
        let tier: Int8 = value ? 1 : 0
        tierOf[i] = tier
        lists[family * 2 + Int(tier)].insert(entryOf[i])
    }

    public func isDeprioritized(_ host: HostID) -> Bool { deprioritized[host.int] }

    private mutating func refresh(_ host: HostID, occupancy: Occupancy) {
        let i = host.int
        let tier: Int8 = occupancy.accepting[i] ? (deprioritized[i] ? 1 : 0) : -1
        let capacity = fleet.hosts[i].capacity
        let committed = occupancy.committed[i]
        let freeMemory = capacity.memoryBytes - committed.memoryBytes
        let freeOcpus = capacity.ocpus - committed.ocpus
        let key = PlacementKey.make(strategy, host: host, freeMemoryBytes: freeMemory, freeOcpus: freeOcpus,
                                    residents: occupancy.residentCount[i])
        let entry = Entry(key: key, freeMemoryBytes: freeMemory, freeOcpus: freeOcpus)
        let old = tierOf[i]
        let family = Int(topology.familyOf[i])
        if old == tier {
            guard tier >= 0 else { return }
            let cached = entryOf[i]
            if cached.key == key {
                if cached.freeMemoryBytes != freeMemory || cached.freeOcpus != freeOcpus {
                    lists[family * 2 + Int(tier)].update(entry)
                    entryOf[i] = entry
                }
                return
            }
        }
        if old >= 0 { lists[family * 2 + Int(old)].remove(entryOf[i].key) }
        tierOf[i] = tier
        entryOf[i] = entry
        if tier >= 0 { lists[family * 2 + Int(tier)].insert(entry) }
    }

    // MARK: Queries

    /// The best target for `instance` leaving `source`, or why there is none.
    public func choose(for instance: InstanceID, leaving source: HostID,
                       occupancy: Occupancy) -> Result<HostID, PlacementFailure> {
        let family = Int(topology.familyOf[source.int])
        let candidates = lists[family * 2].count + lists[family * 2 + 1].count - (tierOf[source.int] >= 0 ? 1 : 0)
        guard candidates > 0 else { return .failure(.noCompatibleHost) }
        let query = Query(index: self, instance: instance, source: source, occupancy: occupancy)

        var census = Census()
        var checkSpread = query.group != nil && spread != .none
        if checkSpread && !query.anyCleanFaultDomain(in: topology.faultDomainsByFamily[family]) {
            // No clean fault domain anywhere in the family: soft spread has nothing to prefer,
            // hard spread cannot succeed (but the census still needs to know why).
            checkSpread = false
            if spread == .hard {
                for tier in 0..<2 {
                    if query.scan(lists[family * 2 + tier], checkSpread: false, census: &census).best != nil {
                        return .failure(.faultDomainSpread)
                    }
                }
                return .failure(census.failure)
            }
        }
        for tier in 0..<2 {
            let found = query.scan(lists[family * 2 + tier], checkSpread: checkSpread, census: &census)
            if let h = found.best ?? found.fallback { return .success(h) }
        }
        return .failure(census.failure)
    }

    /// The best target for `instance` leaving `source`, or nil when nothing fits.
    public func target(for instance: InstanceID, leaving source: HostID, occupancy: Occupancy) -> HostID? {
        try? choose(for: instance, leaving: source, occupancy: occupancy).get()
    }

    /// Whether the index mirrors `occupancy` and the anti-affinity state it implies (O(fleet)).
    public func isConsistent(with occupancy: Occupancy) -> Bool {
        for host in fleet.hosts {
            let i = host.id.int
            let tier: Int8 = occupancy.accepting[i] ? (deprioritized[i] ? 1 : 0) : -1
            guard tierOf[i] == tier else { return false }
            if tier < 0 { continue }
            let free = host.capacity - occupancy.committed[i]
            let key = PlacementKey.make(strategy, host: host.id, freeMemoryBytes: free.memoryBytes,
                                        freeOcpus: free.ocpus, residents: occupancy.residentCount[i])
            let e = entryOf[i]
            guard e.key == key, e.freeMemoryBytes == free.memoryBytes, e.freeOcpus == free.ocpus else { return false }
        }
        let rebuilt = PlacementIndex(fleet: fleet, strategy: strategy, spread: spread, occupancy: occupancy,
                                     deprioritized: deprioritized)
        for g in fleet.antiAffinityGroups.indices {
            for host in fleet.hosts where rebuilt.antiAffinity.members(of: Int32(g), on: host.id)
                != antiAffinity.members(of: Int32(g), on: host.id) {
                return false
            }
        }
        for (k, list) in lists.enumerated() {
            let mine = list.allEntries.map(\.key), theirs = rebuilt.lists[k].allEntries.map(\.key)
            guard mine == theirs else { return false }
        }
        return true
    }

    /// Hosts indexed (accepting instances) in `family`'s preferred and deprioritized tiers.
    public func indexedCount(family: Int) -> (preferred: Int, deprioritized: Int) {
        (lists[family * 2].count, lists[family * 2 + 1].count)
    }

    // MARK: Search

    /// What excluded the candidates seen so far.
    struct Census {
        var roomSeen = false
        var antiAffinityFreeSeen = false
        var failure: PlacementFailure {
            !roomSeen ? .noCapacity : !antiAffinityFreeSeen ? .antiAffinity : .faultDomainSpread
        }
    }

    /// One search: the instance, its demand and group, the source, and the counts to correct
    /// for the instance itself (it is counted where it sits and where it may be reserved).
    struct Query {
        let strategy: PlacementStrategy
        let spread: FaultDomainSpread
        let counts: AntiAffinityCounts
        let faultDomainOf: [Int32]
        let occupancy: Occupancy
        let source: HostID
        let demand: Resources
        let group: Int32?
        let selfHost: HostID?
        let selfReserved: HostID?

        init(index: PlacementIndex, instance: InstanceID, source: HostID, occupancy: Occupancy) {
            let inst = index.fleet.instances[instance.int]
            strategy = index.strategy
            spread = index.spread
            counts = index.antiAffinity
            faultDomainOf = index.topology.faultDomainOf
            self.occupancy = occupancy
            self.source = source
            demand = inst.demand
            group = inst.antiAffinityGroup
            selfHost = occupancy.hostOf[instance.int]
            selfReserved = occupancy.reservedOn[instance.int]
        }

        /// Other members of the group on `host`.
        @inline(__always) func othersOn(_ g: Int32, _ host: HostID) -> Int {
            counts.members(of: g, on: host) - (selfHost == host ? 1 : 0) - (selfReserved == host ? 1 : 0)
        }

        /// Other members of the group in fault domain `fd`.
        @inline(__always) func othersIn(_ g: Int32, _ fd: Int32) -> Int {
            var own = 0
            if let h = selfHost, faultDomainOf[h.int] == fd { own += 1 }
            if let h = selfReserved, faultDomainOf[h.int] == fd { own += 1 }
            return counts.members(of: g, inFaultDomain: fd) - own
        }

        func anyCleanFaultDomain(in faultDomains: [Int32]) -> Bool {
            guard let g = group else { return true }
            return faultDomains.contains { othersIn(g, $0) == 0 }
        }

        /// Walk `list` best first. `best`: the first host that fits every constraint; `fallback`
        /// (soft spread): the first that fits all but the clean fault domain.
        func scan(_ list: OrderedHostList, checkSpread: Bool,
                  census: inout Census) -> (best: HostID?, fallback: HostID?) {
            let needMemory = demand.memoryBytes
            let needOcpus = demand.ocpus - PlacementIndex.ocpuSlack
            let descendingMemory = strategy == .leastLoaded
            var start = (block: 0, offset: 0)
            if strategy == .bestFit {
                start = list.position(atLeast: PlacementKey(primary: needMemory, secondary: -.infinity, host: .min))
            }
            var fallback: HostID?
            // Unsafe buffers: skipping a block reads two numbers, with no retain of its array.
            let found: HostID? = list.blocks.withUnsafeBufferPointer { blocks in
                var b = start.block
                var offset = start.offset
                while b < blocks.count {
                    defer { b += 1; offset = 0 }
                    if blocks[b].maxFreeMemoryBytes < needMemory {
                        if descendingMemory { return nil }
                        continue
                    }
                    if blocks[b].maxFreeOcpus < needOcpus { continue }
                    let hit: HostID?? = blocks[b].entries.withUnsafeBufferPointer { entries in
                        for k in offset..<entries.count {
                            let e = entries[k]
                            if e.freeMemoryBytes < needMemory {
                                if descendingMemory { return .some(nil) }   // nothing further fits
                                continue
                            }
                            if e.freeOcpus < needOcpus { continue }
                            let h = HostID(Int(e.key.host))
                            if h == source || !occupancy.canHost(demand, on: h) { continue }
                            census.roomSeen = true
                            guard let g = group else { return h }
                            if othersOn(g, h) > 0 { continue }
                            census.antiAffinityFreeSeen = true
                            if checkSpread && othersIn(g, faultDomainOf[h.int]) > 0 {
                                if spread == .soft && fallback == nil { fallback = h }
                                continue
                            }
                            return h
                        }
                        return nil   // keep looking in the next block
                    }
                    if let hit { return hit }
                }
                return nil
            }
            return (found, fallback)
        }
    }
}
