import Foundation
import Reporting

/// `sweep.html`: one self-contained page (inline SVG, no script, no network) with
/// - each key metric against the first swept parameter, one line per value of the second,
///   with its 95 % CI as a band;
/// - a heatmap of the campaign makespan over the first two parameters;
/// - the Pareto front of total migration time vs mean downtime over all points.
/// Charts are `<svg class="chart" data-points="N">` so a browser test can check they hold data.
public enum SweepHTML {
    static let lineMetrics: [SweepMetric] = [.makespanSeconds, .meanDowntimeSeconds, .p99DowntimeSeconds,
                                             .totalMigrationTimeSeconds, .movedFraction]

    public static func render(summary: SweepSummary, title: String, replications: Int) -> String {
        var body = "<h1>fleetsim sweep: \(escape(title))</h1>\n"
        body += "<p>\(summary.points.count) points x \(replications) replications, common random numbers. "
        body += "Swept: \(summary.keys.map { "<code>\(escape($0))</code>" }.joined(separator: ", ")).</p>\n"
        body += "<h2>Metrics against \(escape(summary.keys[0]))</h2>\n<div class=\"grid\">\n"
        for metric in lineMetrics { body += lineChart(summary, metric) }
        body += "</div>\n"
        if summary.keys.count >= 2 {
            body += "<h2>Heatmap: makespan over \(escape(summary.keys[0])) x \(escape(summary.keys[1]))</h2>\n"
            body += heatmap(summary, .makespanSeconds)
        }
        body += "<h2>Pareto front: total migration time vs mean downtime</h2>\n"
        body += pareto(summary)
        return """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>fleetsim sweep: \(escape(title))</title>
        <style>
        body{font-family:system-ui,sans-serif;margin:2em;color:#222}
        .grid{display:flex;flex-wrap:wrap;gap:1em}
        svg.chart{background:#fafafa;border:1px solid #ddd}
        svg text{font-size:11px}
        code{background:#eee;padding:0 .2em}
        </style></head><body>
        \(body)</body></html>

        """
    }

    // MARK: charts

    static let palette = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf"]

    /// Points grouped by the second axis's value (one group when there is one axis); within
    /// a group, ordered by the first axis's value. Other axes: their first value only.
    static func series(_ s: SweepSummary) -> [(label: String, points: [(x: Int, p: Int)])] {
        let firstValues = unique(s.points.map { $0[0] })
        let secondValues = s.keys.count >= 2 ? unique(s.points.map { $0[1] }) : [""]
        var result: [(String, [(Int, Int)])] = []
        for v2 in secondValues {
            var pts: [(Int, Int)] = []
            for (p, point) in s.points.enumerated() where (s.keys.count < 2 || point[1] == v2)
                && (s.keys.count < 3 || zip(point.dropFirst(2), s.points[0].dropFirst(2)).allSatisfy { $0 == $1 }) {
                pts.append((firstValues.firstIndex(of: point[0])!, p))
            }
            result.append((s.keys.count >= 2 ? "\(s.keys[1])=\(v2)" : s.keys[0], pts))
        }
        return result
    }

    static func lineChart(_ s: SweepSummary, _ metric: SweepMetric) -> String {
        let w = 420.0, h = 260.0, left = 70.0, right = 20.0, top = 30.0, bottom = 50.0
        let firstValues = unique(s.points.map { $0[0] })
        let all = series(s)
        var lo = Double.infinity, hi = -Double.infinity, count = 0
        for (_, pts) in all { for (_, p) in pts { if let e = s.entries[p][metric] {
            lo = min(lo, e.lower ?? e.mean); hi = max(hi, e.upper ?? e.mean); count += 1 } } }
        var svg = "<svg class=\"chart\" data-chart=\"line\" data-metric=\"\(metric.rawValue)\" data-points=\"\(count)\" width=\"\(Int(w))\" height=\"\(Int(h))\" viewBox=\"0 0 \(Int(w)) \(Int(h))\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        svg += "<text x=\"\(left)\" y=\"18\" font-weight=\"bold\">\(metric.rawValue) (mean, 95% CI)</text>\n"
        guard count > 0 else { return svg + "<text x=\"\(left)\" y=\"120\">no data</text></svg>\n" }
        if lo == hi { lo -= 1; hi += 1 }
        lo = min(lo, 0) == 0 && lo >= 0 ? 0 : lo
        let n = max(firstValues.count - 1, 1)
        func x(_ i: Int) -> Double { left + (w - left - right) * (firstValues.count == 1 ? 0.5 : Double(i) / Double(n)) }
        func y(_ v: Double) -> Double { top + (h - top - bottom) * (1 - (v - lo) / (hi - lo)) }
        svg += axes(w: w, h: h, left: left, right: right, top: top, bottom: bottom, lo: lo, hi: hi, metric: metric)
        for (i, v) in firstValues.enumerated() {
            svg += "<text x=\"\(f(x(i)))\" y=\"\(f(h - bottom + 15))\" text-anchor=\"middle\">\(escape(v))</text>\n"
        }
        svg += "<text x=\"\(f((left + w - right) / 2))\" y=\"\(f(h - 8))\" text-anchor=\"middle\">\(escape(s.keys[0]))</text>\n"
        for (k, (label, pts)) in all.enumerated() {
            let color = palette[k % palette.count]
            let withData = pts.compactMap { (xi, p) in s.entries[p][metric].map { (xi, $0) } }
            guard !withData.isEmpty else { continue }
            let upper = withData.map { "\(f(x($0.0))),\(f(y($0.1.upper ?? $0.1.mean)))" }
            let lower = withData.reversed().map { "\(f(x($0.0))),\(f(y($0.1.lower ?? $0.1.mean)))" }
            svg += "<polygon class=\"ci-band\" points=\"\((upper + lower).joined(separator: " "))\" fill=\"\(color)\" fill-opacity=\"0.18\" stroke=\"none\"/>\n"
            svg += "<polyline class=\"mean\" points=\"\(withData.map { "\(f(x($0.0))),\(f(y($0.1.mean)))" }.joined(separator: " "))\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\"/>\n"
            for (xi, e) in withData {
                svg += "<circle cx=\"\(f(x(xi)))\" cy=\"\(f(y(e.mean)))\" r=\"3\" fill=\"\(color)\"><title>\(escape(label)): \(SweepSummary.text(e.mean, metric))</title></circle>\n"
            }
            svg += "<text x=\"\(f(w - right - 5))\" y=\"\(f(top + 12 + Double(k) * 13))\" text-anchor=\"end\" fill=\"\(color)\">\(escape(label))</text>\n"
        }
        return svg + "</svg>\n"
    }

