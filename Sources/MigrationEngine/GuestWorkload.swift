/// How a region's writes land on its pages.
public enum WriteDistribution: Sendable, Equatable {
    /// Each write picks a page of the region uniformly at random: the expected number of distinct
    /// pages after W writes over N pages is N (1 - e^{-W/N}).
    case uniform
    /// Each write hits a page not yet written since the last sync, until the region is full
    /// (a streaming writer; the classic pre-copy model where dirty bytes grow linearly).
    case distinctUntilFull
}

/// One region of the writable working set: a share of guest memory and its own write rate.
public struct DirtyRegion: Sendable, Equatable {
    public var fractionOfMemory: Double
    public var writeRate: DirtyRate
    public var distribution: WriteDistribution
    /// First guest page of the region (its address / page size); nil = right after the previous
    /// region (the first one at page 0). The `qemu` loop scans memory in address order, so where
    /// a hot region lies decides when the scan meets it.
    public var startPage: Int?

    public init(fractionOfMemory: Double, writeRate: DirtyRate, distribution: WriteDistribution = .uniform,
                startPage: Int? = nil) {
        self.fractionOfMemory = fractionOfMemory
        self.writeRate = writeRate
        self.distribution = distribution
        self.startPage = startPage
    }
}

/// From `startSeconds` (guest time since migration start) on, every region's rate is multiplied
/// by `rateMultiplier`, until the next phase.
public struct DirtyPhase: Sendable, Equatable {
    public var startSeconds: Double
    public var rateMultiplier: Double
    public init(startSeconds: Double, rateMultiplier: Double) {
        self.startSeconds = startSeconds
        self.rateMultiplier = rateMultiplier
    }
}

/// The guest side of a migration: its memory, page size and write behaviour.
public struct GuestWorkload: Sendable, Equatable {
    public var memoryBytes: Int64
    public var pageSizeBytes: Int64
    /// Regions of the writable working set; the rest of memory is never written.
    public var regions: [DirtyRegion]
    /// Optional rate phases over time; empty = constant rates.
    public var phases: [DirtyPhase]

    public init(memoryBytes: Int64, pageSizeBytes: Int64 = 4096, regions: [DirtyRegion] = [],
                phases: [DirtyPhase] = []) {
        self.memoryBytes = memoryBytes
        self.pageSizeBytes = pageSizeBytes
        self.regions = regions
        self.phases = phases.sorted { $0.startSeconds < $1.startSeconds }
    }

    /// Uniform writes at `rate` over the whole of memory.
    public static func uniform(memoryBytes: Int64, pageSizeBytes: Int64 = 4096, rate: DirtyRate,
                               distribution: WriteDistribution = .uniform) -> GuestWorkload {
        GuestWorkload(memoryBytes: memoryBytes, pageSizeBytes: pageSizeBytes,
                      regions: [DirtyRegion(fractionOfMemory: 1, writeRate: rate, distribution: distribution)])
    }

    /// A hot region (`hotFraction` of memory at `hotRate`) and a cold one (the rest at `coldRate`).
    public static func hotCold(memoryBytes: Int64, pageSizeBytes: Int64 = 4096, hotFraction: Double,
                               hotRate: DirtyRate, coldRate: DirtyRate) -> GuestWorkload {
        GuestWorkload(memoryBytes: memoryBytes, pageSizeBytes: pageSizeBytes, regions: [
            DirtyRegion(fractionOfMemory: hotFraction, writeRate: hotRate),
            DirtyRegion(fractionOfMemory: 1 - hotFraction, writeRate: coldRate),
        ])
    }

    public var totalPages: Int { Int(memoryBytes / pageSizeBytes) }

    /// Page count of each region (the last region absorbs rounding).
    var regionPageCounts: [Int] {
        var counts: [Int] = []
        var used = 0
        for (i, r) in regions.enumerated() {
            let n = i == regions.count - 1 && abs(regions.reduce(0) { $0 + $1.fractionOfMemory } - 1) < 1e-9
                ? totalPages - used
                : Int((r.fractionOfMemory * Double(totalPages)).rounded())
            counts.append(max(0, min(n, totalPages - used)))
            used += counts.last!
        }
        return counts
    }

    /// First page of each region: its `startPage`, or right after the previous region; clamped
    /// so the region fits in memory.
    var regionStartPages: [Int] {
        let counts = regionPageCounts
        var starts: [Int] = []
        var next = 0
        for (i, r) in regions.enumerated() {
            let s = max(0, min(r.startPage ?? next, totalPages - counts[i]))
            starts.append(s)
            next = s + counts[i]
        }
        return starts
    }

    /// Total write rate in pages per second (before phases and throttle).
    public var writePagesPerSecond: Double {
        regions.reduce(0) { $0 + $1.writeRate.pagesPerSecond(memoryBytes: memoryBytes, pageSizeBytes: pageSizeBytes) }
    }

    /// Integral of the phase multiplier over guest time [from, to).
    func phaseIntegral(from: Double, to: Double) -> Double {
        if phases.isEmpty || to <= from { return max(0, to - from) }
        var total = 0.0
        var multiplier = 1.0
        var cursor = from
        for p in phases {
            if p.startSeconds <= cursor { multiplier = p.rateMultiplier; continue }
            if p.startSeconds >= to { break }
            total += multiplier * (p.startSeconds - cursor)
            cursor = p.startSeconds
            multiplier = p.rateMultiplier
        }
        total += multiplier * (to - cursor)
        return total
    }
}
