/// A flow whose rate was changed by an operation on the network: the simulator reschedules
/// this flow's completion, and only this flow's.
public struct RateChange: Equatable, Sendable {
    public let flow: FlowID
    public let oldBytesPerSecond: Double
    public let newBytesPerSecond: Double

    @inlinable public init(flow: FlowID, oldBytesPerSecond: Double, newBytesPerSecond: Double) {
        self.flow = flow
        self.oldBytesPerSecond = oldBytesPerSecond
        self.newBytesPerSecond = newBytesPerSecond
    }
}