    static func axes(w: Double, h: Double, left: Double, right: Double, top: Double, bottom: Double,
                     lo: Double, hi: Double, metric: SweepMetric) -> String {
        var svg = "<line x1=\"\(f(left))\" y1=\"\(f(h - bottom))\" x2=\"\(f(w - right))\" y2=\"\(f(h - bottom))\" stroke=\"#444\"/>\n"
        svg += "<line x1=\"\(f(left))\" y1=\"\(f(top))\" x2=\"\(f(left))\" y2=\"\(f(h - bottom))\" stroke=\"#444\"/>\n"
        for t in 0...4 {
            let v = lo + (hi - lo) * Double(t) / 4
            let yy = top + (h - top - bottom) * (1 - Double(t) / 4)
            svg += "<text x=\"\(f(left - 4))\" y=\"\(f(yy + 4))\" text-anchor=\"end\">\(escape(SweepSummary.text(v, metric)))</text>\n"
            svg += "<line x1=\"\(f(left))\" y1=\"\(f(yy))\" x2=\"\(f(w - right))\" y2=\"\(f(yy))\" stroke=\"#ddd\"/>\n"
        }
        return svg
    }

    static func heatmap(_ s: SweepSummary, _ metric: SweepMetric) -> String {
        let xs = unique(s.points.map { $0[0] })
        let ys = unique(s.points.map { $0[1] })
        let cw = 90.0, ch = 40.0, left = 110.0, top = 30.0
        let w = left + cw * Double(xs.count) + 20, h = top + ch * Double(ys.count) + 50
        var values: [[Double?]] = Array(repeating: Array(repeating: nil, count: xs.count), count: ys.count)
        for (p, point) in s.points.enumerated()
        where s.keys.count < 3 || zip(point.dropFirst(2), s.points[0].dropFirst(2)).allSatisfy({ $0 == $1 }) {
            values[ys.firstIndex(of: point[1])!][xs.firstIndex(of: point[0])!] = s.entries[p][metric]?.mean
        }
        let present = values.flatMap { $0 }.compactMap { $0 }
        var svg = "<svg class=\"chart\" data-chart=\"heatmap\" data-metric=\"\(metric.rawValue)\" data-points=\"\(present.count)\" width=\"\(Int(w))\" height=\"\(Int(h))\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        let lo = present.min() ?? 0, hi = present.max() ?? 1
        for (j, yv) in ys.enumerated() {
            svg += "<text x=\"\(f(left - 6))\" y=\"\(f(top + ch * Double(j) + ch / 2 + 4))\" text-anchor=\"end\">\(escape(yv))</text>\n"
            for (i, _) in xs.enumerated() {
                let x = left + cw * Double(i), y = top + ch * Double(j)
                guard let v = values[j][i] else {
                    svg += "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(cw))\" height=\"\(f(ch))\" fill=\"#eee\" stroke=\"#fff\"/>\n"
                    continue
                }
                // Light (low cost) to dark red (high cost).
                let t = hi > lo ? (v - lo) / (hi - lo) : 0.5
                let g = Int(235 - 170 * t), b = Int(220 - 180 * t)
                svg += "<rect class=\"cell\" x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(cw))\" height=\"\(f(ch))\" fill=\"rgb(250,\(g),\(b))\" stroke=\"#fff\"><title>\(escape(s.keys[0]))=\(escape(xs[i])), \(escape(s.keys[1]))=\(escape(yv)): \(SweepSummary.text(v, metric))</title></rect>\n"
                svg += "<text x=\"\(f(x + cw / 2))\" y=\"\(f(y + ch / 2 + 4))\" text-anchor=\"middle\">\(escape(SweepSummary.text(v, metric)))</text>\n"
            }
        }
        for (i, xv) in xs.enumerated() {
            svg += "<text x=\"\(f(left + cw * Double(i) + cw / 2))\" y=\"\(f(top + ch * Double(ys.count) + 15))\" text-anchor=\"middle\">\(escape(xv))</text>\n"
        }
        svg += "<text x=\"\(f(left))\" y=\"18\" font-weight=\"bold\">\(metric.rawValue) (mean); rows \(escape(s.keys[1])), columns \(escape(s.keys[0]))</text>\n"
        return svg + "</svg>\n"
    }

