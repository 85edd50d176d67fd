/// Dense integer identifiers: a host or instance is an index into the fleet's arrays, so the
/// simulator's hot path looks things up by position, never by hashing a name.
public struct HostID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let index: Int32
    @inlinable public init(_ index: Int) { self.index = Int32(index) }
    @inlinable public var int: Int { Int(index) }
    @inlinable public static func < (a: HostID, b: HostID) -> Bool { a.index < b.index }
    public var description: String { "host#\(index)" }
}

public struct InstanceID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let index: Int32
    @inlinable public init(_ index: Int) { self.index = Int32(index) }
    @inlinable public var int: Int { Int(index) }
    @inlinable public static func < (a: InstanceID, b: InstanceID) -> Bool { a.index < b.index }
    public var description: String { "instance#\(index)" }
}
