import Testing
import FleetModel
@testable import MaintenancePolicy

/// The index must give exactly the reference scan's answer (host or failure reason) in every
/// state a campaign can reach: random fleets, random reservations, commits, cancellations,
/// hosts leaving and rejoining service, and deprioritized flags flipping.
@Suite struct PlacementIndexPropertyTests {
    static func randomFleet(hosts: Int, families: Int, faultDomains: Int, groups: Int, seed: UInt64) -> Fleet {
        var rng = TestRandom(seed: seed)
        let gib: Int64 = 1 << 30
        let hostList = (0..<hosts).map { h in
            // Few distinct capacities and demands, so ties are common.
            // On small fleets the last two hosts form a family of their own, so a family can
            // run out of hosts (`noCompatibleHost`).
            Host(id: HostID(h), name: "h\(h)", shapeFamily: hosts < 100 && h >= hosts - 2 ? "tiny" : "F\(rng.int(families))",
                 capacity: Resources(ocpus: Double(16 * (1 + rng.int(3))), memoryBytes: Int64(64 * (1 + rng.int(3))) * gib),
                 nicBytesPerSecond: 1e9, location: Location(region: "r", availabilityDomain: "ad",
                                                           faultDomain: "FD\(rng.int(faultDomains))", rack: "k"))
        }
        var committed = hostList.map { _ in Resources.zero }
        var instances: [Instance] = []
        for _ in 0..<(hosts * 4) {
            let demand = Resources(ocpus: [0.5, 1, 2, 4, 8][rng.int(5)], memoryBytes: Int64([2, 4, 8, 16, 32][rng.int(5)]) * gib)
            let h = rng.int(hosts)
            guard (committed[h] + demand).fits(in: hostList[h].capacity) else { continue }
            committed[h] += demand
            let group: Int32? = groups > 0 && rng.chance(0.4) ? Int32(rng.int(groups)) : nil
            instances.append(Instance(id: InstanceID(instances.count), name: "i\(instances.count)", shape: "s",
                                      demand: demand, initialHost: HostID(h), antiAffinityGroup: group))
        }
        return Fleet(hosts: hostList, instances: instances, antiAffinityGroups: (0..<groups).map { "g\($0)" })
    }

    /// Run `steps` random operations; compare index and reference at every query. Returns the
    /// number of queries compared, by outcome ("success" or the failure's raw value).
    static func run(strategy: PlacementStrategy, spread: FaultDomainSpread, hosts: Int, steps: Int,
                    seed: UInt64) throws -> [String: Int] {
        let fleet = randomFleet(hosts: hosts, families: hosts > 100 ? 1 : 2, faultDomains: 3, groups: hosts / 4, seed: seed)
        var rng = TestRandom(seed: seed ^ 0xABCDEF)
        var occ = try Occupancy(fleet: fleet)
        var deprioritized = fleet.hosts.map { _ in rng.chance(0.3) }
        var index = PlacementIndex(fleet: fleet, strategy: strategy, spread: spread, occupancy: occ,
                                   deprioritized: deprioritized)
        let reference = Placement(fleet: fleet, strategy: strategy, spread: spread)
        var inFlight: [(InstanceID, HostID)] = []   // (instance, source)
        var queries: [String: Int] = [:]
        for step in 0..<steps {
            let roll = rng.int(100)
            if roll < 60 {
                let i = InstanceID(rng.int(fleet.instances.count))
                guard occ.reservedOn[i.int] == nil, let source = occ.hostOf[i.int] else { continue }
                let got = index.choose(for: i, leaving: source, occupancy: occ)
                let want = reference.choose(for: fleet[i], leaving: source, fleet: fleet, occupancy: occ,
                                            deprioritized: deprioritized)
                switch want {
                case .success: queries["success", default: 0] += 1
                case .failure(let f): queries[f.rawValue, default: 0] += 1
                }
                #expect(got == want, "step \(step): \(strategy) \(spread) \(i) from \(source)")
                if got != want { return queries }
                if case .success(let t) = got, rng.chance(0.7) {
                    try occ.reserve(i, demand: fleet[i].demand, on: t)
                    index.didReserve(i, on: t, occupancy: occ)
                    inFlight.append((i, source))
                }
            } else if roll < 75, !inFlight.isEmpty {
                let k = rng.int(inFlight.count)
                let (i, source) = inFlight.remove(at: k)
                let target = occ.reservedOn[i.int]!
                try occ.commitMove(i, demand: fleet[i].demand, from: source)
                index.didCommitMove(i, from: source, to: target, occupancy: occ)
            } else if roll < 82, !inFlight.isEmpty {
                let k = rng.int(inFlight.count)
                let (i, _) = inFlight.remove(at: k)
                let target = occ.reservedOn[i.int]!
                try occ.cancelReservation(i, demand: fleet[i].demand)
                index.didCancelReservation(i, on: target, occupancy: occ)
            } else if roll < 92 {
                let h = HostID(rng.int(fleet.hosts.count))
                occ.setAccepting(h, !occ.accepting[h.int] || rng.chance(0.2))
                index.hostChanged(h, occupancy: occ)
            } else {
                let h = HostID(rng.int(fleet.hosts.count))
                deprioritized[h.int].toggle()
                index.setDeprioritized(h, deprioritized[h.int])
            }
            if step % 97 == 0 {
                #expect(index.isConsistent(with: occ))
            }
        }
        #expect(index.isConsistent(with: occ))
        return queries
    }

