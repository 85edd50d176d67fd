import Stochastics

/// The guest's dirty-memory model, one of three kinds (exactly one of `analytic`, `bitmap`,
/// `trace` is set). Concrete storage rather than a protocol existential so the controller's
/// hot path has no boxing; optionals rather than an enum's payloads so that
/// `analytic!.advance(...)` mutates in place. A `switch` over an enum had to copy the payload
/// out and store it back on every advance and sync: a retain and a release of each of the
/// analytic model's five arrays, about a third of `advanceReporting` in concurrent-10k
/// (docs/performance.md, "Per-event copies, a heap of dispatch candidates, flat crossings").
public struct DirtyModel {
    public private(set) var analytic: AnalyticDirtyModel?
    public private(set) var bitmap: BitmapDirtyModel?
    public private(set) var trace: TraceDirtyModel?

    private init(analytic: AnalyticDirtyModel? = nil, bitmap: BitmapDirtyModel? = nil, trace: TraceDirtyModel? = nil) {
        self.analytic = analytic
        self.bitmap = bitmap
        self.trace = trace
    }

    public static func analytic(_ model: AnalyticDirtyModel) -> DirtyModel { DirtyModel(analytic: model) }
    public static func bitmap(_ model: BitmapDirtyModel) -> DirtyModel { DirtyModel(bitmap: model) }
    public static func trace(_ model: TraceDirtyModel) -> DirtyModel { DirtyModel(trace: model) }
    public static func analytic(_ workload: GuestWorkload) -> DirtyModel { .analytic(AnalyticDirtyModel(workload: workload)) }
    public static func bitmap(_ workload: GuestWorkload, stream: RandomStream) -> DirtyModel {
        .bitmap(BitmapDirtyModel(workload: workload, stream: stream))
    }

    /// Let `seconds` of wall time pass with the guest running `runFraction` of it (1 - throttle).
    @inline(__always) public mutating func advance(seconds: Double, runFraction: Double) {
        if analytic != nil {
            analytic!.advance(seconds: seconds, runFraction: runFraction)
        } else if bitmap != nil {
            bitmap!.advance(seconds: seconds, runFraction: runFraction)
        } else {
            trace!.advance(seconds: seconds, runFraction: runFraction)
        }
    }

    /// Distinct pages dirtied since the last sync.
    public var dirtyPages: Double {
        if analytic != nil { return analytic!.dirtyPages }
        if bitmap != nil { return bitmap!.dirtyPages }
        return trace!.dirtyPages
    }

    /// A dirty-bitmap sync: return the dirty pages and start a new log.
    public mutating func sync() -> Double {
        if analytic != nil { return analytic!.sync() }
        if bitmap != nil { return bitmap!.sync() }
        return trace!.sync()
    }

    /// The analytic model's sync with each region's share of it (`ScanMemory.sync`).
    mutating func syncAnalytic() -> [Double] {
        let shares = analytic!.regionDirtyShares
        _ = analytic!.sync()
        return shares
    }

    /// The bitmap model's sync into the scan's send bitmap (`ScanMemory.sync`).
    mutating func syncBitmap(into send: PageBitmap) -> Double { bitmap!.sync(into: send) }

    /// The guest's write rate in pages per second before throttle (for post-copy fault estimates).
    public var writePagesPerSecond: Double {
        if analytic != nil { return analytic!.workload.writePagesPerSecond }
        if bitmap != nil { return bitmap!.workload.writePagesPerSecond }
        return (trace!.samples.last?.bytesPerSecond ?? 0) / Double(trace!.pageSizeBytes)
    }
}
