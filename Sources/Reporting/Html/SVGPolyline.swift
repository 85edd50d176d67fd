extension SVGText {
    /// A polyline's `points`, "x,y x,y ...", at the page's resolution of a tenth of a unit,
    /// without the points that draw nothing new there.
    ///
    /// The timeline and downtime charts step through every change of a run: large-fleet at
    /// x0.3 gave 52,417 timeline rows, 629,000 points on a 590-unit-wide plot, 10.7 MB of page
    /// and most of its report time (perf, docs/performance.md "Reports, field by field"). At
    /// one decimal, the points of one x make a vertical stroke from their least to their
    /// greatest y, whatever their order; and points on one horizontal line make one segment.
    /// So each x keeps its first, least, greatest and last y (in the order they came) and a
    /// horizontal run keeps its ends: the lines drawn are the same, up to how the stroke joins
    /// at the points dropped.
    struct Points {
        /// Kept points, in tenths of a unit.
        private var kept: [(x: Int, y: Int)] = []
        /// The points of the x column being added (tenths), not yet kept.
        private var column = Column()

        private struct Column {
            var x = Int.min, count = 0
            var first = 0, last = 0, least = 0, greatest = 0
            /// Whether the least y came before the greatest (the order the stroke visits them).
            var leastFirst = true
        }

        init(reserving count: Int) { kept.reserveCapacity(min(count, 8_192)) }

        mutating func add(_ x: Double, _ y: Double) {
            // A coordinate off any page (or not a number) draws nothing a reader could see.
            guard abs(x) < 1e12, abs(y) < 1e12 else { return }
            let qx = Int((x * 10).rounded()), qy = Int((y * 10).rounded())
            if qx != column.x { closeColumn(); column = Column(x: qx, count: 0) }
            if column.count == 0 {
                column.first = qy; column.least = qy; column.greatest = qy
            } else if qy < column.least {
                column.least = qy; column.leastFirst = false
            } else if qy > column.greatest {
                column.greatest = qy; column.leastFirst = true
            }
            column.last = qy
            column.count += 1
        }

        private mutating func closeColumn() {
            guard column.count > 0 else { return }
            let x = column.x
            keep(x, column.first)
            if column.leastFirst { keep(x, column.least); keep(x, column.greatest) } else { keep(x, column.greatest); keep(x, column.least) }
            keep(x, column.last)
            column.count = 0
        }

        /// Append a point, merging it into the last one kept when they are equal or when the
        /// last lies on the straight line between its neighbour and this point.
        private mutating func keep(_ x: Int, _ y: Int) {
            let n = kept.count
            if n >= 1, kept[n - 1] == (x, y) { return }
            if n >= 2 {
                let a = kept[n - 2], b = kept[n - 1]
                let horizontal = a.y == b.y && b.y == y && (a.x <= b.x) == (b.x <= x)
                let vertical = a.x == b.x && b.x == x && (a.y <= b.y) == (b.y <= y)
                if horizontal || vertical { kept[n - 1] = (x, y); return }
            }
            kept.append((x, y))
        }

        /// The attribute's text.
        var text: String {
            var points = self
            points.closeColumn()
            var bytes: [UInt8] = []
            bytes.reserveCapacity(points.kept.count * 12)
            for (k, p) in points.kept.enumerated() {
                if k > 0 { bytes.append(UInt8(ascii: " ")) }
                Self.appendTenths(p.x, to: &bytes)
                bytes.append(UInt8(ascii: ","))
                Self.appendTenths(p.y, to: &bytes)
            }
            return String(decoding: bytes, as: UTF8.self)
        }

        /// `tenths / 10` at one decimal, as `SVGText.f` writes it ("-0.0" is "0.0").
        static func appendTenths(_ tenths: Int, to bytes: inout [UInt8]) {
            if tenths < 0 { bytes.append(UInt8(ascii: "-")) }
            let magnitude = tenths.magnitude
            NumberText.withDecimalBytes(Int64(magnitude / 10)) { bytes.append(contentsOf: $0) }
            bytes.append(UInt8(ascii: "."))
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
        }
    }
}
