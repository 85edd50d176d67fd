/// The wire as QEMU's rate limiter shapes it, tracked lazily in O(1) per advance.
///
/// With `max_bandwidth` set, QEMU lets each BUFFER_DELAY = 100 ms window carry
/// max_bandwidth / XFER_LIMIT_RATIO (= /10) bytes (migration.c / migration-stats.c
/// migration_rate_set, migration_rate_exceeded): the quota goes out in a burst at link speed and
/// the thread then sleeps until the window ends. Windows run back to back from the start of the
/// iteration phase; the throughput of the last closed window is the bandwidth estimate.
public struct BandwidthWindow: Sendable {
    public let windowSeconds: Double
    /// Bytes allowed per window (infinity when uncapped).
    public let quotaBytes: Double
    var windowStartSeconds: Double
    var windowBytes: Double = 0
    /// Throughput of the last closed window; nil until the first window closes.
    public private(set) var lastWindowBytesPerSecond: Double? = nil

    public init(startSeconds: Double, windowSeconds: Double = 0.1, capBytesPerSecond: Double?) {
        self.windowSeconds = windowSeconds
        windowStartSeconds = startSeconds
        quotaBytes = capBytesPerSecond.map { $0 * windowSeconds } ?? .infinity
    }

    /// Let the wire run from `now` for `seconds` at link `rate` (the wire may also be idle:
    /// `sending` false) and return the bytes sent.
    public mutating func advance(from now: Double, seconds: Double, rate: Double, sending: Bool = true) -> Double {
        var t = now
        var remaining = seconds
        var sent = 0.0
        let r = sending ? max(0, rate) : 0
        var guardCount = 0
        while remaining > 0 && guardCount < 8 {
            guardCount += 1
            let windowEnd = windowStartSeconds + windowSeconds
            let segment = min(remaining, max(0, windowEnd - t))
            let b = min(r * segment, max(0, quotaBytes - windowBytes))
            windowBytes += b; sent += b; t += segment; remaining -= segment
            if t >= windowEnd - 1e-12 {
                lastWindowBytesPerSecond = windowBytes / windowSeconds
                windowStartSeconds = windowEnd
                windowBytes = 0
                t = max(t, windowEnd)
            }
            if remaining <= 1e-15 { break }
            let full = (remaining / windowSeconds).rounded(.down)
            if full >= 1 {
                let perWindow = min(quotaBytes, r * windowSeconds)
                sent += full * perWindow
                lastWindowBytesPerSecond = perWindow / windowSeconds
                windowStartSeconds += full * windowSeconds
                t += full * windowSeconds
                remaining -= full * windowSeconds
            }
        }
        return sent
    }

    /// Seconds from `now` until `bytes` more have been sent at link `rate`, honouring the quota.
    public func secondsToSend(_ bytes: Double, from now: Double, rate: Double) -> Double {
        if bytes <= 0 { return 0 }
        if rate <= 0 { return .infinity }
        let windowEnd = windowStartSeconds + windowSeconds
        let inWindow = min(max(0, quotaBytes - windowBytes), rate * max(0, windowEnd - now))
        if bytes <= inWindow { return bytes / rate }
        let rest = bytes - inWindow
        let perWindow = min(quotaBytes, rate * windowSeconds)
        let fullWindows = max(0, (rest / perWindow).rounded(.up) - 1)
        let last = rest - fullWindows * perWindow
        return max(0, windowEnd - now) + fullWindows * windowSeconds + last / rate
    }
}
