import FleetModel
import SimKernel

/// A cold move's root-disk copy on the network.
struct Transfer {
    let flow: FlowID
    let path: [LinkID]
    var remainingBytes: Double
    var rate: Double
    var since: SimTime
    var event: EventHandle?
}
