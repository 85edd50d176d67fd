/// A link rate over time for driving one migration without the fleet's network: the rate is
/// `bytesPerSecond` from `atSeconds` (relative to the migration start) until the next step.
public struct WireSchedule: Sendable, Equatable {
    public struct Step: Sendable, Equatable {
        public var atSeconds: Double
        public var bytesPerSecond: Double
        public init(atSeconds: Double, bytesPerSecond: Double) {
            self.atSeconds = atSeconds
            self.bytesPerSecond = bytesPerSecond
        }
    }
    public var steps: [Step]

    public init(steps: [Step]) {
        precondition(!steps.isEmpty, "a wire schedule needs at least one step")
        self.steps = steps.sorted { $0.atSeconds < $1.atSeconds }
    }

    /// A fixed-rate wire.
    public static func fixed(bytesPerSecond: Double) -> WireSchedule {
        WireSchedule(steps: [Step(atSeconds: 0, bytesPerSecond: bytesPerSecond)])
    }
}
