/// The hosts of one shape family and one tier, sorted by `PlacementKey` (best first), for
/// `PlacementIndex`.
///
/// A two-level sorted list: blocks of at most `maxBlockCount` entries, each block sorted and
/// the blocks in order. Insert and remove cost a binary search plus a move inside one block
/// (O(log n + B)); a search walks blocks in order and skips, in O(1), every block whose
/// largest free memory or largest free OCPU count cannot hold the demand. With 10,000 hosts
/// that is some 100-300 blocks, and a search usually stops in the first block it enters.
struct OrderedHostList: Sendable {
    struct Entry: Sendable {
        var key: PlacementKey
        var freeMemoryBytes: Int64
        var freeOcpus: Double
    }

    struct Block: Sendable {
        var entries: [Entry]
        var maxFreeMemoryBytes: Int64
        var maxFreeOcpus: Double

        init(_ entries: [Entry]) {
            self.entries = entries
            maxFreeMemoryBytes = .min
            maxFreeOcpus = -.infinity
            recomputeMaxima()
        }

        mutating func recomputeMaxima() {
            var m = Int64.min, c = -Double.infinity
            for e in entries {
                if e.freeMemoryBytes > m { m = e.freeMemoryBytes }
                if e.freeOcpus > c { c = e.freeOcpus }
            }
            maxFreeMemoryBytes = m
            maxFreeOcpus = c
        }

        /// First position whose key is not below `key`.
        func lowerBound(_ key: PlacementKey) -> Int {
            var lo = 0, hi = entries.count
            while lo < hi {
                let mid = (lo + hi) >> 1
                if entries[mid].key < key { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
    }

    static let maxBlockCount = 128

    private(set) var blocks: [Block] = []
    private(set) var count = 0

    /// The block that holds `key` or would hold it: the first whose last key is not below it,
    /// else the last block. Precondition: not empty.
    private func blockIndex(for key: PlacementKey) -> Int {
        var lo = 0, hi = blocks.count - 1
        while lo < hi {
            let mid = (lo + hi) >> 1
            if blocks[mid].entries[blocks[mid].entries.count - 1].key < key { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    mutating func insert(_ entry: Entry) {
        count += 1
        if blocks.isEmpty {
            blocks.append(Block([entry]))
            return
        }
        let b = blockIndex(for: entry.key)
        let pos = blocks[b].lowerBound(entry.key)
        precondition(pos == blocks[b].entries.count || blocks[b].entries[pos].key != entry.key, "duplicate placement key")
        blocks[b].entries.insert(entry, at: pos)
        if entry.freeMemoryBytes > blocks[b].maxFreeMemoryBytes { blocks[b].maxFreeMemoryBytes = entry.freeMemoryBytes }
        if entry.freeOcpus > blocks[b].maxFreeOcpus { blocks[b].maxFreeOcpus = entry.freeOcpus }
        if blocks[b].entries.count > Self.maxBlockCount {
            let half = blocks[b].entries.count / 2
            let upper = Block(Array(blocks[b].entries[half...]))
            blocks[b].entries.removeSubrange(half...)
            blocks[b].recomputeMaxima()
            blocks.insert(upper, at: b + 1)
        }
    }

    mutating func remove(_ key: PlacementKey) {
        precondition(!blocks.isEmpty, "removing from an empty host list")
        let b = blockIndex(for: key)
        let pos = blocks[b].lowerBound(key)
        precondition(pos < blocks[b].entries.count && blocks[b].entries[pos].key == key, "placement key not indexed")
        let removed = blocks[b].entries.remove(at: pos)
        count -= 1
        if blocks[b].entries.isEmpty {
            blocks.remove(at: b)
        } else if removed.freeMemoryBytes == blocks[b].maxFreeMemoryBytes || removed.freeOcpus == blocks[b].maxFreeOcpus {
            blocks[b].recomputeMaxima()
        }
    }

    /// Replace the entry with `entry.key` (same key, new free resources).
    mutating func update(_ entry: Entry) {
        precondition(!blocks.isEmpty, "updating an empty host list")
        let b = blockIndex(for: entry.key)
        let pos = blocks[b].lowerBound(entry.key)
        precondition(pos < blocks[b].entries.count && blocks[b].entries[pos].key == entry.key, "placement key not indexed")
        let old = blocks[b].entries[pos]
        blocks[b].entries[pos] = entry
        if (old.freeMemoryBytes == blocks[b].maxFreeMemoryBytes && entry.freeMemoryBytes < old.freeMemoryBytes)
            || (old.freeOcpus == blocks[b].maxFreeOcpus && entry.freeOcpus < old.freeOcpus) {
            blocks[b].recomputeMaxima()
        } else {
            if entry.freeMemoryBytes > blocks[b].maxFreeMemoryBytes { blocks[b].maxFreeMemoryBytes = entry.freeMemoryBytes }
            if entry.freeOcpus > blocks[b].maxFreeOcpus { blocks[b].maxFreeOcpus = entry.freeOcpus }
        }
    }

    /// Position (block, offset) of the first entry whose key is not below `key`; `(blocks.count, 0)`
    /// when there is none.
    func position(atLeast key: PlacementKey) -> (block: Int, offset: Int) {
        guard !blocks.isEmpty else { return (0, 0) }
        let b = blockIndex(for: key)
        let pos = blocks[b].lowerBound(key)
        if pos == blocks[b].entries.count { return (b + 1, 0) }
        return (b, pos)
    }

    /// Entries in order (tests and diagnostics).
    var allEntries: [Entry] { blocks.flatMap(\.entries) }
}
