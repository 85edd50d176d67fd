/// A snapshot of one link: its capacity and what it has carried. Links themselves live inside
/// `BandwidthAllocator` (struct-of-arrays); this is the read-only view handed out.
public struct Link: Equatable, Sendable {
    public let id: LinkID
    /// Current capacity; changes when the link is degraded, cut (0) or restored.
    public let capacityBytesPerSecond: Double
    /// Sum over the flows crossing the link of rate x crossings.
    public let loadBytesPerSecond: Double
    /// Distinct flows crossing the link now.
    public let activeFlowCount: Int
    /// Most flows that crossed the link at once since it was added.
    public let peakFlowCount: Int
    /// Bytes carried since the link was added, up to the allocator's current time.
    public let bytesCarried: Double

    /// `load / capacity`; 0 for a cut (capacity 0) or unlimited link.
    public var utilisation: Double {
        capacityBytesPerSecond > 0 && capacityBytesPerSecond.isFinite
            ? loadBytesPerSecond / capacityBytesPerSecond : 0
    }
}

/// A snapshot of one active flow.
public struct Flow: Equatable, Sendable {
    public let id: FlowID
    /// The links crossed, in order; a link may appear more than once (LXD relay mode).
    public let path: [LinkID]
    /// The flow's own cap (QEMU `max_bandwidth`); may be infinity.
    public let maxBytesPerSecond: Double
    public let rateBytesPerSecond: Double
    /// Bytes pushed since the flow started, up to the allocator's current time.
    public let bytesSent: Double
}
