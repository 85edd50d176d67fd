/// `analytic` migration bitmap for the `qemu` loop: guest memory in address order as a few
/// segments, each with the expected share of its pages still to send ("density"), the share of
/// them that is zero while the first pass lasts, and the dirty region that writes it (-1:
/// none). A sync raises a segment's density by the share of its region's pages the guest
/// dirtied since the last sync; the scan clears what it passes. The work per send step and per
/// sync is O(segments), and segments only split at the scan position at a sync and merge when
/// equal, so there are few.
///
/// With uniform writes the dirtied pages of a region are independent of the bitmap, so the
/// expected newly set pages of a segment are (1 - density) x share: the expectation is exact
/// for counts, and `BitmapScan` (the reference) draws the same process page by page.
public struct DensityScan: Sendable {
    struct Segment: Sendable, Equatable {
        var end: Double
        var density: Double
        var zeroFraction: Double
        var region: Int
    }
    var segments: [Segment]
    public let totalPages: Double
    /// Pages still set in the migration bitmap (`migration_dirty_pages`).
    public private(set) var pendingPages: Double

    /// A bitmap with every page set (ram.c ram_list_init_bitmaps: the bulk stage sends all of
    /// memory). Regions are written by the guest and hold data; the `zeroPages` zero pages lie
    /// outside them first (spread evenly: zero pages are interleaved with the others in address
    /// order), then, if more, spread over the regions too.
    public init(layout: MemoryLayout) {
        totalPages = Double(layout.totalPages)
        var segs: [Segment] = []
        for e in layout.extents {
            segs.append(Segment(end: Double(e.end), density: 1, zeroFraction: e.zeroFraction, region: e.region))
        }
        segments = segs
        pendingPages = totalPages
    }

    func segmentIndex(containing page: Double) -> Int {
        var lo = 0, hi = segments.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if segments[mid].end <= page { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Walk the scan forward from `start` without changing the bitmap, sending dirty pages until
    /// `maxPages` pages, `maxBytes` bytes or `maxSeconds` seconds are reached (continuously: a
    /// limit may fall inside a page).
    public func walk(from start: ScanPosition, maxPages: Double, maxBytes: Double, maxSeconds: Double,
                     costs: ScanCosts) -> ScanWalk {
        var w = ScanWalk(position: start)
        if segments.isEmpty || totalPages <= 0 { return w }
        if w.position.page >= totalPages { w.position.page = 0; w.position.firstRound = false }
        var i = segmentIndex(containing: w.position.page)
        var visits = 0
        let maxVisits = 2 * segments.count + 4
        while w.pages < maxPages - 1e-9 && w.bytes < maxBytes && w.seconds < maxSeconds && visits < maxVisits {
            visits += 1
            let s = segments[i]
            let span = s.end - w.position.page
            if s.density > 0 && span > 0 {
                let z = w.position.firstRound ? s.zeroFraction : 0
                let perBytes = z * costs.zeroWireBytes + (1 - z) * costs.pageWireBytes
                let pageSeconds = w.position.firstRound ? costs.firstRoundPageSeconds : costs.pageSeconds
                let perSeconds = (z > 0 ? z * costs.zeroSeconds : 0) + (z < 1 ? (1 - z) * pageSeconds : 0)
                let available = span * s.density
                var k = min(available, maxPages - w.pages)
                if perBytes > 0 && maxBytes.isFinite { k = min(k, (maxBytes - w.bytes) / perBytes) }
                if perSeconds > 0 && maxSeconds.isFinite { k = min(k, (maxSeconds - w.seconds) / perSeconds) }
                k = max(0, k)
                w.pages += k; w.zeroPages += k * z
                w.bytes += k * perBytes; w.seconds += k * perSeconds
                if k < available * (1 - 1e-12) {
                    w.position.page += k / s.density
                    break
                }
            }
            w.position.page = s.end
            i += 1
            if i == segments.count {
                i = 0
                w.position.page = 0
                w.position.firstRound = false
                w.wrapped = true
            }
        }
        return w
    }

    /// Clear what a walk from `from` to `to` sent (the pages between them leave the bitmap).
    public mutating func commit(from: ScanPosition, to: ScanPosition, wrapped: Bool, pages: Double) {
        guard pages > 0 || from.page != to.page else { return }
        if wrapped {
            clear(from: from.page, to: totalPages)
            clear(from: 0, to: to.page)
        } else {
            clear(from: from.page, to: to.page)
        }
        pendingPages = max(0, pendingPages - pages)
        if pendingPages < 1e-9 { pendingPages = 0 }
    }

    /// Zero the density of [a, b).
    mutating func clear(from a: Double, to b: Double) {
        guard b > a else { return }
        split(at: a); split(at: b)
        var i = segmentIndex(containing: a)
        while i < segments.count {
            let start = i == 0 ? 0 : segments[i - 1].end
            if start >= b { break }
            segments[i].density = 0
            i += 1
        }
        merge()
    }

    mutating func split(at page: Double) {
        guard page > 0 && page < totalPages else { return }
        let i = segmentIndex(containing: page)
        let start = i == 0 ? 0 : segments[i - 1].end
        if page <= start || page >= segments[i].end { return }
        var head = segments[i]
        head.end = page
        segments.insert(head, at: i)
    }

    /// Join neighbours of one region, zero share and density, in place: a new array per
    /// commit was an allocation at every catch-up of the engine to a rate change.
    mutating func merge() {
        guard segments.count > 1 else { return }
        var kept = 0
        for i in 1..<segments.count {
            let s = segments[i]
            if segments[kept].region == s.region, segments[kept].zeroFraction == s.zeroFraction,
               abs(segments[kept].density - s.density) < 1e-12 {
                segments[kept].end = s.end
            } else {
                kept += 1
                segments[kept] = s
            }
        }
        segments.removeLast(segments.count - kept - 1)
    }

    /// A dirty-bitmap sync: region r's pages were dirtied with probability `shares[r]` since the
    /// last sync (independently of the bitmap). Returns the expected newly set pages.
    public mutating func sync(regionShares shares: [Double]) -> Double {
        var newly = 0.0
        var start = 0.0
        for i in segments.indices {
            let s = segments[i]
            let f = s.region >= 0 && s.region < shares.count ? min(1, max(0, shares[s.region])) : 0
            if f > 0 {
                let added = (s.end - start) * (1 - s.density) * f
                newly += added
                segments[i].density = s.density + (1 - s.density) * f
            }
            start = s.end
        }
        pendingPages = min(totalPages, pendingPages + newly)
        merge()
        return newly
    }

    /// Pages still to send that are zero (first pass only) and not.
    public func pendingSplit(at position: ScanPosition) -> (pages: Double, zeroPages: Double) {
        var zero = 0.0
        if position.firstRound {
            var start = 0.0
            for s in segments {
                let from = max(start, position.page)
                if s.end > from { zero += (s.end - from) * s.density * s.zeroFraction }
                start = s.end
            }
        }
        return (pendingPages, zero)
    }
}
