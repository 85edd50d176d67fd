/// Dense integer identifiers: a host or instance is an index into the fleet's arrays, so the
/// simulator's hot path looks things up by position, never by hashing a name.
public struct HostID: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public let index: Int32
    @inlinable public init(_ index: Int) { self.index = Int32(index) }
    @inlinable public var int: Int { Int(index) }
    @inlinable public static func < (a: HostID, b: HostID) -> Bool { a.index < b.index }
    public var description: String { "host#\(index)" }
}

public struct InstanceID: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public let index: Int32
    @inlinable public init(_ index: Int) { self.index = Int32(index) }
    @inlinable public var int: Int { Int(index) }
    @inlinable public static func < (a: InstanceID, b: InstanceID) -> Bool { a.index < b.index }
    public var description: String { "instance#\(index)" }
}

// Encoded as the bare index (a run shard's recorder snapshot holds millions of them).
extension HostID {
    public init(from decoder: any Decoder) throws { index = try decoder.singleValueContainer().decode(Int32.self) }
    public func encode(to encoder: any Encoder) throws { var c = encoder.singleValueContainer(); try c.encode(index) }
}

extension InstanceID {
    public init(from decoder: any Decoder) throws { index = try decoder.singleValueContainer().decode(Int32.self) }
    public func encode(to encoder: any Encoder) throws { var c = encoder.singleValueContainer(); try c.encode(index) }
}
