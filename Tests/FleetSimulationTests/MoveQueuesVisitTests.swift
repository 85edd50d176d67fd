import FleetModel
import MaintenancePolicy
import Stochastics
import Testing
@testable import FleetSimulation

/// `MoveQueues`' visit (a heap keyed by drain order) against the list it replaced: every
/// marked host taken out, sorted stably by drain order when the visit begins, and the hosts
/// not reached put back. Random marks, drain starts (also of hosts already marked), drains
/// that end and visits that stop early; both must visit the same draining hosts in the same
/// order and leave the same hosts marked.
@Suite struct MoveQueuesVisitTests {
    /// The list version, as `MoveQueues` kept it before (2026-12-07).
    struct ListReference {
        var candidates: [Int] = []
        var isCandidate: [Bool]
        var drainOrder: [Int]
        var drainsStarted = 0

        init(hostCount: Int) {
            isCandidate = Array(repeating: false, count: hostCount)
            drainOrder = Array(repeating: Int.max, count: hostCount)
        }

        mutating func mayDispatch(_ h: Int) {
            guard !isCandidate[h] else { return }
            isCandidate[h] = true
            candidates.append(h)
        }

        mutating func drainStarted(_ h: Int) {
            drainOrder[h] = drainsStarted
            drainsStarted += 1
            mayDispatch(h)
        }

        mutating func take() -> [Int] {
            var taken = candidates
            candidates.removeAll()
            let order = drainOrder
            taken.sort { order[$0] < order[$1] }
            return taken
        }
    }

    /// What a visited host does, drawn once and applied to both versions alike: it is marked
    /// again (it still has work), it marks another host (a move of it queued or ended), the
    /// visit stops (the fleet-wide limit). No drain starts during a visit (`MoveQueues`).
    struct Reaction {
        var remark: Bool
        var marks: [Int]
        var stop: Bool
    }

    static func reaction(_ s: RandomStream, hostCount: Int) -> Reaction {
        Reaction(remark: s.bernoulli(0.6), marks: s.bernoulli(0.3) ? [s.uniformInt(below: hostCount)] : [],
                 stop: s.bernoulli(0.25))
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6, 7, 8])
    func heapVisitsAsTheSortedList(seed: UInt64) {
        let hostCount = 16
        var queues = MoveQueues(hostCount: hostCount, limits: ConcurrencyLimits())
        var reference = ListReference(hostCount: hostCount)
        let stream = RandomStream(seed: seed)
        // Draining as the campaign's host state: set when a drain starts, cleared when it ends.
        var heapDraining = Array(repeating: false, count: hostCount)
        var listDraining = heapDraining
        var visitedDraining = 0
        var stoppedEarly = 0
        for _ in 0..<400 {
            // Between visits: marks, drain starts (of marked hosts too), drains that end.
            for _ in 0..<stream.uniformInt(below: 6) {
                let h = stream.uniformInt(below: hostCount)
                let roll = stream.uniformInt(below: 100)
                if roll < 25 && !listDraining[h] {
                    heapDraining[h] = true; listDraining[h] = true
                    queues.drainStarted(HostID(h))
                    reference.drainStarted(h)
                } else if roll < 40 {
                    heapDraining[h] = false; listDraining[h] = false
                } else {
                    queues.mayDispatch(HostID(h))
                    reference.mayDispatch(h)
                }
            }
            // A visit: both versions draw the same reactions, one per draining host visited.
            // Hosts not draining are only unmarked (the campaign skips them), in an order the
            // two may choose differently; the draining ones must come in the same order.
            let visitSeed = UInt64(stream.uniformInt(below: Int(Int32.max)))
            var listSeen: [Int] = []
            let rs = RandomStream(seed: visitSeed)
            let taken = reference.take()
            for (k, h) in taken.enumerated() {
                reference.isCandidate[h] = false
                guard listDraining[h] else { continue }
                listSeen.append(h)
                let r = Self.reaction(rs, hostCount: hostCount)
                if r.remark { reference.mayDispatch(h) }
                for m in r.marks { reference.mayDispatch(m) }
                if r.stop {
                    reference.candidates.append(contentsOf: taken[(k + 1)...])
                    break
                }
            }
            var heapSeen: [Int] = []
            let hs = RandomStream(seed: visitSeed)
            queues.beginVisit()
            while let h = queues.nextCandidate() {
                guard heapDraining[h.int] else { continue }
                heapSeen.append(h.int)
                let r = Self.reaction(hs, hostCount: hostCount)
                if r.remark { queues.mayDispatch(h) }
                for m in r.marks { queues.mayDispatch(HostID(m)) }
                if r.stop { stoppedEarly += 1; break }
            }
            queues.endVisit()
            #expect(heapSeen == listSeen, "seed \(seed): visit order")
            visitedDraining += listSeen.count
            for h in 0..<hostCount {
                #expect(queues.isMarked(HostID(h)) == reference.isCandidate[h], "seed \(seed): host \(h) marked")
            }
        }
        // The walk reached the cases that matter.
        #expect(visitedDraining > 300)
        #expect(stoppedEarly > 30)
    }
}
