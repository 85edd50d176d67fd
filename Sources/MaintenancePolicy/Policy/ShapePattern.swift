/// A compute shape name, or a series of them: `VM.Standard.E4.Flex` matches that shape only,
/// `VM.Standard2.*` matches every shape that starts with `VM.Standard2.` (OCI's "VM.Standard2
/// series": VM.Standard2.1, VM.Standard2.2, ...). Matching is case-sensitive, as OCI's shape
/// names are.
public struct ShapePattern: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// As written: an exact name, or a prefix followed by `*`.
    public let text: String

    /// Whether `text` ends in `*` (a series).
    public let isSeries: Bool
    /// The prefix a series matches (the text without its `*`), or the exact name. Kept, not
    /// derived per match: the OCI policy matches every planned instance's shape against
    /// several patterns, and cutting the `*` off each time was 3 % of region-1m at x0.1
    /// (`perf`, 2026-12-07).
    public let stem: String

    public init(_ text: String) {
        self.text = text
        isSeries = text.hasSuffix("*")
        stem = isSeries ? String(text.dropLast()) : text
    }
    public init(stringLiteral value: String) { self.init(value) }

    public func matches(_ shape: String) -> Bool {
        isSeries ? shape.hasPrefix(stem) : shape == text
    }

    public var description: String { text }
}

extension Sequence where Element == ShapePattern {
    /// Whether any pattern matches `shape`.
    public func matches(_ shape: String) -> Bool { contains { $0.matches(shape) } }
}
