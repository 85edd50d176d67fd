/// QEMU's switchover rule (migration/migration.c).
///
/// The bandwidth estimate is the throughput of the last closed window of BUFFER_DELAY = 100 ms
/// (migration_update_counters: `bandwidth = transferred / time_spent`, computed only once
/// `current_time >= iteration_start_time + BUFFER_DELAY`), or `avail-switchover-bandwidth`
/// when the user set it. `threshold_size = bandwidth x downtime_limit`; it is 0 until the
/// first window closes. migration_iteration_run switches over when the pending dirty bytes are
/// 0 or below the threshold.
public enum SwitchoverRule {
    public static func thresholdBytes(windowBandwidthBytesPerSecond: Double?,
                                      availSwitchoverBandwidthBytesPerSecond: Double?,
                                      downtimeLimitSeconds: Double) -> Double {
        if let avail = availSwitchoverBandwidthBytesPerSecond, avail > 0 { return avail * downtimeLimitSeconds }
        return (windowBandwidthBytesPerSecond ?? 0) * downtimeLimitSeconds
    }

    public static func shouldSwitchOver(pendingBytes: Double, thresholdBytes: Double) -> Bool {
        pendingBytes <= 0 || pendingBytes < thresholdBytes
    }
}
