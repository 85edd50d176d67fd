/// One entry of `DistributionKind`'s parameter table.
public struct DistributionParameter: Sendable, Equatable, Hashable {
    /// The key a scenario file uses.
    public let name: String
    /// Whether the parameter set it belongs to needs it.
    public let required: Bool
    /// True if the parameter carries the unit of the sampled quantity (a mean in seconds,
    /// a median in GiB). False for dimensionless ones (shape, sigma) and for mu, which is ln
    /// of the quantity. A scenario layer uses this to know which numbers to parse with units.
    public let scaled: Bool
    /// True for parameters given as a list of numbers (empirical `values` and `weights`)
    /// rather than one number.
    public let isList: Bool

    public init(_ name: String, required: Bool = true, scaled: Bool, isList: Bool = false) {
        self.name = name
        self.required = required
        self.scaled = scaled
        self.isList = isList
    }
}
