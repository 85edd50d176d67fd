import FleetModel
import FleetSimulation
import Foundation
import SimKernel

/// `report.html`, written by every run: one self-contained page (inline SVG and CSS, no
/// script, no network) so it opens anywhere, attached to a ticket or a CI artefact.
/// Charts: downtime CDF (log x) with planned and unplanned downtime apart, final states by
/// path and reason, host Gantt and fleet state over time (first replication), bytes on the
/// wire over time, the critical path of the makespan, and the worst instances with their
/// attempt history.
public enum RunReportHTML {
    public static func render(report: CampaignReport, recorders: [(replication: Int, recorder: RunRecorder)]) -> String {
        var bytes: [UInt8] = []
        stream(report: report, recorders: recorders) { bytes.append(contentsOf: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The page section by section, each handed to `sink` as soon as it is drawn: the report
    /// writer streams it to disk, so the whole page (36 MB for large-fleet) is never one string
    /// (building it was the run's peak memory; docs/performance.md "Memory").
    public static func stream(report: CampaignReport, recorders: [(replication: Int, recorder: RunRecorder)],
                              to sink: (UnsafeBufferPointer<UInt8>) -> Void) {
        func emit(_ text: String) { AtomicFile.send(text, to: sink) }
        let id = report.identity
        emit("""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>fleetsim: \(SVGText.escape(id.scenarioName))</title>
            <style>
            body{font-family:system-ui,sans-serif;margin:2em;color:#222}
            svg.chart{background:#fafafa;border:1px solid #ddd;display:block;margin:.5em 0}
            svg text{font-size:11px}
            table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;padding:2px 6px;text-align:left}
            code{background:#eee;padding:0 .2em}
            </style></head><body>

            """)
        var head = "<h1>fleetsim: \(SVGText.escape(id.scenarioName))</h1>\n"
        head += "<p>Scenario <code>\(SVGText.escape(id.scenarioFile))</code>, seed \(id.seed), \(id.replications) replication\(id.replications == 1 ? "" : "s"); "
        head += "\(id.hosts) hosts, \(id.instances) instances, \(id.campaignHosts) campaign hosts.</p>\n"
        emit(head)
        emit("<h2>Downtime per instance (all replications): CDF, log scale</h2>\n" + downtimeCDF(recorders))
        emit("<h2>Final states by path and reason (all replications)</h2>\n" + outcomes(recorders))
        if let first = recorders.first {
            emit("<h2>Hosts: drain and maintenance (replication \(first.replication))</h2>\n")
            emit(gantt(first.recorder))
            emit("<h2>Fleet state over time (replication \(first.replication); timeline.csv has every replication)</h2>\n")
            emit(timeline(first.recorder))
            emit("<h2>Traffic on the sampled links, Gbit/s per sample interval (replication \(first.replication))</h2>\n")
            emit(wire(first.recorder))
        }
        emit("<h2>Critical path of the makespan</h2>\n" + criticalPath(report, recorders))
        emit("<h2>Worst instances by downtime, with their attempts</h2>\n" + worst(recorders))
        emit("</body></html>\n")
    }

    // MARK: downtime CDF

    static func downtimeCDF(_ recorders: [(replication: Int, recorder: RunRecorder)]) -> String {
        var total: [Double] = [], planned: [Double] = [], unplanned: [Double] = []
        for (_, rec) in recorders {
            for k in rec.fleet.instances.indices {
                let t = rec.downtime[k].seconds, u = rec.unplannedDowntime[k].seconds
                if t > 0 { total.append(t) }
                if t - u > 0 { planned.append(t - u) }
                if u > 0 { unplanned.append(u) }
            }
        }
        let series = [("all downtime", total.sorted()), ("planned", planned.sorted()), ("unplanned", unplanned.sorted())]
        let w = 640.0, h = 320.0, left = 60.0, right = 130.0, top = 20.0, bottom = 45.0
        var svg = SVGText.open("downtime-cdf", points: total.count, width: Int(w), height: Int(h))
        guard let lo = total.min(), let hi = total.max() else { return svg + "<text x=\"60\" y=\"100\">no downtime</text></svg>\n" }
        let l0 = floor(log10(max(lo, 1e-3))), l1 = max(ceil(log10(hi)), l0 + 1)
        func x(_ v: Double) -> Double { left + (w - left - right) * (log10(max(v, 1e-3)) - l0) / (l1 - l0) }
        func y(_ p: Double) -> Double { top + (h - top - bottom) * (1 - p) }
        svg += frame(w: w, h: h, left: left, right: right, top: top, bottom: bottom)
        for e in Int(l0)...Int(l1) {
            let v = pow(10, Double(e))
            svg += "<text x=\"\(SVGText.f(x(v)))\" y=\"\(SVGText.f(h - bottom + 14))\" text-anchor=\"middle\">\(SVGText.escape(NumberText.duration(v)))</text>\n"
        }
        for t in 0...4 { svg += "<text x=\"\(SVGText.f(left - 4))\" y=\"\(SVGText.f(y(Double(t) / 4) + 4))\" text-anchor=\"end\">\(t * 25)%</text>\n" }
        svg += "<text x=\"\(SVGText.f((left + w - right) / 2))\" y=\"\(SVGText.f(h - 6))\" text-anchor=\"middle\">downtime per instance (log scale)</text>\n"
        for (k, (label, values)) in series.enumerated() where !values.isEmpty {
            let color = SVGText.palette[k]
            var points = SVGText.Points(reserving: 2 * values.count)
            for (i, v) in values.enumerated() {
                points.add(x(v), y(Double(i) / Double(values.count)))
                points.add(x(v), y(Double(i + 1) / Double(values.count)))
            }
            svg += "<polyline class=\"cdf\" data-series=\"\(label)\" points=\"\(points.text)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"1.5\"/>\n"
            svg += "<text x=\"\(SVGText.f(w - right + 8))\" y=\"\(SVGText.f(top + 14 + Double(k) * 14))\" fill=\"\(color)\">\(label) (n=\(values.count))</text>\n"
        }
        return svg + "</svg>\n"
    }

    static func frame(w: Double, h: Double, left: Double, right: Double, top: Double, bottom: Double) -> String {
        "<line x1=\"\(SVGText.f(left))\" y1=\"\(SVGText.f(h - bottom))\" x2=\"\(SVGText.f(w - right))\" y2=\"\(SVGText.f(h - bottom))\" stroke=\"#444\"/>\n"
            + "<line x1=\"\(SVGText.f(left))\" y1=\"\(SVGText.f(top))\" x2=\"\(SVGText.f(left))\" y2=\"\(SVGText.f(h - bottom))\" stroke=\"#444\"/>\n"
    }

    // MARK: outcomes

    static func outcomes(_ recorders: [(replication: Int, recorder: RunRecorder)]) -> String {
        var counts: [String: Int] = [:]
        for (_, rec) in recorders {
            for k in rec.fleet.instances.indices where rec.inCampaign[k] {
                counts["\(rec.finalState[k]?.rawValue ?? "untouched"): \(rec.finalReason[k])", default: 0] += 1
            }
        }
        let rows = counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
        let barH = 18.0, left = 330.0, w = 760.0
        let h = Double(rows.count) * barH + 20
        var svg = SVGText.open("outcomes", points: rows.count, width: Int(w), height: Int(max(h, 40)))
        let maxCount = Double(rows.first?.value ?? 1)
        for (i, (label, n)) in rows.enumerated() {
            let y = 10 + Double(i) * barH
            let len = (w - left - 60) * Double(n) / maxCount
            svg += "<text x=\"\(SVGText.f(left - 6))\" y=\"\(SVGText.f(y + 12))\" text-anchor=\"end\">\(SVGText.escape(String(label.prefix(60))))</text>\n"
            svg += "<rect class=\"bar\" x=\"\(SVGText.f(left))\" y=\"\(SVGText.f(y + 2))\" width=\"\(SVGText.f(len))\" height=\"\(SVGText.f(barH - 4))\" fill=\"#1f77b4\"/>\n"
            svg += "<text x=\"\(SVGText.f(left + len + 4))\" y=\"\(SVGText.f(y + 12))\">\(n)</text>\n"
        }
        return svg + "</svg>\n"
    }

    // MARK: hosts and timeline

    static func gantt(_ rec: RunRecorder) -> String {
        let hosts = rec.hosts.indices.filter { rec.hosts[$0].drainStart != nil }
            .sorted { (rec.hosts[$0].drainStart!, $0) < (rec.hosts[$1].drainStart!, $1) }
        let end = max(rec.campaignEnd?.seconds ?? 0, hosts.compactMap { rec.hosts[$0].returned?.seconds }.max() ?? 0, 1)
        let rowH = 12.0, left = 110.0, w = 760.0, right = 20.0
        let h = Double(hosts.count) * rowH + 40
        var svg = SVGText.open("gantt", points: hosts.count, width: Int(w), height: Int(max(h, 50)))
        func x(_ t: Double) -> Double { left + (w - left - right) * t / end }
        for (i, k) in hosts.enumerated() {
            let r = rec.hosts[k], y = 5 + Double(i) * rowH
            let s = r.drainStart!.seconds, d = r.drainEnd?.seconds ?? end, back = r.returned?.seconds ?? end
            svg += "<text x=\"\(SVGText.f(left - 4))\" y=\"\(SVGText.f(y + 9))\" text-anchor=\"end\" font-size=\"9\">\(SVGText.escape(rec.fleet.hosts[k].name))</text>\n"
            svg += "<rect class=\"drain\" x=\"\(SVGText.f(x(s)))\" y=\"\(SVGText.f(y))\" width=\"\(SVGText.f(max(x(d) - x(s), 0.5)))\" height=\"\(SVGText.f(rowH - 2))\" fill=\"#1f77b4\"><title>drain \(NumberText.duration(d - s))</title></rect>\n"
            svg += "<rect class=\"maintenance\" x=\"\(SVGText.f(x(d)))\" y=\"\(SVGText.f(y))\" width=\"\(SVGText.f(max(x(back) - x(d), 0.5)))\" height=\"\(SVGText.f(rowH - 2))\" fill=\"#aaa\"><title>maintenance \(NumberText.duration(back - d))</title></rect>\n"
        }
        let axisY = 5 + Double(hosts.count) * rowH + 14
        for t in 0...4 {
            let v = end * Double(t) / 4
            svg += "<text x=\"\(SVGText.f(x(v)))\" y=\"\(SVGText.f(axisY))\" text-anchor=\"middle\">\(NumberText.duration(v))</text>\n"
        }
        return svg + "<text x=\"\(SVGText.f(left))\" y=\"\(SVGText.f(axisY + 14))\">blue: draining, grey: in maintenance</text></svg>\n"
    }

    static func timeline(_ rec: RunRecorder) -> String {
        let rows = FleetTimeline(recorder: rec).rows
        let columns: [(String, (FleetTimeline.Row) -> Int)] = [
            ("hosts draining", { $0.draining }), ("hosts in maintenance", { $0.inMaintenance }), ("hosts back", { $0.back }),
            ("migrations in flight", { $0.inFlight }), ("instances waiting", { $0.waiting }), ("notices outstanding", { $0.notices }),
        ]
        return steps("timeline", rows.map { $0.timeSeconds }, columns.map { c in (c.0, rows.map { Double(c.1($0)) }) })
    }

    static func wire(_ rec: RunRecorder) -> String {
        // Samples are cumulative bytes: the rate over each interval is the difference.
        let samples = rec.linkSamples
        let totals = samples.map { $0.bytesCarried.reduce(0) { $0 + $1.1 } }
        var times: [Double] = [], rates: [Double] = []
        for i in samples.indices.dropFirst() {
            let dt = (samples[i].time - samples[i - 1].time).seconds
            guard dt > 0 else { continue }
            times.append(samples[i].time.seconds)
            rates.append((totals[i] - totals[i - 1]) * 8 / dt / 1e9)
        }
        return steps("link-utilisation", times, [("Gbit/s, all sampled links", rates)])
    }

    /// Step lines of several series over shared times.
    static func steps(_ kind: String, _ times: [Double], _ series: [(String, [Double])]) -> String {
        let w = 760.0, h = 300.0, left = 70.0, right = 170.0, top = 15.0, bottom = 35.0
        var svg = SVGText.open(kind, points: times.count, width: Int(w), height: Int(h))
        guard let t0 = times.first, let t1 = times.last, t1 > t0 else { return svg + "<text x=\"70\" y=\"100\">no data</text></svg>\n" }
        let hi = max(series.flatMap(\.1).max() ?? 1, 1)
        func x(_ t: Double) -> Double { left + (w - left - right) * (t - t0) / (t1 - t0) }
        func y(_ v: Double) -> Double { top + (h - top - bottom) * (1 - v / hi) }
        svg += frame(w: w, h: h, left: left, right: right, top: top, bottom: bottom)
        for t in 0...4 {
            let v = t0 + (t1 - t0) * Double(t) / 4
            svg += "<text x=\"\(SVGText.f(x(v)))\" y=\"\(SVGText.f(h - bottom + 14))\" text-anchor=\"middle\">\(NumberText.duration(v))</text>\n"
            let yv = hi * Double(t) / 4
            svg += "<text x=\"\(SVGText.f(left - 4))\" y=\"\(SVGText.f(y(yv) + 4))\" text-anchor=\"end\">\(NumberText.fixed(yv, yv >= 100 || yv.rounded() == yv ? 0 : 1))</text>\n"
        }
        for (k, (label, values)) in series.enumerated() {
            let color = SVGText.palette[k % SVGText.palette.count]
            var points = SVGText.Points(reserving: 2 * values.count)
            for (i, v) in values.enumerated() {
                if i > 0 { points.add(x(times[i]), y(values[i - 1])) }
                points.add(x(times[i]), y(v))
            }
            svg += "<polyline class=\"series\" data-series=\"\(SVGText.escape(label))\" points=\"\(points.text)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"1.5\"/>\n"
            svg += "<text x=\"\(SVGText.f(w - right + 8))\" y=\"\(SVGText.f(top + 12 + Double(k) * 14))\" fill=\"\(color)\">\(SVGText.escape(label))</text>\n"
        }
        return svg + "</svg>\n"
    }

    // MARK: worst instances

    static func worst(_ recorders: [(replication: Int, recorder: RunRecorder)], count: Int = 10) -> String {
        var all: [(Double, Int, Int)] = []  // downtime, replication slot, instance index
        for (slot, (_, rec)) in recorders.enumerated() {
            for k in rec.fleet.instances.indices where rec.downtime[k] > .zero { all.append((rec.downtime[k].seconds, slot, k)) }
        }
        all.sort { ($1.0, $0.1, $0.2) < ($0.0, $1.1, $1.2) }
        guard !all.isEmpty else { return "<p>No instance had downtime.</p>\n" }
        var html = "<table class=\"worst\"><tr><th>replication</th><th>instance</th><th>downtime</th><th>final</th><th>attempts (action source→target, start, end, outcome, reason)</th></tr>\n"
        for (d, slot, k) in all.prefix(count) {
            let (r, rec) = recorders[slot]
            let attempts = rec.attempts.filter { $0.instance.int == k }.map { a in
                "\(a.action.rawValue) \(rec.fleet.hosts[a.source.int].name)→\(rec.fleet.hosts[a.target.int].name), \(NumberText.duration(a.startedAt.seconds)), \(a.endedAt.map { NumberText.duration($0.seconds) } ?? "–"), \(a.outcome.map { "\($0)" } ?? "running")\(a.reason.isEmpty ? "" : ", \(a.reason)")"
            }
            html += "<tr><td>\(r)</td><td>\(SVGText.escape(rec.fleet.instances[k].name))</td><td>\(NumberText.duration(d))</td>"
            html += "<td>\(SVGText.escape(rec.finalState[k]?.rawValue ?? "untouched")): \(SVGText.escape(rec.finalReason[k]))</td>"
            html += "<td>\(attempts.map(SVGText.escape).joined(separator: "<br>"))</td></tr>\n"
        }
        return html + "</table>\n"
    }
}
