import FleetModel

/// Host, rack and link names of a scenario's `failures:` section, resolved against the fleet
/// and its network. Unknown or ambiguous names are `FleetBuildError`s at the entry's key path.
struct FailureNames {
    let fleet: Fleet
    let topology: NetworkTopology
    let hostByName: [String: HostID]
    /// Per rack (index into `topology.rackNames`): its fault domain and its hosts.
    let rackFaultDomain: [String]
    let rackHosts: [[HostID]]

    init(fleet: Fleet, topology: NetworkTopology) {
        self.fleet = fleet
        self.topology = topology
        hostByName = fleet.hostIndexByName()
        var fd = Array(repeating: "", count: topology.rackNames.count)
        var hosts = Array(repeating: [HostID](), count: topology.rackNames.count)
        for host in fleet.hosts {
            let r = topology.rackOfHost[host.id.int]
            fd[r] = host.location.faultDomain
            hosts[r].append(host.id)
        }
        rackFaultDomain = fd
        rackHosts = hosts
    }

    /// `FAULT-DOMAIN/rack`: unique, and the entity name of a rack's random streams.
    func qualifiedRackName(_ r: Int) -> String { rackFaultDomain[r] + "/" + topology.rackNames[r] }

    func host(_ name: String, keyPath: String) throws(FleetBuildError) -> HostID {
        if let id = hostByName[name] { return id }
        throw FleetBuildError(keyPath: keyPath, message: "no host named '\(name)'\(Self.closest(name, in: fleet.hosts.map(\.name)))")
    }

    /// A rack by its name, or by `FAULT-DOMAIN/rack` when the name alone is ambiguous.
    func rack(_ name: String, keyPath: String) throws(FleetBuildError) -> Int {
        let all = topology.rackNames.indices
        let byName = all.filter { topology.rackNames[$0] == name }
        if byName.count == 1 { return byName[0] }
        if byName.count > 1 {
            let options = byName.map { "'\(qualifiedRackName($0))'" }.joined(separator: ", ")
            throw FleetBuildError(keyPath: keyPath,
                                  message: "rack name '\(name)' is used in several fault domains; write one of \(options)")
        }
        if let r = all.first(where: { qualifiedRackName($0) == name }) { return r }
        let known = Array(Set(topology.rackNames)).sorted()
        throw FleetBuildError(keyPath: keyPath, message: "no rack named '\(name)'\(Self.closest(name, in: known))")
    }

    /// The links a selector stands for.
    func links(_ selector: LinkSelector, keyPath: String) throws(FleetBuildError) -> [LinkID] {
        switch selector {
        case .hostNIC(let name):
            let h = try host(name, keyPath: keyPath + ".host")
            return nicLinks(h)
        case .rackUplink(let name):
            let r = try rack(name, keyPath: keyPath + ".rack")
            return [topology.rackUp[r], topology.rackDown[r]]
        case .spine:
            guard let spine = topology.spine else {
                throw FleetBuildError(keyPath: keyPath, message: "the network has no finite spine (set fleet.network.spine)")
            }
            return [spine]
        case .client:
            return [topology.client]
        }
    }

    func nicLinks(_ h: HostID) -> [LinkID] { [topology.nicOut[h.int], topology.nicIn[h.int]] }

    /// Every link a rack's ToR carries: its uplink and downlink, and its hosts' NICs.
    func torLinks(_ r: Int) -> [LinkID] {
        [topology.rackUp[r], topology.rackDown[r]] + rackHosts[r].flatMap(nicLinks)
    }

    /// ` (did you mean 'x'?)` for a likely typo, or the first few known names.
    static func closest(_ name: String, in names: [String]) -> String {
        var best: (String, Int)?
        for candidate in names {
            let d = editDistance(name.lowercased(), candidate.lowercased())
            if d < (best?.1 ?? Int.max) { best = (candidate, d) }
        }
        if let (candidate, d) = best, d <= max(1, name.count / 3) { return " (did you mean '\(candidate)'?)" }
        let shown = names.prefix(8).map { "'\($0)'" }.joined(separator: ", ")
        return names.isEmpty ? "" : " (known: \(shown)\(names.count > 8 ? ", ..." : ""))"
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
