/// The moves in progress, by instance (`CampaignModel.moves[i]`, nil: none): a dense store of
/// the moves in flight and a 4-byte slot per instance, rather than an optional `Move` (about
/// 200 bytes) per instance. At most a few hundred moves run at once in a fleet of 160,000
/// VMs, whose `[Move?]` was 33 MB of large-fleet's 290 MB peak heap (valgrind massif,
/// docs/performance.md "Memory").
struct MoveTable {
    /// The slot in `store` of each instance's move; -1: none.
    private var slotOf: [Int32]
    /// Optionals, though every slot in use holds a move: so the subscript can lend a slot in
    /// place (`_read`, `_modify`). With a plain get and set, `moves[i]?.stoppedAt = now` copied
    /// the whole move (~200 bytes and its references) out and back per field written.
    private var store: [Move?] = []
    /// The instance each slot belongs to.
    private var ownerOf: [Int32] = []
    /// Moves added so far: a walk over the moves (`instances(above:)`) that may add moves
    /// compares it before and after each step to know when to take a fresh list.
    private(set) var additions = 0

    init(instanceCount: Int) {
        slotOf = Array(repeating: -1, count: instanceCount)
    }

    subscript(instance: Int) -> Move? {
        _read {
            let s = Int(slotOf[instance])
            if s >= 0 { yield store[s] } else { yield nil }
        }
        _modify {
            let s = Int(slotOf[instance])
            if s >= 0 {
                yield &store[s]
                if store[s] == nil { removeSlot(s, of: instance) }
            } else {
                var added: Move? = nil
                yield &added
                if let move = added {
                    slotOf[instance] = Int32(store.count)
                    store.append(move)
                    ownerOf.append(Int32(instance))
                    additions += 1
                }
            }
        }
    }

    /// Swap-remove: the last move takes the freed slot.
    private mutating func removeSlot(_ s: Int, of instance: Int) {
        let last = store.count - 1
        if s != last {
            store.swapAt(s, last)
            ownerOf[s] = ownerOf[last]
            slotOf[Int(ownerOf[s])] = Int32(s)
        }
        store.removeLast()
        ownerOf.removeLast()
        slotOf[instance] = -1
    }

    /// The instances above `instance` with a move in progress, in increasing order: what a
    /// scan of every instance from `instance + 1` on would find, at the cost of the moves in
    /// flight (a few thousand) rather than the fleet (a million).
    func instances(above instance: Int) -> [Int] {
        var found: [Int] = []
        found.reserveCapacity(ownerOf.count)
        for owner in ownerOf where Int(owner) > instance { found.append(Int(owner)) }
        found.sort()
        return found
    }

    /// The moves in progress with their instances, in increasing instance order (the order a
    /// scan of a per-instance array gave; the store's own order depends on history).
    var inProgress: [(instance: Int, move: Move)] {
        instances(above: -1).map { ($0, self[$0]!) }
    }
}
