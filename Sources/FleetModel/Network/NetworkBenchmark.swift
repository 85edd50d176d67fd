/// The bandwidth-sharing micro-benchmark (no `fleetsim bench` subcommand runs it; `BandwidthAllocatorTests` does).
///
/// A two-level fleet: `racks` racks of `hostsPerRack` hosts; each host has a NIC (one egress
/// and one ingress link of `nicBytesPerSecond`), each rack an uplink (one link up, one down)
/// of `hostsPerRack x nic / oversubscription`, and all racks meet at a spine of
/// `spineBytesPerSecond` (infinite: non-blocking). `concurrentFlows` flows between random hosts
/// are started, then `churn` times a random flow ends and a new one starts, with the clock
/// moved a little each time. Half the flows carry a `max_bandwidth` cap (10-100% of the NIC).
/// It measures the cost of re-rating after a start or an end with a realistic component size.
public enum NetworkBenchmark {
    public struct Result: Sendable {
        /// Flow starts plus flow ends timed.
        public let operations: Int
        /// Flow rates changed (entries of `lastChanges`) over the timed operations.
        public let rateChanges: Int
        /// Flows recomputed (component sizes summed) over the timed operations.
        public let recomputedFlows: Int
        public let seconds: Double
        public var operationsPerSecond: Double { Double(operations) / seconds }
        /// Re-rates per second: rate changes published to the simulator per second.
        public var rateChangesPerSecond: Double { Double(rateChanges) / seconds }
        public var meanComponentFlows: Double { Double(recomputedFlows) / Double(max(operations, 1)) }
    }

    /// `clock` returns monotonic seconds.
    public static func run(racks: Int = 250, hostsPerRack: Int = 40,
                           nicBytesPerSecond: Double = 25e9 / 8, oversubscription: Double = 4,
                           spineBytesPerSecond: Double = .infinity,
                           concurrentFlows: Int = 2_000, churn: Int = 20_000, seed: UInt64 = 1,
                           clock: () -> Double) -> Result {
        precondition(racks >= 1 && hostsPerRack >= 1 && racks * hostsPerRack >= 2)
        var fleet = TwoLevelFleet(racks: racks, hostsPerRack: hostsPerRack, nicBytesPerSecond: nicBytesPerSecond,
                                  oversubscription: oversubscription, spineBytesPerSecond: spineBytesPerSecond,
                                  concurrentFlows: concurrentFlows, seed: seed)
        for _ in 0..<concurrentFlows { fleet.startRandomFlow() }
        let recomputedBefore = fleet.net.totalRecomputedFlowCount
        var rateChanges = 0
        let start = clock()
        for _ in 0..<churn {
            fleet.net.advance(bySeconds: 0.001)
            if fleet.endRandomFlow() { rateChanges += fleet.net.lastChanges.count }
            fleet.startRandomFlow()
            rateChanges += fleet.net.lastChanges.count
        }
        let elapsed = clock() - start
        return Result(operations: 2 * churn, rateChanges: rateChanges,
                      recomputedFlows: fleet.net.totalRecomputedFlowCount - recomputedBefore, seconds: elapsed)
    }

    /// The benchmark's network (NICs, rack uplinks, spine) and its flows in progress, with
    /// its own xorshift64* stream so a run depends on `seed` alone.
    struct TwoLevelFleet {
        var net = BandwidthAllocator()
        private(set) var active: [FlowID] = []
        private let hostsPerRack: Int
        private let nicBytesPerSecond: Double
        private var egress: [LinkID] = [], ingress: [LinkID] = [], up: [LinkID] = [], down: [LinkID] = []
        private var spine = LinkID(0)
        private var state: UInt64
        /// Reused for every flow, so starting one allocates nothing here.
        private var path: [LinkID] = []

        init(racks: Int, hostsPerRack: Int, nicBytesPerSecond: Double, oversubscription: Double,
             spineBytesPerSecond: Double, concurrentFlows: Int, seed: UInt64) {
            self.hostsPerRack = hostsPerRack
            self.nicBytesPerSecond = nicBytesPerSecond
            state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
            for _ in 0..<(racks * hostsPerRack) {
                egress.append(net.addLink(capacityBytesPerSecond: nicBytesPerSecond))
                ingress.append(net.addLink(capacityBytesPerSecond: nicBytesPerSecond))
            }
            let uplink = Double(hostsPerRack) * nicBytesPerSecond / oversubscription
            for _ in 0..<racks {
                up.append(net.addLink(capacityBytesPerSecond: uplink))
                down.append(net.addLink(capacityBytesPerSecond: uplink))
            }
            spine = net.addLink(capacityBytesPerSecond: spineBytesPerSecond)
            path.reserveCapacity(5)
            active.reserveCapacity(concurrentFlows)
        }

        private mutating func next() -> UInt64 {   // xorshift64*
            state ^= state >> 12; state ^= state << 25; state ^= state >> 27
            return state &* 0x2545_F491_4F6C_DD1D
        }

        private mutating func uniform(_ n: Int) -> Int { Int(next() % UInt64(n)) }

        /// A flow between two random hosts, through the spine when their racks differ; half
        /// the flows are capped at 10-100 % of the NIC.
        mutating func startRandomFlow() {
            let hosts = egress.count
            let src = uniform(hosts)
            var dst = uniform(hosts - 1)
            if dst >= src { dst += 1 }
            let srcRack = src / hostsPerRack, dstRack = dst / hostsPerRack
            path.removeAll(keepingCapacity: true)
            path.append(egress[src])
            if srcRack != dstRack {
                path.append(up[srcRack]); path.append(spine); path.append(down[dstRack])
            }
            path.append(ingress[dst])
            let capped = next() & 1 == 0
            let cap = capped ? nicBytesPerSecond * (0.1 + 0.9 * Double(next() >> 11) / Double(1 << 53)) : .infinity
            active.append(net.startFlow(path: path, maxBytesPerSecond: cap))
        }

        /// Ends a random flow in progress; false when there is none.
        mutating func endRandomFlow() -> Bool {
            guard !active.isEmpty else { return false }
            let k = uniform(active.count)
            net.endFlow(active[k])
            active.swapAt(k, active.count - 1)
            active.removeLast()
            return true
        }
    }
}
