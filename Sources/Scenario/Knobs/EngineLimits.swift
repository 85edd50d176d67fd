/// The bounds of the engine's parameters, one rule each, checked alike by the scenario reader
/// (`campaign.live_migration`) and by `fleetsim migrate` (MigrateSetup), so a value one of
/// them accepts the other does too.
public enum EngineLimits {
    /// QEMU refuses a downtime-limit above MAX_MIGRATE_DOWNTIME_SECONDS (2000 s,
    /// migration/options.c); zero would never switch over unless nothing is dirty.
    public static let maxDowntimeLimitSeconds = 2000.0

    public static func isValidDowntimeLimit(seconds: Double) -> Bool {
        seconds > 0 && seconds <= maxDowntimeLimitSeconds
    }

    /// QEMU's target page size is a power of two (4 KiB on x86, 64 KiB on some arm64, 2 MiB or
    /// 1 GiB huge pages); no architecture goes below 512 B.
    public static let pageSizeExpected = "a power of two from 512B to 1GiB (e.g. 4KiB, 2MiB)"

    public static func isValidPageSize(bytes: Double) -> Bool {
        guard bytes >= 512, bytes <= Double(1 << 30), bytes == bytes.rounded() else { return false }
        let whole = Int64(bytes)
        return whole & (whole - 1) == 0
    }

    /// Post-copy after this many pre-copy passes: at least one (post-copy needs a pass to
    /// have sent memory) and at most 10^6, the bound `fleetsim migrate` has always used (a
    /// run takes about one controller step per pass, 200,000 by default).
    public static let maxPostcopyAfterPasses = 1_000_000
    public static let postcopyAfterPasses = QuantityRange(lower: 1, upper: Double(maxPostcopyAfterPasses))
}
