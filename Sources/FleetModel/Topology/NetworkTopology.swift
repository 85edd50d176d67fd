/// The links of a fleet's network in a `BandwidthAllocator`, and the path between two hosts.
///
/// Each host NIC is full duplex: one link out, one link in. Each rack has an uplink (towards
/// the spine) and a downlink (from it). A flow between racks crosses source NIC out, source
/// rack up, the spine (if it is finite), target rack down, target NIC in; within a rack it
/// crosses only the two NICs. Paths are built once per attempt; nothing here is per event.
public struct NetworkTopology: Sendable {
    public enum LinkKind: String, Sendable, Codable { case nicOut = "nic_out", nicIn = "nic_in", rackUp = "rack_up", rackDown = "rack_down", spine, client }

    public struct LinkInfo: Sendable {
        public let name: String
        public let kind: LinkKind
        public let capacityBytesPerSecond: Double
    }

    public private(set) var links: [LinkInfo] = []
    public let nicOut: [LinkID]
    public let nicIn: [LinkID]
    public let rackUp: [LinkID]
    public let rackDown: [LinkID]
    public let rackOfHost: [Int]
    public let rackNames: [String]
    public let spine: LinkID?
    public let client: LinkID

    /// Adds every link to `allocator`.
    public init(fleet: Fleet, layout: NetworkLayout, allocator: inout BandwidthAllocator) {
        var links: [LinkInfo] = []
        func add(_ name: String, _ kind: LinkKind, _ capacity: Double) -> LinkID {
            links.append(LinkInfo(name: name, kind: kind, capacityBytesPerSecond: capacity))
            return allocator.addLink(capacityBytesPerSecond: capacity)
        }
        var rackIndex: [String: Int] = [:]
        var rackNames: [String] = []
        var rackNic: [Double] = []
        var rackOfHost: [Int] = []
        for host in fleet.hosts {
            let key = host.location.faultDomain + "/" + host.location.rack
            let r: Int
            if let known = rackIndex[key] { r = known } else {
                r = rackNames.count
                rackIndex[key] = r
                rackNames.append(host.location.rack)
                rackNic.append(0)
            }
            rackNic[r] += host.nicBytesPerSecond
            rackOfHost.append(r)
        }
        nicOut = fleet.hosts.map { add($0.name + "/nic-out", .nicOut, $0.nicBytesPerSecond) }
        nicIn = fleet.hosts.map { add($0.name + "/nic-in", .nicIn, $0.nicBytesPerSecond) }
        rackUp = rackNames.indices.map {
            add(rackNames[$0] + "/up", .rackUp, layout.rackUplinkBytesPerSecond ?? rackNic[$0] / layout.oversubscription)
        }
        rackDown = rackNames.indices.map {
            add(rackNames[$0] + "/down", .rackDown, layout.rackUplinkBytesPerSecond ?? rackNic[$0] / layout.oversubscription)
        }
        spine = layout.spineBytesPerSecond.map { add("spine", .spine, $0) }
        client = add("client", .client, layout.clientBytesPerSecond)
        self.links = links
        self.rackOfHost = rackOfHost
        self.rackNames = rackNames
    }

    /// Links a transfer from `source` to `target` crosses, in order.
    public func path(from source: HostID, to target: HostID, mode: TransferMode = .pull) -> [LinkID] {
        let rs = rackOfHost[source.int], rt = rackOfHost[target.int]
        switch mode {
        case .pull, .push:
            if rs == rt { return [nicOut[source.int], nicIn[target.int]] }
            var p = [nicOut[source.int], rackUp[rs]]
            if let spine { p.append(spine) }
            p += [rackDown[rt], nicIn[target.int]]
            return p
        case .relay:
            // Source -> client -> target: the client's single link carries the data in and
            // out again. The client sits beyond the spine.
            var p = [nicOut[source.int], rackUp[rs]]
            if let spine { p.append(spine) }
            p += [client, client]
            if let spine { p.append(spine) }
            p += [rackDown[rt], nicIn[target.int]]
            return p
        }
    }

    public func info(_ link: LinkID) -> LinkInfo { links[link.index] }
}
