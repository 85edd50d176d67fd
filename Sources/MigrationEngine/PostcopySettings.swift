/// Post-copy knobs (QEMU `postcopy-ram` capability + `migrate-start-postcopy`).
public struct PostcopySettings: Sendable, Equatable {
    /// Switch to post-copy after this many completed pre-copy passes; nil = only on timeout or
    /// force-complete.
    public var afterPasses: Int? = nil
    /// Background page push rate cap; nil = uncapped (options.c
    /// DEFAULT_MIGRATE_MAX_POSTCOPY_BANDWIDTH 0 = unlimited).
    public var maxPostcopyBandwidthBytesPerSecond: Double? = nil
    /// Round trip of one page fault request to the source and its answer. Assumption: 0.5 ms
    /// (a data-centre RTT plus the page), not a QEMU constant.
    public var faultRoundTripSeconds: Double = 0.0005
    public init(afterPasses: Int? = nil) { self.afterPasses = afterPasses }
}