    @Test(arguments: PlacementStrategy.allCases)
    func indexEqualsReferenceOnSmallFleets(strategy: PlacementStrategy) throws {
        var queries: [String: Int] = [:]
        for spread in FaultDomainSpread.allCases {
            for seed in 1...3 as ClosedRange<UInt64> {
                queries.merge(try Self.run(strategy: strategy, spread: spread, hosts: 24, steps: 400, seed: seed), uniquingKeysWith: +)
            }
        }
        #expect(queries.values.reduce(0, +) > 1_500)
        // Every outcome occurs, so every failure path is compared too.
        #expect(queries["success", default: 0] > 500)
        for failure in PlacementFailure.allCases { #expect(queries[failure.rawValue, default: 0] > 0, "\(failure)") }
    }

    @Test(arguments: PlacementStrategy.allCases)
    func indexEqualsReferenceAcrossManyBlocks(strategy: PlacementStrategy) throws {
        // 600 hosts in one family: several 128-entry blocks, splits and merges.
        let queries = try Self.run(strategy: strategy, spread: .soft, hosts: 600, steps: 1_500, seed: 7)
        #expect(queries["success", default: 0] > 500)
    }
}

@Suite struct OrderedHostListTests {
    @Test func matchesASortedArrayUnderRandomEdits() {
        var rng = TestRandom(seed: 42)
        var list = OrderedHostList()
        var model: [Int32: OrderedHostList.Entry] = [:]
        for _ in 0..<6_000 {
            let host = Int32(rng.int(700))
            let entry = OrderedHostList.Entry(key: PlacementKey(primary: Int64(rng.int(20)), secondary: Double(rng.int(5)), host: host),
                                              freeMemoryBytes: Int64(rng.int(1_000)), freeOcpus: Double(rng.int(64)))
            if let old = model[host] {
                if rng.chance(0.5) {
                    list.remove(old.key)
                    model[host] = nil
                } else {
                    let same = OrderedHostList.Entry(key: old.key, freeMemoryBytes: entry.freeMemoryBytes, freeOcpus: entry.freeOcpus)
                    list.update(same)
                    model[host] = same
                }
            } else {
                list.insert(entry)
                model[host] = entry
            }
        }
        let sorted = model.values.sorted { $0.key < $1.key }
        #expect(list.count == sorted.count)
        #expect(list.allEntries.map(\.key) == sorted.map(\.key))
        #expect(list.blocks.count > 2)
        for block in list.blocks {
            #expect(block.entries.count <= OrderedHostList.maxBlockCount)
            #expect(block.maxFreeMemoryBytes == block.entries.map(\.freeMemoryBytes).max())
            #expect(block.maxFreeOcpus == block.entries.map(\.freeOcpus).max())
        }
        for probe in 0..<21 {
            let key = PlacementKey(primary: Int64(probe), secondary: -.infinity, host: .min)
            let (b, o) = list.position(atLeast: key)
            let first = sorted.first { !($0.key < key) }
            if let first { #expect(list.blocks[b].entries[o].key == first.key) } else { #expect(b == list.blocks.count) }
        }
    }
}
