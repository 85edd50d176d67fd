/// At which granularity the pre-copy controller decides.
public enum PrecopyLoop: String, Sendable, Equatable {
    /// QEMU's migration thread (migration/migration.c migration_thread ->
    /// migration_iteration_run, migration_rate_limit; migration/ram.c ram_save_iterate):
    /// a loop of "check pending against the threshold; maybe sync; maybe complete; else one
    /// send step", with syncs in the middle of a scan over memory and zero pages interleaved
    /// in address order. See `QemuThreadLoop`.
    case qemu
    /// The textbook model: a pass over the dirty set, then a sync and the switchover test at
    /// the end of the pass (the closed forms of geometric pre-copy, and Xen's xc_domain_save,
    /// which really works pass by pass).
    case perPass = "per-pass"
    /// SimGrid's VM live-migration plugin (3.32, src/plugins/vm/VmLiveMigration.cpp,
    /// MigrationTx): rounds as whole messages, a threshold from the bandwidth measured over the
    /// last round, dirty bytes linear in the round's length up to a working set. See
    /// `PrecopyController+SimGrid.swift`; the `simgrid` preset selects it.
    case simgrid
}
