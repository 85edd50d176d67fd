import FleetModel
import FleetSimulation
import SimKernel

/// Link utilisation over time, from the cumulative byte samples of the sampled links: the
/// utilisation of an interval is the bytes carried in it over what the link could carry.
public enum LinkUtilisation {
    public struct Point: Sendable {
        public let time: SimTime
        public let link: LinkID
        public let utilisation: Double
    }

    /// One point per sampled link per interval (interval end time), in time then link order.
    public static func series(_ recorder: RunRecorder) -> [Point] {
        guard recorder.linkSamples.count > 0 else { return [] }
        var capacity: [Int: Double] = [:]
        for t in recorder.linkTotals { capacity[t.link.index] = t.capacityBytesPerSecond }
        var previousTime = recorder.campaignStart ?? .zero
        var previous: [Int: Double] = [:]
        var points: [Point] = []
        for sample in recorder.linkSamples {
            let seconds = (sample.time - previousTime).seconds
            for (link, bytes) in sample.bytesCarried {
                let delta = bytes - (previous[link.index] ?? 0)
                if seconds > 0, let c = capacity[link.index], c > 0, c.isFinite {
                    points.append(Point(time: sample.time, link: link, utilisation: delta / (c * seconds)))
                }
                previous[link.index] = bytes
            }
            previousTime = sample.time
        }
        return points
    }
}
