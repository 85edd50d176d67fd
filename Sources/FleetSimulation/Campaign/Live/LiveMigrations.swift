import FleetModel

/// The live migrations in progress, by slot, and each instance's slot. Slots are reused, so
/// the table stays as large as the most migrations ever in flight at once. Kept apart from
/// the moves' records so the hot path (every `.liveStep` and re-rate) never copies a `Move`.
struct LiveMigrations {
    private var migrations: [LiveMigration?] = []
    /// Each instance's slot (-1: none); Int32 to keep the per-instance column small.
    private var slotOfInstance: [Int32]
    private var freeSlots: [Int] = []
    /// The last migration's parameters and guest model, for the next alike one.
    var setupMemo = LiveSetupMemo()

    init(instanceCount: Int) {
        slotOfInstance = Array(repeating: -1, count: instanceCount)
    }

    /// The slot of `i`'s live migration, if one is in progress.
    @inline(__always) func slot(of i: InstanceID) -> Int? {
        let slot = Int(slotOfInstance[i.int])
        return slot >= 0 ? slot : nil
    }

    @inline(__always) subscript(slot: Int) -> LiveMigration? { migrations[slot] }

    /// `i`'s live migration, if one is in progress.
    @inline(__always) func migration(of i: InstanceID) -> LiveMigration? {
        guard let slot = slot(of: i) else { return nil }
        return migrations[slot]
    }

    mutating func add(_ migration: LiveMigration, for i: InstanceID) {
        let slot: Int
        if let free = freeSlots.popLast() { slot = free } else { slot = migrations.count; migrations.append(nil) }
        migrations[slot] = migration
        slotOfInstance[i.int] = Int32(slot)
    }

    mutating func remove(slot: Int, of i: InstanceID) {
        migrations[slot] = nil
        freeSlots.append(slot)
        slotOfInstance[i.int] = -1
    }
}
