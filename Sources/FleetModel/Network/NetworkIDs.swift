/// A link of the fleet network (a NIC direction, a rack uplink direction, a spine, a
/// client's link), numbered densely from 0 in the order links are added.
public struct LinkID: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public let rawValue: Int32
    @inlinable public init(_ rawValue: Int32) { self.rawValue = rawValue }
    @inlinable public var index: Int { Int(rawValue) }
    @inlinable public static func < (a: LinkID, b: LinkID) -> Bool { a.rawValue < b.rawValue }
    public var description: String { "link#\(rawValue)" }
}

/// A flow (one transfer: a migration stream, an image copy). Small dense integers; the id of
/// an ended flow is recycled by a later `startFlow`, so never keep one past `endFlow`.
public struct FlowID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: Int32
    @inlinable public init(_ rawValue: Int32) { self.rawValue = rawValue }
    @inlinable public var index: Int { Int(rawValue) }
    @inlinable public static func < (a: FlowID, b: FlowID) -> Bool { a.rawValue < b.rawValue }
    public var description: String { "flow#\(rawValue)" }
}

// Encoded as the bare number, like host and instance identifiers.
extension LinkID {
    public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(Int32.self) }
    public func encode(to encoder: any Encoder) throws { var c = encoder.singleValueContainer(); try c.encode(rawValue) }
}
