/// What a controller sees of a migration at a point in time: the same figures `query-migrate`
/// reports (elapsed time, bytes transferred, dirty bytes at the last sync, throughput of the
/// last window, throttle). A real-hypervisor adapter would fill this from QMP.
public struct MigrationObservation: Sendable, Equatable {
    public var elapsedSeconds: Double
    public var bytesSent: Double
    public var dirtyBytesAtLastSync: Double
    /// Throughput of the last closed 100 ms window; nil before the first window closes.
    public var windowBandwidthBytesPerSecond: Double?
    public var throttlePercent: Int
    public var downtimeLimitSeconds: Double
    public var dirtySyncCount: Int
    public var passIndex: Int
}
