/// XBZRLE delta compression of re-sent pages (QEMU `xbzrle` capability). Pages are only
/// delta-encoded against a cached copy, so it helps from the second pass on (ram.c
/// save_xbzrle_page is skipped during the bulk stage). Hit ratio and encoded size are workload
/// properties and given as parameters.
public struct XbzrleSettings: Sendable, Equatable {
    /// options.c DEFAULT_MIGRATE_XBZRLE_CACHE_SIZE (64 MiB).
    public var cacheBytes: Double = 64 * 1024 * 1024
    /// Fraction of re-sent pages found in the cache, before the cache-size limit. Assumption.
    public var hitRatio: Double = 0.5
    /// Encoded size of a hit page as a fraction of the page. Assumption.
    public var encodedFraction: Double = 0.25
    public init() {}

    /// Effective hit ratio for a pass of `passBytes`: the cache cannot hold more than its size.
    public func effectiveHitRatio(passBytes: Double) -> Double {
        guard passBytes > 0 else { return 0 }
        return min(hitRatio, cacheBytes / passBytes)
    }
}

/// Parallel streams. One TCP stream tops out below a fast NIC; multifd spreads pages over
/// `channels` streams (options.c DEFAULT_MIGRATE_MULTIFD_CHANNELS 2).
public struct StreamSettings: Sendable, Equatable {
    /// 1 = classic single stream; > 1 = multifd.
    public var channels: Int = 1
    /// What one stream can carry; nil = no per-stream limit. Assumption-level knob.
    public var perChannelBytesPerSecond: Double? = nil
    public init(channels: Int = 1, perChannelBytesPerSecond: Double? = nil) {
        self.channels = channels
        self.perChannelBytesPerSecond = perChannelBytesPerSecond
    }

    /// The link rate the migration can actually use.
    public func usableRate(linkBytesPerSecond: Double) -> Double {
        guard let per = perChannelBytesPerSecond else { return linkBytesPerSecond }
        return min(linkBytesPerSecond, per * Double(max(1, channels)))
    }
}
