/// `bitmap` migration bitmap for the `qemu` loop: one bit per guest page (ram.c's
/// `rb->bmap`), the zero pages of the first pass as a second bitmap, and the scan walking set
/// bits in address order. The reference for `DensityScan`; it is driven by the `bitmap` dirty
/// model, whose log is OR-ed in at each sync.
///
/// Reference types inside: copies share the bitmaps (the controller owns one).
public struct BitmapScan {
    let send: PageBitmap
    let zero: PageBitmap
    public let totalPages: Double

    public init(layout: MemoryLayout) {
        send = PageBitmap(pageCount: layout.totalPages)
        send.setAll()
        zero = PageBitmap(pageCount: layout.totalPages)
        for e in layout.extents where e.zeroFraction > 0 {
            for p in e.start..<e.end where layout.isZero(page: p, extent: e) { _ = zero.set(p) }
        }
        totalPages = Double(layout.totalPages)
    }

    public var pendingPages: Double { Double(send.setCount) }

    /// Next set page at or after `p` (< pageCount), or nil.
    func nextSet(from p: Int) -> Int? {
        var w = p >> 6
        guard w < send.words.count else { return nil }
        var bits = send.words[w] & (~0 << UInt64(p & 63))
        while true {
            if bits != 0 {
                let page = (w << 6) + bits.trailingZeroBitCount
                return page < send.pageCount ? page : nil
            }
            w += 1
            if w >= send.words.count { return nil }
            bits = send.words[w]
        }
    }

    /// Walk set pages in address order from `start` without clearing them. A page is sent when
    /// the byte and time limits were not yet reached before it (QEMU checks the rate limit
    /// before each page, so a window may overshoot by one page); with `strictSeconds` a page
    /// must also finish within `maxSeconds` (the caller must not pass that time).
    public func walk(from start: ScanPosition, maxPages: Double, maxBytes: Double, maxSeconds: Double,
                     costs: ScanCosts, strictSeconds: Bool) -> ScanWalk {
        var w = ScanWalk(position: start)
        var p = Int(start.page.rounded(.up))
        let n = send.pageCount
        if p >= n { p = 0; w.position.firstRound = false; w.wrapped = true }
        var laps = 0
        while w.pages < maxPages - 0.5 && w.bytes < maxBytes && w.seconds < maxSeconds {
            guard let page = nextSet(from: p) else {
                laps += 1
                if laps > 1 { break }
                p = 0; w.position.firstRound = false; w.wrapped = true
                continue
            }
            let isZero = w.position.firstRound && zero.isSet(page)
            let b = isZero ? costs.zeroWireBytes : costs.pageWireBytes
            let s = isZero ? costs.zeroSeconds
                : (w.position.firstRound ? costs.firstRoundPageSeconds : costs.pageSeconds)
            if strictSeconds && w.seconds + s > maxSeconds + 1e-12 { p = page; break }
            w.pages += 1; w.bytes += b; w.seconds += s
            if isZero { w.zeroPages += 1 }
            p = page + 1
            if p >= n { p = 0; w.position.firstRound = false; w.wrapped = true; laps += 1 }
        }
        w.position.page = Double(p)
        return w
    }

    /// Clear the pages a walk from `from` to `to` sent.
    public func commit(from: ScanPosition, to: ScanPosition, wrapped: Bool, pages: Double) {
        guard pages > 0 else { return }
        let a = Int(from.page.rounded(.up)), b = Int(to.page)
        if wrapped {
            clearRange(a, send.pageCount)
            clearRange(0, b)
        } else {
            clearRange(a, b)
        }
    }

    func clearRange(_ a: Int, _ b: Int) {
        var p = a
        while p < b, let q = nextSet(from: p), q < b {
            _ = send.clear(q)
            p = q + 1
        }
    }

    public func pendingSplit(at position: ScanPosition) -> (pages: Double, zeroPages: Double) {
        guard position.firstRound else { return (pendingPages, 0) }
        var z = 0
        var p = Int(position.page.rounded(.up))
        while let q = nextSet(from: p) {
            if zero.isSet(q) { z += 1 }
            p = q + 1
        }
        return (pendingPages, Double(z))
    }
}
