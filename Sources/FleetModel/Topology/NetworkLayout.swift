/// The shape of the data-centre network a scenario describes.
public struct NetworkLayout: Sendable, Equatable {
    /// Rack uplink capacity = (sum of the rack's host NIC rates) / oversubscription, unless
    /// `rackUplinkBytesPerSecond` gives it. 4:1 is a common leaf oversubscription for
    /// compute racks (an assumption; scenarios should state theirs).
    public var oversubscription: Double
    public var rackUplinkBytesPerSecond: Double?
    /// The spine between racks; nil is non-blocking (never a bottleneck).
    public var spineBytesPerSecond: Double?
    /// The client's link for LXD's `relay` transfer mode (data crosses it twice).
    public var clientBytesPerSecond: Double
    /// Latency of each host NIC link (SimGrid platforms give every link one). A migration's
    /// route crosses the source's NIC out and the target's NIC in, so each of its messages
    /// waits twice this; only the `simgrid` engine counts messages (QEMU's fixed costs are
    /// modelled in the engine). Default 0.
    public var nicLatencySeconds: Double

    public init(oversubscription: Double = 4, rackUplinkBytesPerSecond: Double? = nil,
                spineBytesPerSecond: Double? = nil, clientBytesPerSecond: Double = 10e9 / 8,
                nicLatencySeconds: Double = 0) {
        self.oversubscription = oversubscription
        self.rackUplinkBytesPerSecond = rackUplinkBytesPerSecond
        self.spineBytesPerSecond = spineBytesPerSecond
        self.clientBytesPerSecond = clientBytesPerSecond
        self.nicLatencySeconds = nicLatencySeconds
    }

    /// The latency of one message on a host-to-host migration route.
    public var routeLatencySeconds: Double { 2 * nicLatencySeconds }
}

/// How a transfer travels (LXD `lxc move --mode`, seed 000): `pull` and `push` go host to
/// host; `relay` goes through the client, crossing the client's link twice. One enum for the
/// policy knob (`policy.lxd.transfer_mode`) and the network's path choice.
public enum TransferMode: String, Sendable, CaseIterable {
    /// The target server connects to the source and pulls (LXD's default).
    case pull
    /// The source server connects to the target and pushes.
    case push
    /// The client connects to both and the data passes through it.
    case relay
}
