import FleetModel
import SimKernel
import Stochastics
import Testing
@testable import FleetSimulation

/// `MoveTable`: the moves in flight by instance, the walk a host failure makes over them
/// (`instances(above:)`, `additions`), and slots reused after swap-removes.
@Suite struct MoveTableTests {
    func move(from source: Int, to target: Int) -> Move {
        Move(action: .live, source: HostID(source), target: HostID(target), attempt: 1, isReturn: false)
    }

    @Test func instancesAboveAreTheMovingOnesInIncreasingOrder() {
        var table = MoveTable(instanceCount: 20)
        for i in [13, 2, 17, 5, 9] { table[i] = move(from: i, to: 0) }
        table[5] = nil   // swap-removed: 9 takes its slot
        #expect(table.instances(above: -1) == [2, 9, 13, 17])
        #expect(table.instances(above: 9) == [13, 17])
        #expect(table.instances(above: 17) == [])
        #expect(table[9]?.source == HostID(9))
        #expect(table[5] == nil)
    }

    @Test func additionsCountMovesAddedNotFieldsWritten() {
        var table = MoveTable(instanceCount: 4)
        #expect(table.additions == 0)
        table[1] = move(from: 1, to: 2)
        table[3] = move(from: 3, to: 2)
        table[1]?.downtime = SimTime(nanoseconds: 5)
        table[3] = nil
        #expect(table.additions == 2)
        table[3] = move(from: 3, to: 0)
        #expect(table.additions == 3)
        #expect(table[1]?.downtime == SimTime(nanoseconds: 5))
    }

    /// A random walk of adds, removes and field writes against a plain optional per instance.
    @Test(arguments: [1, 2, 3])
    func matchesAnArrayOfOptionals(seed: UInt64) {
        let stream = RandomStream(seed: seed)
        func next(_ n: Int) -> Int { stream.uniformInt(below: n) }
        let n = 64
        var table = MoveTable(instanceCount: n)
        var plain = [Move?](repeating: nil, count: n)
        for step in 0..<3_000 {
            let i = next(n)
            switch next(3) {
            case 0: table[i] = move(from: step % 7, to: i); plain[i] = move(from: step % 7, to: i)
            case 1: table[i] = nil; plain[i] = nil
            default: table[i]?.copiedBytes = Double(step); plain[i]?.copiedBytes = Double(step)
            }
            let above = next(n + 1) - 1
            #expect(table.instances(above: above) == plain.indices.filter { $0 > above && plain[$0] != nil })
        }
        for i in 0..<n {
            #expect(table[i]?.source == plain[i]?.source && table[i]?.copiedBytes == plain[i]?.copiedBytes)
        }
    }
}
