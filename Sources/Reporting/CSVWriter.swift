/// Builds a CSV file as UTF-8 bytes, row by row: RFC 4180 quoting (a field holding a comma,
/// a double quote or a line break is quoted, its quotes doubled), rows ended by "\n". One
/// growing byte buffer instead of a string per field, per joined row and per concatenation:
/// instances.csv of a 10,000-instance run was a third of its report time in those.
struct CSVWriter {
    private(set) var bytes: [UInt8] = []
    /// Streaming: rows are handed on in chunks of about `spillBytes` as they are formatted,
    /// so a file of any size needs a buffer of a megabyte (call `finish` for the last chunk).
    var spill: ((UnsafeBufferPointer<UInt8>) -> Void)? = nil
    static let spillBytes = 1 << 20

    init(reservingCapacity capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// A writer that streams its rows to `sink`.
    init(streamingTo sink: @escaping (UnsafeBufferPointer<UInt8>) -> Void) {
        bytes.reserveCapacity(Self.spillBytes + 64 * 1024)
        spill = sink
    }

    mutating func appendRow(_ fields: [String]) {
        for field in fields { self.field(field) }
        endRow()
    }

    // MARK: Field by field
    // A row built field by field formats numbers straight into the buffer: no string per
    // field and no array per row, which were most of instances.csv's time (perf, 10k benches,
    // docs/performance.md "Reports, field by field"). The bytes are those of `appendRow` with
    // the same texts.

    /// Fields written in the row being built (a separator goes before every field but the first).
    private(set) var fieldsInRow = 0

    private mutating func separate() {
        if fieldsInRow > 0 { bytes.append(UInt8(ascii: ",")) }
        fieldsInRow += 1
    }

    /// A text field, quoted when it must be.
    mutating func field(_ text: String) {
        separate()
        append(field: text)
    }

    /// A number as `NumberText.json` writes it (numbers never need quotes).
    mutating func field(json x: Double) {
        separate()
        NumberText.withJSONBytes(x) { bytes.append(contentsOf: $0) }
    }

    /// An integer in decimal, as `String(n)` writes it.
    mutating func field(_ n: Int) {
        separate()
        NumberText.withDecimalBytes(Int64(n)) { bytes.append(contentsOf: $0) }
    }

    /// The fields of `segment`, a writer holding part of a row built apart (fields that repeat
    /// on several rows are formatted once).
    mutating func fields(of segment: CSVWriter) {
        guard segment.fieldsInRow > 0 else { return }
        separate()
        bytes.append(contentsOf: segment.bytes)
        fieldsInRow += segment.fieldsInRow - 1
    }

    /// Empty the writer for reuse as a segment (its capacity is kept).
    mutating func clearSegment() {
        bytes.removeAll(keepingCapacity: true)
        fieldsInRow = 0
    }

    /// End the row being built.
    mutating func endRow() {
        bytes.append(UInt8(ascii: "\n"))
        fieldsInRow = 0
        if spill != nil && bytes.count >= Self.spillBytes { flush() }
    }

    /// A whole file's text, its rows written by `rows`.
    static func text(reservingCapacity capacity: Int = 0, _ rows: (inout CSVWriter) -> Void) -> String {
        var out = CSVWriter(reservingCapacity: capacity)
        rows(&out)
        return out.text
    }

    /// The bytes `text` would hold, handed to `sink` a megabyte at a time as `rows` writes them.
    static func stream(to sink: @escaping (UnsafeBufferPointer<UInt8>) -> Void, _ rows: (inout CSVWriter) -> Void) {
        var out = CSVWriter(streamingTo: sink)
        rows(&out)
        out.finish()
    }

    /// Hand on what is buffered (streaming writers only).
    mutating func finish() { if spill != nil && !bytes.isEmpty { flush() } }

    private mutating func flush() {
        guard let spill else { return }
        bytes.withUnsafeBufferPointer { spill($0) }
        bytes.removeAll(keepingCapacity: true)
    }

    /// The quoting rule of `InstanceCSV.field`, on bytes: the four characters are ASCII, so
    /// testing UTF-8 bytes is testing Unicode scalars.
    private mutating func append(field: String) {
        var field = field
        field.withUTF8 { utf8 in
            let needsQuotes = utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
            guard needsQuotes else { bytes.append(contentsOf: utf8); return }
            bytes.append(UInt8(ascii: "\""))
            for byte in utf8 {
                if byte == UInt8(ascii: "\"") { bytes.append(byte) }
                bytes.append(byte)
            }
            bytes.append(UInt8(ascii: "\""))
        }
    }

    /// The file's text.
    var text: String { String(decoding: bytes, as: UTF8.self) }
}
