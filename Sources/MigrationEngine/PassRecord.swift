/// One pre-copy pass, ended by a dirty-bitmap sync (QEMU's dirty-sync-count counts these plus
/// the sync at setup).
public struct PassRecord: Sendable, Equatable {
    public var index: Int
    public var startSeconds: Double
    public var durationSeconds: Double
    /// Bytes put on the wire during the pass (pages, headers, zero-page markers).
    public var bytesSent: Double
    /// Dirty bytes found at the sync that ended the pass.
    public var dirtyBytesAtSync: Double
    /// Throttle in force during the pass.
    public var throttlePercent: Int
    /// Downtime limit in force at the sync.
    public var downtimeLimitSeconds: Double
    /// Bandwidth estimate (last 100 ms window) at the sync.
    public var bandwidthEstimateBytesPerSecond: Double
}
