/// A column of a CSV file: by header name, or by 0-based position.
public enum CSVColumn: Sendable, Equatable, Hashable, CustomStringConvertible,
                       ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    case name(String)
    case index(Int)

    public init(stringLiteral value: String) { self = .name(value) }
    public init(integerLiteral value: Int) { self = .index(value) }

    public var description: String {
        switch self {
        case let .name(name): return "'\(name)'"
        case let .index(index): return "\(index)"
        }
    }
}
