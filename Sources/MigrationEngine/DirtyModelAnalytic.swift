import Foundation

/// `analytic`: expected distinct dirty pages, O(1) per advance (per region and phase crossed).
///
/// For a region of N pages receiving W writes since the last sync, uniformly at random, the
/// expected number of distinct dirty pages is N (1 - e^{-W/N}); with `distinctUntilFull` it is
/// min(N, W). Writes are the region's rate x phase multiplier x the guest's run fraction
/// (1 - throttle) integrated over time.
public struct AnalyticDirtyModel: Sendable {
    public let workload: GuestWorkload
    let regionPages: [Double]
    let regionRatesPagesPerSecond: [Double]
    /// Writes received by each region since the last sync, in pages.
    var writesSinceSync: [Double]
    var clockSeconds: Double = 0

    public init(workload: GuestWorkload) {
        self.workload = workload
        regionPages = workload.regionPageCounts.map(Double.init)
        regionRatesPagesPerSecond = workload.regions.map {
            $0.writeRate.pagesPerSecond(memoryBytes: workload.memoryBytes, pageSizeBytes: workload.pageSizeBytes)
        }
        writesSinceSync = Array(repeating: 0, count: workload.regions.count)
    }

    public mutating func advance(seconds: Double, runFraction: Double) {
        guard seconds > 0 else { return }
        let scaled = workload.phaseIntegral(from: clockSeconds, to: clockSeconds + seconds) * runFraction
        clockSeconds += seconds
        for i in writesSinceSync.indices { writesSinceSync[i] += regionRatesPagesPerSecond[i] * scaled }
    }

    /// Expected distinct pages dirtied since the last sync.
    public var dirtyPages: Double {
        var total = 0.0
        for i in writesSinceSync.indices {
            let n = regionPages[i], w = writesSinceSync[i]
            guard n > 0 else { continue }
            switch workload.regions[i].distribution {
            case .uniform: total += n * -expm1(-w / n)
            case .distinctUntilFull: total += min(n, w)
            }
        }
        return total
    }

    /// Each region's expected share of pages dirtied since the last sync.
    public var regionDirtyShares: [Double] {
        var shares: [Double] = []
        shares.reserveCapacity(writesSinceSync.count)
        for i in writesSinceSync.indices {
            let n = regionPages[i], w = writesSinceSync[i]
            guard n > 0 else { shares.append(0); continue }
            switch workload.regions[i].distribution {
            case .uniform: shares.append(-expm1(-w / n))
            case .distinctUntilFull: shares.append(min(1, w / n))
            }
        }
        return shares
    }

    /// Read and clear the dirty set (a dirty-bitmap sync).
    public mutating func sync() -> Double {
        let d = dirtyPages
        for i in writesSinceSync.indices { writesSinceSync[i] = 0 }
        return d
    }
}
