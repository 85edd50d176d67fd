import FleetModel
import FleetSimulation
import SimKernel
import Yams

/// Checks that need more than one key, or a bound that keeps a run finite: found while the
/// scenario is read, reported at the key to change.
enum ScenarioLimits {
    /// A link sample every `link_sample_interval` until the campaign ends: at most this many
    /// per link over the horizon (`1ns` over 90 days would be 7.8e15 samples).
    static let maximumLinkSamplesPerHorizon = 1_000_000.0

    static func linkSampleInterval(_ r: MappingReader, horizon: SimTime) -> SimTime? {
        guard let interval = r.optional("link_sample_interval", .duration(range: .positive)) else { return nil }
        let shortest = horizon.seconds / maximumLinkSamplesPerHorizon
        if interval.seconds < shortest, let node = r.node("link_sample_interval") {
            node.report(.outOfRange,
                        expected: "a duration of at least \(SimTimeFormat.human(SimTime(seconds: shortest))) (the horizon / \(Int(maximumLinkSamplesPerHorizon)) samples)",
                        found: NodeCursor.quote(SimTimeFormat.human(interval)))
            return nil
        }
        return interval
    }

    /// QEMU's target page size is a power of two (4 KiB on x86, 64 KiB on some arm64, 2 MiB
    /// or 1 GiB huge pages); below 512 B no architecture goes. As `fleetsim migrate` says.
    static func pageSize(_ m: MappingReader) -> Int64? {
        guard let page = m.optional("page_size", .bytes(range: .positive)) else { return nil }
        let whole = page
        guard whole >= 512, whole <= 1 << 30, whole & (whole - 1) == 0 else {
            m.node("page_size")?.report(.invalidValue, expected: "a power of two from 512B to 1GiB (e.g. 4KiB, 2MiB)",
                                        found: NodeCursor.quote(m.node("page_size")?.node.scalar?.string ?? "\(page)"))
            return nil
        }
        return page
    }

    /// A group whose anti-affinity groups are larger than its candidate hosts can never be
    /// placed (members never share a host): say so at `anti_affinity_group_size`, instead of
    /// "has no room" at `count`.
    static func antiAffinity(_ fleet: FleetSpec, reader: ScenarioReader) {
        guard let root = reader.rootNode else { return }
        for (k, group) in fleet.instanceGroups.enumerated() where group.antiAffinityGroupSize > 1 {
            var hosts = 0
            for g in fleet.hostGroups where g.shapeFamily == group.hostFamily
                && (group.hostGroups.isEmpty || group.hostGroups.contains(g.name)) {
                hosts += g.count
            }
            if group.hostGroups.isEmpty { hosts += fleet.hosts.filter { $0.shapeFamily == group.hostFamily }.count }
            let size = min(group.antiAffinityGroupSize, group.count)
            guard size > hosts else { continue }
            let path = FieldPath(parsing: "fleet.instance_groups[\(k)].anti_affinity_group_size")
            reader.report(.invalidValue, at: path.locate(in: root), path: path,
                          expected: "at most \(hosts), the hosts of family '\(group.hostFamily)' it may use (members of an anti-affinity group never share a host)",
                          found: "\(group.antiAffinityGroupSize)")
        }
    }
}
