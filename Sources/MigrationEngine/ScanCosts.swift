/// What sending one page costs the migration thread, on the wire and in time.
///
/// A page found dirty is checked for zeros first (migration/ram.c save_zero_page ->
/// buffer_is_zero): a zero page goes out as a header and one byte (RAM_SAVE_FLAG_ZERO), any
/// other page as a header and the page (save_normal_page). The check reads the whole page when
/// it is zero, so zero pages cost CPU time though hardly any wire. Time is serial: the thread
/// checks, then writes.
public struct ScanCosts: Sendable, Equatable {
    public var pageWireBytes: Double
    public var zeroWireBytes: Double
    /// Seconds per non-zero page after the first pass (wire bytes / link rate).
    public var pageSeconds: Double
    /// Seconds per non-zero page in the first pass over memory (`first_pass_rate`, when slower).
    public var firstRoundPageSeconds: Double
    /// Seconds per zero page: its check plus its 9 bytes on the wire.
    public var zeroSeconds: Double

    public init(parameters p: MigrationParameters, linkBytesPerSecond rate: Double) {
        self.init(pageSizeBytes: p.pageSizeBytes, pageHeaderBytes: p.pageHeaderBytes,
                  zeroPageWireBytes: p.zeroPageWireBytes, firstPassBytesPerSecond: p.firstPassBytesPerSecond,
                  zeroScanBytesPerSecond: p.zeroScanBytesPerSecond, linkBytesPerSecond: rate)
    }

    /// The same from the parameters' fields (the controller's hot path: no copy of the whole
    /// `MigrationParameters`).
    init(pageSizeBytes: Int64, pageHeaderBytes: Int64, zeroPageWireBytes: Int64, firstPassBytesPerSecond: Double?,
         zeroScanBytesPerSecond: Double, linkBytesPerSecond rate: Double) {
        pageWireBytes = Double(pageSizeBytes + pageHeaderBytes)
        zeroWireBytes = Double(zeroPageWireBytes)
        let r = max(rate, 0)
        pageSeconds = r > 0 ? pageWireBytes / r : .infinity
        let first = firstPassBytesPerSecond.map { min($0, r) } ?? r
        firstRoundPageSeconds = first > 0 ? pageWireBytes / first : .infinity
        let check = zeroScanBytesPerSecond > 0 ? Double(pageSizeBytes) / zeroScanBytesPerSecond : 0
        zeroSeconds = (r > 0 ? zeroWireBytes / r : .infinity) + check
    }
}

/// Where the scan is: the next page address to look at, and whether it is still in the first
/// round over memory (the bulk stage, where zero pages exist and `first_pass_rate` applies).
public struct ScanPosition: Sendable, Equatable {
    public var page: Double
    public var firstRound: Bool
    public init(page: Double = 0, firstRound: Bool = true) {
        self.page = page
        self.firstRound = firstRound
    }
}

/// The result of walking the scan forward.
public struct ScanWalk: Sendable, Equatable {
    public var position: ScanPosition
    public var bytes: Double = 0
    public var seconds: Double = 0
    /// Dirty pages sent (they leave the migration bitmap).
    public var pages: Double = 0
    /// Of which zero pages.
    public var zeroPages: Double = 0
    /// Whether the walk passed the end of memory and started over at page 0.
    public var wrapped = false
}
