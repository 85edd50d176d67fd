import FleetModel
import HeapModule

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
