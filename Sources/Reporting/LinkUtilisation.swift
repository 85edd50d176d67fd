import FleetModel
import FleetSimulation
import SimKernel

/// Link utilisation over time, from the cumulative byte samples of the sampled links: the
/// utilisation of an interval is the bytes carried in it over what the link could carry in
/// it, with the capacity in force at each moment (a link degraded to 10 % and saturated is
/// at 100 %, not 10 %).
public enum LinkUtilisation {
    public struct Point: Sendable {
        public let time: SimTime
        public let link: LinkID
        public let utilisation: Double
    }

    /// One point per sampled link per interval (interval end time), in time then link order.
    /// An interval in which the link had no capacity at all (cut) has no point.
    public static func series(_ recorder: RunRecorder) -> [Point] {
        guard recorder.linkSamples.count > 0 else { return [] }
        let capacity = CapacityInForce(recorder)
        var previousTime = recorder.campaignStart ?? .zero
        var previous: [Int: Double] = [:]
        var points: [Point] = []
        for sample in recorder.linkSamples {
            for (link, bytes) in sample.bytesCarried {
                let delta = bytes - (previous[link.index] ?? 0)
                let couldCarry = capacity.bytes(link, from: previousTime, to: sample.time)
                if couldCarry > 0, couldCarry.isFinite {
                    points.append(Point(time: sample.time, link: link, utilisation: delta / couldCarry))
                }
                previous[link.index] = bytes
            }
            previousTime = sample.time
        }
        return points
    }
}

/// What a link could carry between two times: its nominal capacity times the fraction in
/// force, integrated piecewise over the capacity changes the run recorded.
struct CapacityInForce {
    private var nominal: [Int: Double] = [:]
    /// Per link: (time, fraction from then on), in time order.
    private var changes: [Int: [(time: SimTime, fraction: Double)]] = [:]

    init(_ recorder: RunRecorder) {
        for t in recorder.linkTotals { nominal[t.link.index] = t.capacityBytesPerSecond }
        for c in recorder.linkCapacityChanges { changes[c.link.index, default: []].append((c.time, c.fraction)) }
    }

    func bytes(_ link: LinkID, from start: SimTime, to end: SimTime) -> Double {
        guard end > start, let c = nominal[link.index], c > 0 else { return 0 }
        guard let list = changes[link.index] else { return c * (end - start).seconds }
        var fraction = 1.0
        var cursor = start
        var total = 0.0
        for change in list {
            if change.time <= start { fraction = change.fraction; continue }
            if change.time >= end { break }
            total += c * fraction * (change.time - cursor).seconds
            cursor = change.time
            fraction = change.fraction
        }
        total += c * fraction * (end - cursor).seconds
        return total
    }
}
