/// The migration bitmap the `qemu` loop scans: `DensityScan` for the analytic and trace dirty
/// models, `BitmapScan` for the bitmap model. An enum rather than an existential (hot path).
public enum ScanMemory {
    case density(DensityScan)
    case bitmap(BitmapScan)

    /// The bitmap a migration starts with (all pages set), laid out for `guest`.
    public init(guest: DirtyModel, parameters p: MigrationParameters) {
        let zeroPages = p.zeroPageFraction * Double(p.totalPages)
        if let m = guest.analytic {
            self = .density(DensityScan(layout: MemoryLayout(workload: m.workload, zeroPages: zeroPages)))
        } else if let m = guest.bitmap {
            self = .bitmap(BitmapScan(layout: MemoryLayout(workload: m.workload, zeroPages: zeroPages)))
        } else {
            let w = GuestWorkload(memoryBytes: p.memoryBytes, pageSizeBytes: p.pageSizeBytes)
            self = .density(DensityScan(layout: MemoryLayout(workload: w, zeroPages: zeroPages,
                                                             wholeMemoryRegion: true)))
        }
    }

    public var pendingPages: Double {
        switch self {
        case .density(let d): return d.pendingPages
        case .bitmap(let b): return b.pendingPages
        }
    }

    public func walk(from start: ScanPosition, maxPages: Double, maxBytes: Double, maxSeconds: Double,
                     costs: ScanCosts, strictSeconds: Bool) -> ScanWalk {
        switch self {
        case .density(let d):
            return d.walk(from: start, maxPages: maxPages, maxBytes: maxBytes, maxSeconds: maxSeconds, costs: costs)
        case .bitmap(let b):
            return b.walk(from: start, maxPages: maxPages, maxBytes: maxBytes, maxSeconds: maxSeconds,
                          costs: costs, strictSeconds: strictSeconds)
        }
    }

    public mutating func commit(from: ScanPosition, to: ScanPosition, wrapped: Bool, pages: Double) {
        switch self {
        case .density(var d):
            self = .density(DensityScan.empty)  // release the payload before mutating
            d.commit(from: from, to: to, wrapped: wrapped, pages: pages); self = .density(d)
        case .bitmap(let b): b.commit(from: from, to: to, wrapped: wrapped, pages: pages)
        }
    }

    /// A dirty-bitmap sync: fold the guest's log into the bitmap; returns the newly set pages.
    public mutating func sync(guest: inout DirtyModel) -> Double {
        switch self {
        case .density(var d):
            self = .density(DensityScan.empty)
            let shares = guest.analytic != nil ? guest.syncAnalytic()
                : [d.totalPages > 0 ? guest.sync() / d.totalPages : 0]
            let newly = d.sync(regionShares: shares); self = .density(d)
            return newly
        case .bitmap(let b):
            precondition(guest.bitmap != nil, "a bitmap scan needs the bitmap dirty model")
            return guest.syncBitmap(into: b.send)
        }
    }

    public func pendingSplit(at position: ScanPosition) -> (pages: Double, zeroPages: Double) {
        switch self {
        case .density(let d): return d.pendingSplit(at: position)
        case .bitmap(let b): return b.pendingSplit(at: position)
        }
    }
}

extension DensityScan {
    /// A one-page placeholder (used while the enum's payload is mutated in place).
    static let empty = DensityScan(layout: MemoryLayout(workload: GuestWorkload(memoryBytes: 4096), zeroPages: 0))
}
