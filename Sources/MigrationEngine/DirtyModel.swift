import Stochastics

/// The guest's dirty-memory model, one of three kinds. An enum rather than a protocol
/// existential so the controller's hot path has no boxing.
public enum DirtyModel {
    case analytic(AnalyticDirtyModel)
    case bitmap(BitmapDirtyModel)
    case trace(TraceDirtyModel)

    public static func analytic(_ workload: GuestWorkload) -> DirtyModel { .analytic(AnalyticDirtyModel(workload: workload)) }
    public static func bitmap(_ workload: GuestWorkload, stream: RandomStream) -> DirtyModel {
        .bitmap(BitmapDirtyModel(workload: workload, stream: stream))
    }

    /// Let `seconds` of wall time pass with the guest running `runFraction` of it (1 - throttle).
    public mutating func advance(seconds: Double, runFraction: Double) {
        switch self {
        case .analytic(var m):
            self = .trace(.placeholder)  // release the payload before mutating
            m.advance(seconds: seconds, runFraction: runFraction); self = .analytic(m)
        case .bitmap(var m): m.advance(seconds: seconds, runFraction: runFraction); self = .bitmap(m)
        case .trace(var m): m.advance(seconds: seconds, runFraction: runFraction); self = .trace(m)
        }
    }

    /// Distinct pages dirtied since the last sync.
    public var dirtyPages: Double {
        switch self {
        case .analytic(let m): return m.dirtyPages
        case .bitmap(let m): return m.dirtyPages
        case .trace(let m): return m.dirtyPages
        }
    }

    /// A dirty-bitmap sync: return the dirty pages and start a new log.
    public mutating func sync() -> Double {
        switch self {
        case .analytic(var m):
            self = .trace(.placeholder)
            let d = m.sync(); self = .analytic(m); return d
        case .bitmap(var m): let d = m.sync(); self = .bitmap(m); return d
        case .trace(var m): let d = m.sync(); self = .trace(m); return d
        }
    }

    /// The guest's write rate in pages per second before throttle (for post-copy fault estimates).
    public var writePagesPerSecond: Double {
        switch self {
        case .analytic(let m): return m.workload.writePagesPerSecond
        case .bitmap(let m): return m.workload.writePagesPerSecond
        case .trace(let m): return (m.samples.last?.bytesPerSecond ?? 0) / Double(m.pageSizeBytes)
        }
    }
}
