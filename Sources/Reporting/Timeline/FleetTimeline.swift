import FleetModel
import FleetSimulation
import Foundation
import SimKernel

/// Fleet state over time for one replication, derived from what the RunRecorder kept:
/// one row at every instant a count changes.
///
/// - hosts draining: drain started, not yet empty; in maintenance: empty, not yet back;
///   back: returned to service.
/// - migrations in flight: attempts started and not ended; instances waiting: attempts
///   queued and not yet started.
/// - notices outstanding: instances given a notice whose last move has not ended yet.
public struct FleetTimeline: Sendable {
    public struct Row: Sendable, Equatable {
        public let timeSeconds: Double
        public var draining = 0, inMaintenance = 0, back = 0, inFlight = 0, waiting = 0, notices = 0
        /// The campaign wave under way (1-based; 0 before the first drain).
        public var wave = 0
    }

    public let rows: [Row]

    public init(recorder: RunRecorder) {
        // (time, column, delta); applied in time order, one row per distinct time.
        var changes: [(SimTime, Int, Int)] = []
        func interval(_ from: SimTime?, _ to: SimTime?, _ column: Int) {
            guard let from else { return }
            changes.append((from, column, 1))
            if let to { changes.append((to, column, -1)) }
        }
        for h in recorder.hosts {
            interval(h.drainStart, h.drainEnd, 0)
            interval(h.drainEnd, h.returned, 1)
            interval(h.returned, nil, 2)
        }
        for a in recorder.attempts {
            interval(a.startedAt, a.endedAt, 3)
            if a.queuedAt < a.startedAt { interval(a.queuedAt, a.startedAt, 4) }
        }
        for k in recorder.fleet.instances.indices {
            if let notice = recorder.noticeAt[k] {
                let end = recorder.lastMoveEnd[k].flatMap { $0 >= notice ? $0 : nil }
                interval(notice, end, 5)
            }
        }
        // Waves start one after another, so counting their starts gives the current wave.
        for w in recorder.waveStarts { changes.append((w.time, 6, 1)) }
        changes.sort { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }
        var counts = [Int](repeating: 0, count: 7)
        var rows: [Row] = []
        var i = 0
        while i < changes.count {
            let t = changes[i].0
            while i < changes.count, changes[i].0 == t { counts[changes[i].1] += changes[i].2; i += 1 }
            rows.append(Row(timeSeconds: t.seconds, draining: counts[0], inMaintenance: counts[1], back: counts[2],
                            inFlight: counts[3], waiting: counts[4], notices: counts[5], wave: counts[6]))
        }
        self.rows = rows
    }

    public static let header = "replication,time_s,hosts_draining,hosts_in_maintenance,hosts_back,migrations_in_flight,instances_waiting,notices_outstanding,wave"

    /// `timeline.csv`: every replication's rows, replication by replication, handed to `sink`
    /// a megabyte at a time as they are formatted (no whole-file string: region-1m's timeline
    /// has hundreds of thousands of rows).
    public static func stream(_ recorders: [(replication: Int, recorder: RunRecorder)],
                              to sink: @escaping (UnsafeBufferPointer<UInt8>) -> Void) {
        CSVWriter.stream(to: sink) { appendRows(recorders, to: &$0) }
    }

    static func appendRows(_ recorders: [(replication: Int, recorder: RunRecorder)], to out: inout CSVWriter) {
        out.appendRow(header.split(separator: ",").map(String.init))
        for (r, recorder) in recorders {
            for row in FleetTimeline(recorder: recorder).rows {
                out.field(r); out.field(json: row.timeSeconds)
                out.field(row.draining); out.field(row.inMaintenance); out.field(row.back)
                out.field(row.inFlight); out.field(row.waiting); out.field(row.notices); out.field(row.wave)
                out.endRow()
            }
        }
    }
}
