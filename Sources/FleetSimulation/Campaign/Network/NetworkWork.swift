/// How much re-rating a run did: the figures behind the cost of a large campaign (every
/// re-rating fills the flows it reaches and every rate change wakes a migration's engine).
/// Counted, not timed, so they are the same on every machine; `fleetsim bench` prints them
/// per re-rating (docs/performance.md, "Why large campaigns cost more per event").
public struct NetworkWork: Sendable, Codable, Equatable {
    /// `.rerate` events that had work (an instant with flow operations).
    public var reratings = 0
    /// Flows the allocator filled, summed over re-ratings (a re-rating fills the flows of
    /// the components its operations reached).
    public var flowsFilled = 0
    /// Flows whose rate changed, summed over re-ratings.
    public var rateChanges = 0
    /// Flows in flight at each re-rating, summed.
    public var flowsInFlight = 0

    public init(reratings: Int = 0, flowsFilled: Int = 0, rateChanges: Int = 0, flowsInFlight: Int = 0) {
        self.reratings = reratings
        self.flowsFilled = flowsFilled
        self.rateChanges = rateChanges
        self.flowsInFlight = flowsInFlight
    }

    /// A sum over re-ratings divided by their number (0 without re-ratings).
    public func perRerating(_ total: Int) -> Double {
        reratings == 0 ? 0 : Double(total) / Double(reratings)
    }
}
