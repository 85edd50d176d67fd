import FleetModel
import FleetSimulation
import Foundation
import SimKernel

/// The critical path of the makespan, as `fleetsim explain` gives it from the report files,
/// here from the recorder: in the replication with the longest makespan, the host that came
/// back last, the instance that held its drain open (its last move off the host ended last),
/// and that instance's attempts with what it waited for before each (the idle time before
/// queueing is a notice or the host waiting its turn; queued to started is a slot or capacity).
extension RunReportHTML {
    static func criticalPath(_ report: CampaignReport, _ recorders: [(replication: Int, recorder: RunRecorder)]) -> String {
        func length(_ m: ReplicationMetrics) -> Double { m.campaignMakespanSeconds ?? m.endTimeSeconds }
        guard let longest = report.replications.max(by: { (length($0), $1.replication) < (length($1), $0.replication) }),
              let rec = recorders.first(where: { $0.replication == longest.replication })?.recorder else {
            return "<p>No replication.</p>\n"
        }
        let never = SimTime.max
        let drained = rec.fleet.hosts.indices.filter { rec.hosts[$0].drainStart != nil }
        guard let host = drained.max(by: { (rec.hosts[$0].returned ?? never, $1) < (rec.hosts[$1].returned ?? never, $0) }) else {
            return "<p>No host was drained.</p>\n"
        }
        let h = rec.hosts[host]
        var html = "<p>Replication \(longest.replication), the longest (\(NumberText.duration(length(longest)))). "
        html += "Host <code>\(SVGText.escape(rec.fleet.hosts[host].name))</code> (wave \(h.wave)) came back last: drain from "
        html += "\(time(h.drainStart)) to \(time(h.drainEnd)), back at \(time(h.returned)).</p>\n"
        let fromHost = rec.attempts.filter { $0.source.int == host }
        guard let last = fromHost.max(by: { ($0.endedAt ?? never, $1.instance.int) < ($1.endedAt ?? never, $0.instance.int) }) else {
            return html
        }
        let k = last.instance.int
        html += "<p>Its drain was held open by <code>\(SVGText.escape(rec.fleet.instances[k].name))</code> "
        html += "(plan \(SVGText.escape(rec.plannedActions[k].joined(separator: " > ")))); final state "
        html += "\(SVGText.escape(rec.finalState[k]?.rawValue ?? "untouched")): \(SVGText.escape(rec.finalReason[k])).</p>\n"
        html += "<table class=\"critical-path\"><tr><th>attempt</th><th>action</th><th>source → target</th><th>idle before</th>"
        html += "<th>queued</th><th>started</th><th>waited</th><th>ended</th><th>outcome</th><th>reason</th></tr>\n"
        var previous = h.drainStart ?? .zero
        for a in rec.attempts where a.instance.int == k {
            let idle = a.queuedAt > previous ? a.queuedAt - previous : .zero
            previous = a.endedAt ?? previous
            html += "<tr><td>\(a.attempt)</td><td>\(a.action.rawValue)</td>"
            html += "<td>\(SVGText.escape(rec.fleet.hosts[a.source.int].name)) → \(SVGText.escape(rec.fleet.hosts[a.target.int].name))</td>"
            html += "<td>\(NumberText.duration(idle.seconds))</td><td>\(time(a.queuedAt))</td><td>\(time(a.startedAt))</td>"
            html += "<td>\(NumberText.duration(a.queueingDelay.seconds))</td><td>\(time(a.endedAt))</td>"
            html += "<td>\(a.outcome.map { "\($0)" } ?? "running")</td><td>\(SVGText.escape(a.reason))</td></tr>\n"
        }
        return html + "</table>\n"
    }

    private static func time(_ t: SimTime?) -> String { t.map { NumberText.duration($0.seconds) } ?? "–" }
}
