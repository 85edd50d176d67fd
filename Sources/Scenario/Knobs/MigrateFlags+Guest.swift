/// `fleetsim migrate` flags of docs/migrate.md's "Guest" section.
extension MigrateFlags {
    // MARK: Guest

    public static let memory = FlagKnob(
        "memory", argument: "SIZE", valueName: "size",
        help: "Guest memory (required), e.g. 16GiB; a whole number of pages.",
        default: "required",
        notes: "guest RAM; a whole number of pages")
    public static let dirty = FlagKnob(
        "dirty", argument: "RATE", valueName: "rate",
        help: "Guest write rate: 200MiB/s, 50000pages/s or 2%/s (of memory per second). With --hot-fraction, the rate of the cold rest of memory. Default 0.",
        default: "`0`",
        notes: "the guest's write rate, in one of three forms: bytes per second `200MiB/s` (any byte or bit rate unit), pages per second `50000pages/s` (pages of `--page-size`), or a fraction of the whole memory per second `2%/s` / `0.02/s`. With `--hot-fraction`, the rate of the cold rest of memory")
    public static let hotFraction = FlagKnob(
        "hot-fraction", argument: "F", valueName: "fraction",
        help: "Share of memory that is hot, e.g. 10%; needs --hot-dirty.",
        default: "none",
        notes: "share of memory that is hot (`10%`, `0.1`); needs `--hot-dirty`")
    public static let hotDirty = FlagKnob(
        "hot-dirty", argument: "RATE", valueName: "rate",
        help: "Write rate of the hot region, in the forms of --dirty.",
        default: "none",
        notes: "write rate of the hot region, same forms as `--dirty` (a `%/s` rate is a fraction of the *whole* memory)")
    public static let dirtyDistribution = FlagKnob(
        "dirty-distribution", argument: "uniform\\|sequential", valueName: "uniform|sequential",
        help: "How writes land on a region: uniform (at random) or sequential (on pages not yet written since the last sync).",
        default: "`uniform`",
        notes: "`uniform`: each write hits a random page of its region, N(1 − e^(−W/N)) distinct pages after W writes; `sequential`: writes hit pages not yet written since the last sync (a streaming writer; dirty bytes grow linearly)")
    public static let phase = FlagKnob(
        "phase", argument: "TIME=FACTOR", valueName: "time=factor",
        help: "From TIME on, multiply every write rate by FACTOR, e.g. 60s=2 (repeatable; analytic and bitmap).",
        default: "none",
        notes: "repeatable: from TIME on, every write rate is multiplied by FACTOR (`60s=2`)")
    public static let dirtyModel = FlagKnob(
        "dirty-model", argument: "analytic\\|bitmap\\|trace", valueName: "analytic|bitmap|trace",
        help: "Dirty-memory model: analytic (expected distinct pages, O(1)), bitmap (a real page bitmap, writes drawn from a GSL stream seeded by --seed) or trace (replays --dirty-trace).",
        default: "`analytic`",
        notes: "`analytic`: expected distinct dirty pages, O(1) per step (DESIGN.md); `bitmap`: a real page bitmap with writes drawn from a GSL mt19937 stream, exact and slower, used to validate `analytic`; `trace`: replays `--dirty-trace`")
    public static let dirtyTrace = FlagKnob(
        "dirty-trace", argument: "FILE", valueName: "file",
        help: "CSV of 'seconds,bytes_per_second' lines for --dirty-model trace (e.g. dirty-pages-rate sampled from query-migrate).",
        default: "none",
        notes: "CSV of `seconds,bytes_per_second` lines (a header line and `#` comments are skipped), e.g. `dirty-pages-rate` sampled from `query-migrate`; only with `--dirty-model trace`, which takes no other rate flags. The name must end in `.csv`; times and rates must be finite and non-negative (a bad row is an error naming its line); more than 100,000 samples (a day at one a second), or a file too large for `--max-memory`, is refused; a long trace lowers the `--max-steps` bound (the model sums the trace at each step)")
    public static let seed = FlagKnob(
        "seed", argument: "N", valueName: "n",
        help: "Seed of the bitmap model's random stream.",
        default: "`1`",
        notes: "seeds the bitmap model's stream (derived per purpose, as every fleetsim stream is)")
    public static let pageSize = FlagKnob(
        "page-size", argument: "SIZE", valueName: "size",
        help: "Page size (TARGET_PAGE_SIZE 4KiB on x86; 2MiB for huge pages). A power of two.",
        default: "`4KiB`",
        notes: "TARGET_PAGE_SIZE on x86; `2MiB` (or `1GiB`) for huge-page backed guests; a power of two")
    public static let zeroPages = FlagKnob(
        "zero-pages", argument: "F", valueName: "fraction",
        help: "Fraction of pages that are all zeros in pass 0 (sent as a 9-byte marker). Default 0.",
        default: "`0`",
        notes: "share of pages that are all zeros when pass 0 reaches them (workload property)")
    public static let deviceState = FlagKnob(
        "device-state", argument: "SIZE", valueName: "size",
        help: "Device state sent during downtime (VFIO devices can be large). Default 1MiB (assumption).",
        default: "`1MiB`",
        notes: "*assumption*; sent during downtime (VFIO devices can add hundreds of MiB)")
    static var guest: [FlagKnob] {
        [memory, dirty, hotFraction, hotDirty, dirtyDistribution, phase, dirtyModel, dirtyTrace, seed, pageSize, zeroPages, deviceState]
    }

    static var guestTable: KnobTable {
        KnobTable(id: "migrate.guest", file: .migrate, header: "| flag | default | source / notes |", knobs: guest)
    }
}
