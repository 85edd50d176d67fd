import FleetModel

/// The placement micro-benchmark: a rolling drain of a generated fleet through
/// `PlacementIndex`, the way a campaign uses it.
///
/// `hosts` hosts of one shape family (64 OCPUs, 1 TiB) in three fault domains carry 16
/// instances each (1-4 OCPUs, 16-64 GiB: about 70% of memory committed); the first instance
/// on each host belongs to an anti-affinity group of four, on four consecutive hosts. Every
/// host starts deprioritized (due for maintenance). Hosts are drained in id order, eight at a
/// time in maintenance: each resident is placed, reserved and moved (the index notified of
/// every change), then the host returns. It stops after `placements` placements (wrapping
/// around the fleet if needed). Placements that find no target are counted as attempts too.
public enum PlacementBenchmark {
    /// Run the benchmark; `clock` returns monotonic seconds. Only the drain is timed.
    public static func run(hosts: Int, placements: Int, strategy: PlacementStrategy = .leastLoaded,
                           spread: FaultDomainSpread = .soft,
                           clock: () -> Double) -> (placements: Int, seconds: Double) {
        precondition(hosts >= 2 && placements >= 0)
        let fleet = makeFleet(hosts: hosts)
        var occupancy = try! Occupancy(fleet: fleet)
        var index = PlacementIndex(fleet: fleet, strategy: strategy, spread: spread, occupancy: occupancy,
                                   deprioritized: Array(repeating: true, count: hosts))
        var residents = Array(repeating: [InstanceID](), count: hosts)
        for instance in fleet.instances { residents[instance.initialHost.int].append(instance.id) }
        let window = min(8, hosts - 1)
        var inMaintenance: [HostID] = []
        var done = 0
        var next = 0
        let start = clock()
        while done < placements {
            let h = HostID(next)
            next = (next + 1) % hosts
            occupancy.setAccepting(h, false)
            index.setDeprioritized(h, false)
            index.hostChanged(h, occupancy: occupancy)
            inMaintenance.append(h)
            var stuck: [InstanceID] = []
            for i in residents[h.int] {
                guard done < placements else { stuck.append(i); continue }
                done += 1
                guard let t = index.target(for: i, leaving: h, occupancy: occupancy) else { stuck.append(i); continue }
                let demand = fleet[i].demand
                try! occupancy.reserve(i, demand: demand, on: t)
                index.didReserve(i, on: t, occupancy: occupancy)
                try! occupancy.commitMove(i, demand: demand, from: h)
                index.didCommitMove(i, from: h, to: t, occupancy: occupancy)
                residents[t.int].append(i)
            }
            residents[h.int] = stuck
            if inMaintenance.count > window {
                let back = inMaintenance.removeFirst()
                occupancy.setAccepting(back, true)
                index.hostChanged(back, occupancy: occupancy)
            }
        }
        return (done, clock() - start)
    }

    /// The benchmark's fleet: `hosts` hosts with 16 instances each.
    public static func makeFleet(hosts: Int) -> Fleet {
        let gib: Int64 = 1 << 30
        var hostList: [Host] = []
        hostList.reserveCapacity(hosts)
        for h in 0..<hosts {
            let loc = Location(region: "r", availabilityDomain: "ad1", faultDomain: "FAULT-DOMAIN-\(h % 3 + 1)",
                               rack: "rack\(h / 32)")
            hostList.append(Host(id: HostID(h), name: "h\(h)", shapeFamily: "VM.Standard.E4.Flex",
                                 capacity: Resources(ocpus: 64, memoryBytes: 1024 * gib),
                                 nicBytesPerSecond: 25e9 / 8, location: loc))
        }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {   // xorshift64*
            state ^= state >> 12; state ^= state << 25; state ^= state >> 27
            return state &* 0x2545_F491_4F6C_DD1D
        }
        let ocpuChoices: [Double] = [1, 2, 4, 4]
        let memoryChoices: [Int64] = [16, 32, 64, 64]
        var instances: [Instance] = []
        instances.reserveCapacity(hosts * 16)
        for k in 0..<(hosts * 16) {
            let h = k % hosts
            let group: Int32? = k < hosts ? Int32(h / 4) : nil
            let r = next()
            instances.append(Instance(id: InstanceID(k), name: "i\(k)", shape: "VM.Standard.E4.Flex",
                                      demand: Resources(ocpus: ocpuChoices[Int(r & 3)],
                                                        memoryBytes: memoryChoices[Int((r >> 2) & 3)] * gib),
                                      initialHost: HostID(h), antiAffinityGroup: group))
        }
        let groups = (0..<((hosts + 3) / 4)).map { "g\($0)" }
        return Fleet(hosts: hostList, instances: instances, antiAffinityGroups: groups)
    }
}