    /// Points no other point beats on both costs (lower total migration time and lower mean
    /// downtime), joined in order of migration time.
    static func pareto(_ s: SweepSummary) -> String {
        let pts: [(p: Int, x: Double, y: Double)] = s.points.indices.compactMap { p in
            guard let a = s.entries[p][.totalMigrationTimeSeconds]?.mean, let b = s.entries[p][.meanDowntimeSeconds]?.mean else { return nil }
            return (p, a, b)
        }
        let front = paretoFront(pts.map { ($0.x, $0.y) })
        let w = 520.0, h = 340.0, left = 80.0, right = 20.0, top = 30.0, bottom = 50.0
        var svg = "<svg class=\"chart\" data-chart=\"pareto\" data-points=\"\(pts.count)\" data-front=\"\(front.count)\" width=\"\(Int(w))\" height=\"\(Int(h))\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        guard !pts.isEmpty else { return svg + "<text x=\"\(left)\" y=\"120\">no data</text></svg>\n" }
        var xlo = pts.map(\.x).min()!, xhi = pts.map(\.x).max()!, ylo = pts.map(\.y).min()!, yhi = pts.map(\.y).max()!
        if xlo == xhi { xlo -= 1; xhi += 1 }
        if ylo == yhi { ylo -= 1; yhi += 1 }
        let xpad = (xhi - xlo) * 0.08, ypad = (yhi - ylo) * 0.08
        xlo -= xpad; xhi += xpad; ylo -= ypad; yhi += ypad
        func x(_ v: Double) -> Double { left + (w - left - right) * (v - xlo) / (xhi - xlo) }
        func y(_ v: Double) -> Double { top + (h - top - bottom) * (1 - (v - ylo) / (yhi - ylo)) }
        svg += axes(w: w, h: h, left: left, right: right, top: top, bottom: bottom, lo: ylo, hi: yhi, metric: .meanDowntimeSeconds)
        for t in 0...4 {
            let v = xlo + (xhi - xlo) * Double(t) / 4
            svg += "<text x=\"\(f(x(v)))\" y=\"\(f(h - bottom + 15))\" text-anchor=\"middle\">\(escape(NumberText.duration(v)))</text>\n"
        }
        svg += "<text x=\"\(f((left + w - right) / 2))\" y=\"\(f(h - 8))\" text-anchor=\"middle\">total migration time (mean)</text>\n"
        svg += "<text x=\"\(left)\" y=\"18\" font-weight=\"bold\">mean downtime per moved instance vs total migration time; front in red</text>\n"
        let ordered = front.sorted { pts[$0].x < pts[$1].x }
        svg += "<polyline class=\"front\" points=\"\(ordered.map { "\(f(x(pts[$0].x))),\(f(y(pts[$0].y)))" }.joined(separator: " "))\" fill=\"none\" stroke=\"#d62728\" stroke-width=\"2\"/>\n"
        for (k, pt) in pts.enumerated() {
            let onFront = front.contains(k)
            let label = zip(s.keys, s.points[pt.p]).map { "\($0)=\($1)" }.joined(separator: ", ")
            svg += "<circle class=\"\(onFront ? "front-point" : "point")\" cx=\"\(f(x(pt.x)))\" cy=\"\(f(y(pt.y)))\" r=\"\(onFront ? 5 : 3.5)\" fill=\"\(onFront ? "#d62728" : "#1f77b4")\"><title>\(escape(label)): \(NumberText.duration(pt.x)), \(NumberText.duration(pt.y))</title></circle>\n"
        }
        return svg + "</svg>\n"
    }

    /// Indices of the non-dominated points (both coordinates are costs).
    public static func paretoFront(_ pts: [(Double, Double)]) -> [Int] {
        pts.indices.filter { i in
            !pts.indices.contains { j in
                j != i && pts[j].0 <= pts[i].0 && pts[j].1 <= pts[i].1 && (pts[j].0 < pts[i].0 || pts[j].1 < pts[i].1)
            }
        }
    }

    /// Values in first-seen order, each once.
    static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }

    static func f(_ x: Double) -> String { NumberText.fixed(x, 1) }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
