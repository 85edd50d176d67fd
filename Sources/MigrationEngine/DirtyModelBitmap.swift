import Stochastics

/// A real dirty bitmap, one bit per guest page.
public final class PageBitmap {
    public private(set) var words: [UInt64]
    public private(set) var setCount: Int = 0
    public let pageCount: Int

    public init(pageCount: Int) {
        self.pageCount = pageCount
        words = Array(repeating: 0, count: (pageCount + 63) / 64)
    }

    /// Set the bit of `page`; true when it was clear.
    @inline(__always) public func set(_ page: Int) -> Bool {
        let w = page >> 6, mask = UInt64(1) << UInt64(page & 63)
        if words[w] & mask != 0 { return false }
        words[w] |= mask
        setCount += 1
        return true
    }

    /// OR `bits` into word `w`; returns how many bits were newly set.
    @inline(__always) public func or(word w: Int, _ bits: UInt64) -> Int {
        let added = bits & ~words[w]
        words[w] |= added
        let n = added.nonzeroBitCount
        setCount += n
        return n
    }

    /// Clear the bit of `page`; true when it was set.
    @inline(__always) public func clear(_ page: Int) -> Bool {
        let w = page >> 6, mask = UInt64(1) << UInt64(page & 63)
        if words[w] & mask == 0 { return false }
        words[w] &= ~mask
        setCount -= 1
        return true
    }

    @inline(__always) public func isSet(_ page: Int) -> Bool {
        words[page >> 6] & (UInt64(1) << UInt64(page & 63)) != 0
    }

    /// Set every page.
    public func setAll() {
        for i in words.indices { words[i] = ~0 }
        let extra = words.count * 64 - pageCount
        if extra > 0 { words[words.count - 1] = ~0 >> UInt64(extra) }
        setCount = pageCount
    }

    public func clearAll() {
        for i in words.indices { words[i] = 0 }
        setCount = 0
    }
}

/// `bitmap`: exact dirty tracking. Each region receives its (deterministic) number of writes,
/// each write landing on a page drawn from a GSL stream (uniform) or on the next page not yet
/// written (`distinctUntilFull`). Slower than `analytic`; exists to validate it.
///
/// The bitmap and the random stream are reference types: copies of this model share them.
public struct BitmapDirtyModel {
    public let workload: GuestWorkload
    let bitmap: PageBitmap
    let stream: RandomStream
    let regionStart: [Int]
    let regionPages: [Int]
    let regionRatesPagesPerSecond: [Double]
    var carry: [Double]
    var sequentialCursor: [Int]
    var clockSeconds: Double = 0

    public init(workload: GuestWorkload, stream: RandomStream) {
        self.workload = workload
        self.stream = stream
        bitmap = PageBitmap(pageCount: workload.totalPages)
        regionPages = workload.regionPageCounts
        regionStart = workload.regionStartPages
        regionRatesPagesPerSecond = workload.regions.map {
            $0.writeRate.pagesPerSecond(memoryBytes: workload.memoryBytes, pageSizeBytes: workload.pageSizeBytes)
        }
        carry = Array(repeating: 0, count: workload.regions.count)
        sequentialCursor = Array(repeating: 0, count: workload.regions.count)
    }

    public mutating func advance(seconds: Double, runFraction: Double) {
        guard seconds > 0 else { return }
        let scaled = workload.phaseIntegral(from: clockSeconds, to: clockSeconds + seconds) * runFraction
        clockSeconds += seconds
        for i in regionPages.indices where regionPages[i] > 0 {
            let exact = regionRatesPagesPerSecond[i] * scaled + carry[i]
            let writes = Int(exact.rounded(.down))
            carry[i] = exact - Double(writes)
            let n = regionPages[i], start = regionStart[i]
            switch workload.regions[i].distribution {
            case .uniform:
                for _ in 0..<writes { _ = bitmap.set(start + stream.uniformInt(below: n)) }
            case .distinctUntilFull:
                let count = min(writes, n - sequentialCursor[i])
                for k in 0..<max(0, count) { _ = bitmap.set(start + sequentialCursor[i] + k) }
                sequentialCursor[i] += max(0, count)
            }
        }
    }

    public var dirtyPages: Double { Double(bitmap.setCount) }

    /// A sync into the migration bitmap `send` (ram.c ramblock_sync_dirty_bitmap): OR the log
    /// into it, clear the log, and return the pages that were not already set there.
    public mutating func sync(into send: PageBitmap) -> Double {
        var newly = 0
        for i in bitmap.words.indices where bitmap.words[i] != 0 {
            newly += send.or(word: i, bitmap.words[i])
        }
        bitmap.clearAll()
        for i in sequentialCursor.indices { sequentialCursor[i] = 0 }
        return Double(newly)
    }

    public mutating func sync() -> Double {
        let d = Double(bitmap.setCount)
        bitmap.clearAll()
        for i in sequentialCursor.indices { sequentialCursor[i] = 0 }
        return d
    }
}
