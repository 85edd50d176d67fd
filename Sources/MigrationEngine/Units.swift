/// Byte and rate constants. Sizes are binary (KiB = 1024 bytes), link speeds decimal
/// (1 Gbit/s = 10^9 bit/s), as operators and `virsh`/QEMU print them.
public enum Bytes {
    public static let kibibyte: Double = 1024
    public static let mebibyte: Double = 1024 * 1024
    public static let gibibyte: Double = 1024 * 1024 * 1024

    /// Bytes per second of a link given in gigabits per second.
    public static func bytesPerSecond(gigabitsPerSecond: Double) -> Double {
        gigabitsPerSecond * 1e9 / 8
    }
}

/// Conversions between the engine's floating-point seconds and the kernel's integer nanoseconds.
public enum EngineTime {
    public static func seconds(nanoseconds: Int64) -> Double { Double(nanoseconds) / 1e9 }

    /// The first whole nanosecond at or after `seconds` (so that an event scheduled there never
    /// fires before the decision point it stands for). Infinity maps to Int64.max.
    public static func nanoseconds(roundingUp seconds: Double) -> Int64 {
        if !seconds.isFinite || seconds >= 9.2e9 { return Int64.max }
        return Int64((seconds * 1e9).rounded(.up))
    }
}
