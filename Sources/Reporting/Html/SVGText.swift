import Foundation

/// Small helpers for hand-written SVG and HTML: escaping and fixed one-decimal coordinates
/// (so the page is the same bytes for the same run).
enum SVGText {
    static func escape(_ s: String) -> String {
        // Most text (names, numbers) has nothing to escape: one scan of its bytes instead of
        // four Foundation replacements, which were 2.7 % of concurrent-10k's whole process.
        guard s.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<")
                                       || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"") }) else { return s }
        return s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func f(_ x: Double) -> String { NumberText.fixed(x, 1) }

    /// `<svg class="chart" ...>` with the data count a browser test checks.
    static func open(_ kind: String, points: Int, width: Int, height: Int) -> String {
        "<svg class=\"chart\" data-chart=\"\(kind)\" data-points=\"\(points)\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" xmlns=\"http://www.w3.org/2000/svg\">\n"
    }

    static let palette = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf"]
}
