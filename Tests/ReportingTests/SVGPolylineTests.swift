import Foundation
import Testing
@testable import Reporting

/// The charts' polylines drop the points that draw nothing new at the page's resolution: the
/// same cells are stroked as by every point, and the text is far shorter.
@Suite struct SVGPolylineTests {
    /// Points in tenths of a unit, parsed back from the attribute.
    static func parse(_ text: String) -> [(Int, Int)] {
        text.split(separator: " ").map { pair in
            let xy = pair.split(separator: ",").map { Int((Double(String($0))! * 10).rounded()) }
            return (xy[0], xy[1])
        }
    }

    /// The cells (tenths) a polyline's segments pass through, sampled one cell at a time.
    static func cells(_ points: [(Int, Int)]) -> Set<[Int]> {
        var set: Set<[Int]> = []
        guard let first = points.first else { return set }
        set.insert([first.0, first.1])
        for (a, b) in zip(points, points.dropFirst()) {
            let steps = max(abs(b.0 - a.0), abs(b.1 - a.1))
            for k in 0...max(steps, 1) {
                let t = Double(k) / Double(max(steps, 1))
                set.insert([Int((Double(a.0) + t * Double(b.0 - a.0)).rounded()), Int((Double(a.1) + t * Double(b.1 - a.1)).rounded())])
            }
        }
        return set
    }

    @Test func keptPointsStrokeTheSameCells() {
        var x: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int { x ^= x << 13; x ^= x >> 7; x ^= x << 17; return Int(x % UInt64(n)) }
        for trial in 0..<300 {
            // Step series as the charts draw them, crowded on some trials (many changes per
            // tenth of a unit), with some diagonal moves and back-steps for good measure.
            var points = SVGText.Points(reserving: 0)
            var all: [(Int, Int)] = []
            var px = 0, py = 500
            for _ in 0..<(50 + next(2_000)) {
                switch next(10) {
                case 0: px += next(3); py += next(41) - 20            // diagonal
                case 1: px -= next(2)                                  // back
                case 2...5: px += trial % 2 == 0 ? next(2) : next(30)  // forward along the line
                default: py += next(81) - 40                           // vertical
                }
                points.add(Double(px) / 10, Double(py) / 10)
                all.append((px, py))
            }
            let kept = Self.parse(points.text)
            #expect(Self.cells(kept) == Self.cells(all), "trial \(trial)")
            #expect(kept.count <= all.count)
            #expect(kept.first! == all.first! && kept.last! == all.last!)
        }
    }

    @Test func crowdedStepsShrinkToThePageResolution() {
        var points = SVGText.Points(reserving: 0)
        // 100,000 steps over 590 units: at most four points per tenth of a unit.
        for i in 0..<100_000 {
            let t = 70 + 590 * Double(i) / 100_000
            points.add(t, 100 + Double(i % 37))
            points.add(t, 100 + Double((i + 1) % 37))
        }
        let kept = Self.parse(points.text)
        #expect(kept.count <= 4 * 5_901)
        #expect(Self.cells(kept).count > 5_900)
    }

    @Test func textIsOneDecimalAsTheOtherCoordinates() {
        var points = SVGText.Points(reserving: 2)
        points.add(70, 15.04); points.add(-0.04, 3.25); points.add(.nan, 1); points.add(12.55, -7.06)
        #expect(points.text == "70.0,15.0 0.0,3.3 12.6,-7.1")
    }
}
