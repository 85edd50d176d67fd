/// Guest memory in address order as the `qemu` loop scans it: extents of pages, each written by
/// one dirty region (or by none: -1) and holding a share of zero pages while the first pass
/// lasts.
public struct MemoryLayout: Sendable, Equatable {
    public struct Extent: Sendable, Equatable {
        public var start: Int
        public var end: Int
        public var region: Int
        public var zeroFraction: Double
    }
    public let totalPages: Int
    public let extents: [Extent]

    /// Regions where `workload` places them; `zeroPages` zero pages fill the pages outside the
    /// regions first (written pages hold data), the rest spread over the regions.
    /// - Parameter wholeMemoryRegion: one region 0 over all of memory (the `trace` model has no
    ///   regions: its writes land anywhere).
    public init(workload: GuestWorkload, zeroPages: Double, wholeMemoryRegion: Bool = false) {
        let n = workload.totalPages
        totalPages = n
        var marks: [(start: Int, end: Int, region: Int)] = []
        if wholeMemoryRegion {
            marks = [(0, n, 0)]
        } else {
            let counts = workload.regionPageCounts
            let starts = workload.regionStartPages
            var cursor = 0
            let order = counts.indices.sorted { starts[$0] < starts[$1] }
            for r in order where counts[r] > 0 {
                let s = max(starts[r], cursor), e = min(n, starts[r] + counts[r])
                guard e > s else { continue }
                if s > cursor { marks.append((cursor, s, -1)) }
                marks.append((s, e, r))
                cursor = e
            }
            if cursor < n { marks.append((cursor, n, -1)) }
        }
        let outside = marks.filter { $0.region < 0 }.reduce(0) { $0 + $1.end - $1.start }
        let inside = n - outside
        let zero = min(max(0, zeroPages), Double(n))
        let zeroOutside = outside > 0 ? min(1, zero / Double(outside)) : 0
        let zeroInside = inside > 0 ? min(1, max(0, zero - Double(outside)) / Double(inside)) : 0
        extents = marks.map {
            Extent(start: $0.start, end: $0.end, region: $0.region,
                   zeroFraction: $0.region < 0 ? zeroOutside : zeroInside)
        }
    }

    /// Whether page `p` (in extent `e`) is zero in the first pass: zero pages spread evenly
    /// over the extent (the k-th page is zero when floor((k+1) z) > floor(k z)).
    public func isZero(page p: Int, extent e: Extent) -> Bool {
        let k = Double(p - e.start)
        return ((k + 1) * e.zeroFraction + 1e-9).rounded(.down) > (k * e.zeroFraction + 1e-9).rounded(.down)
    }
}
