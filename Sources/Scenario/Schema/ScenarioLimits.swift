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
        let knob = ScenarioKnobs.Report.linkSampleInterval
        guard let interval = r.optional(knob) else { return nil }
        let shortest = horizon.seconds / maximumLinkSamplesPerHorizon
        if interval.seconds < shortest, let node = r.node(knob.key) {
            node.report(.outOfRange,
                        expected: "a duration of at least \(SimTimeFormat.human(SimTime(seconds: shortest))) (the horizon / \(Int(maximumLinkSamplesPerHorizon)) samples)",
                        found: NodeCursor.quote(SimTimeFormat.human(interval)))
            return nil
        }
        return interval
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
