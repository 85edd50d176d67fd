/// QEMU's auto-converge knobs. Defaults: migration/options.c
/// (DEFAULT_MIGRATE_THROTTLE_TRIGGER_THRESHOLD 50, DEFAULT_MIGRATE_CPU_THROTTLE_INITIAL 20,
/// DEFAULT_MIGRATE_CPU_THROTTLE_INCREMENT 10, DEFAULT_MIGRATE_MAX_CPU_THROTTLE 99,
/// x-cpu-throttle-tailslow false).
public struct AutoConvergeSettings: Sendable, Equatable {
    public var initialPercent: Int = 20
    public var incrementPercent: Int = 10
    public var maxPercent: Int = 99
    public var triggerThresholdPercent: Int = 50
    public var tailslow: Bool = false
    /// The rule is evaluated only at syncs more than this long after the period began
    /// (ram.c migration_bitmap_sync: `end_time > rs->time_last_bitmap_sync + 1000`).
    public var minPeriodSeconds: Double = 1.0
    public init() {}
}

/// The auto-converge rule as a small state machine, evaluated at each dirty-bitmap sync.
///
/// QEMU (migration/ram.c, migration_bitmap_sync -> migration_trigger_throttle ->
/// mig_throttle_guest_down): the bytes dirtied and the bytes sent are accumulated over a
/// period; at the first sync more than 1 s after the period began, if dirtied bytes exceed
/// threshold% of the bytes sent, `dirty_rate_high_cnt` is incremented, and when it reaches 2 it
/// is reset and the guest is throttled down: to `initial` if not yet throttled, else by
/// `increment` (or, with tailslow, by min(increment, cpu_now - cpu_now * threshold/dirty)),
/// capped at `max`. The period counters then restart. The throttle stays until the migration
/// ends (cpu_throttle_stop in migration cleanup).
public struct AutoConverge: Sendable {
    public let settings: AutoConvergeSettings
    public private(set) var throttlePercent: Int = 0
    var periodStartSeconds: Double
    var periodStartBytesSent: Double
    var periodDirtyBytes: Double = 0
    var dirtyRateHighCount = 0

    public init(settings: AutoConvergeSettings, startSeconds: Double, bytesSent: Double) {
        self.settings = settings
        periodStartSeconds = startSeconds
        periodStartBytesSent = bytesSent
    }

    /// The guest's run fraction under the current throttle: a throttle of p% sleeps the vCPUs
    /// p% of each time slice (system/cpu-throttle.c cpu_throttle_thread: sleep =
    /// pct / (1 - pct) x CPU_THROTTLE_TIMESLICE_NS for each slice of run time).
    public var runFraction: Double { 1 - Double(throttlePercent) / 100 }

    /// Account a sync that found `dirtyBytes` newly dirty; returns the new throttle when it was raised.
    public mutating func onSync(nowSeconds: Double, dirtyBytes: Double, totalBytesSent: Double) -> Int? {
        periodDirtyBytes += dirtyBytes
        guard nowSeconds > periodStartSeconds + settings.minPeriodSeconds else { return nil }
        let bytesSentPeriod = totalBytesSent - periodStartBytesSent
        let threshold = bytesSentPeriod * Double(settings.triggerThresholdPercent) / 100
        var raised: Int? = nil
        if periodDirtyBytes > threshold {
            dirtyRateHighCount += 1
            if dirtyRateHighCount >= 2 {
                dirtyRateHighCount = 0
                raised = throttleDown(dirtyBytes: periodDirtyBytes, thresholdBytes: threshold)
            }
        }
        periodStartSeconds = nowSeconds
        periodStartBytesSent = totalBytesSent
        periodDirtyBytes = 0
        return raised
    }

    mutating func throttleDown(dirtyBytes: Double, thresholdBytes: Double) -> Int {
        if throttlePercent == 0 {
            throttlePercent = settings.initialPercent
        } else {
            var increment = settings.incrementPercent
            if settings.tailslow, dirtyBytes > 0 {
                let cpuNow = Double(100 - throttlePercent)
                let cpuIdeal = cpuNow * (thresholdBytes / dirtyBytes)
                increment = min(Int(cpuNow - cpuIdeal), settings.incrementPercent)
            }
            throttlePercent = min(throttlePercent + increment, settings.maxPercent)
        }
        return throttlePercent
    }
}
