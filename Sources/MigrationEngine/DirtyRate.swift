/// A guest write rate, in the unit the user gave it.
public enum DirtyRate: Sendable, Equatable {
    case bytesPerSecond(Double)
    case pagesPerSecond(Double)
    /// Fraction of the guest's whole memory written per second (0.01 = 1 % of RAM per second).
    case fractionOfMemoryPerSecond(Double)

    /// The rate in pages per second for a guest of `memoryBytes` with `pageSizeBytes` pages.
    public func pagesPerSecond(memoryBytes: Int64, pageSizeBytes: Int64) -> Double {
        switch self {
        case .bytesPerSecond(let b): return b / Double(pageSizeBytes)
        case .pagesPerSecond(let p): return p
        case .fractionOfMemoryPerSecond(let f): return f * Double(memoryBytes) / Double(pageSizeBytes)
        }
    }

    public func bytesPerSecond(memoryBytes: Int64, pageSizeBytes: Int64) -> Double {
        pagesPerSecond(memoryBytes: memoryBytes, pageSizeBytes: pageSizeBytes) * Double(pageSizeBytes)
    }
}
