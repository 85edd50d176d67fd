import FleetSimulation
import Stochastics

/// Scenario knobs: the instances of `fleet` and their guests.
extension ScenarioKnobs {
    /// `fleet.instance_groups[i]`
    enum InstanceGroup {
        static var name: Knob<String> {
            Knob(KnobDoc(
                "name", type: "string", default: "required",
                meaning: "prefix of instance names"),
                 .string)
        }
        static var count: Knob<Int> {
            Knob(KnobDoc(
                "count", type: "count", default: "required",
                meaning: ""),
                 .count)
        }
        static var shape: Knob<String> {
            Knob(KnobDoc(
                "shape", type: "string", default: "required",
                meaning: "compute shape, e.g. `VM.Standard.E4.Flex`"),
                 .string)
        }
        static var hostFamily: Knob<String> {
            Knob(KnobDoc(
                "host_family", type: "string", default: "`shape`",
                meaning: "host shape family the instances run on"),
                 .string)
        }
        static var ocpus: DistributionKnob {
            DistributionKnob(KnobDoc(
                "ocpus", type: "distribution of reals > 0", default: "required",
                meaning: ""),
                 .real, range: .positive)
        }
        static var memory: DistributionKnob {
            DistributionKnob(KnobDoc(
                "memory", type: "distribution of byte sizes > 0", default: "required",
                meaning: ""),
                 .bytes, range: .positive)
        }
        static var placement: Knob<InitialPlacement> {
            Knob(KnobDoc(
                "placement", type: "`spread` or `pack`", default: "`spread`",
                meaning: "initial placement: `spread` puts each instance on the host with most free memory; `pack` fills hosts in order (next fit)"),
                 .enumeration(InitialPlacement.self, noun: "placement"), default: .spread)
        }
        static var hostGroups: Knob<[String]> {
            Knob(KnobDoc(
                "host_groups", type: "list of host group names", default: "all compatible hosts",
                meaning: "restrict initial placement"),
                 .sequence(of: .string), default: [])
        }
        static let guest = KnobDoc(
            "guest", type: "mapping", default: "a guest that writes nothing",
            meaning: "how guests dirty memory during a live migration (below)")
        static let attributes = KnobDoc(
            "attributes", type: "mapping", default: "the defaults of the [policy reference](policy-reference.md#attributes--what-the-policy-reads-about-an-instance)",
            meaning: "what the policy reads: `kind`, `image`, `networking`, `shielded`, `credential_guard`, `vnics`, `realm`, `dedicated_host`, `devices`, `storage`, `root_disk`, `evacuate`, `migration_stateful`, `criu`, `systemd`, `network_device`, `stay_stopped`, `reserved_public_ip`, `nvme_backed_up`; every instance of the group gets the same")
        static var antiAffinityGroupSize: Knob<Int> {
            Knob(KnobDoc(
                "anti_affinity_group_size", type: "count", default: "`0` (none)",
                meaning: "above 1: consecutive instances form anti-affinity groups of this size (`<name>-aa-<index>`), whose members never share a host, at initial placement or after a move"),
                 .count, default: 0)
        }
        static var table: KnobTable {
            KnobTable(id: "fleet.instance_groups[i]", file: .scenarioReference, header: "| key | type | default | meaning |", knobs: [
                name, count, shape, hostFamily, ocpus, memory, placement, hostGroups, guest, attributes, antiAffinityGroupSize])
        }
    }

    /// `fleet.instance_groups[i].guest`
    enum Guest {
        static var dirty: DistributionKnob {
            DistributionKnob(KnobDoc(
                "dirty", type: "distribution of rates", default: "`0`",
                meaning: "dirty rate over all memory, or over the cold part when a hot region is given"),
                 .bytesPerSecond, default: .constant(0), flag: MigrateFlags.dirty)
        }
        static var hotFraction: Knob<Double> {
            Knob(KnobDoc(
                "hot_fraction", type: "fraction", default: "`0`",
                meaning: "share of memory that is hot; strictly between 0 and 1 it switches on the hot/cold model"),
                 .fraction, default: 0, flag: MigrateFlags.hotFraction)
        }
        static var hotDirty: DistributionKnob {
            DistributionKnob(KnobDoc(
                "hot_dirty", type: "distribution of rates", default: "`0`",
                meaning: "dirty rate of the hot region"),
                 .bytesPerSecond, default: .constant(0), flag: MigrateFlags.hotDirty)
        }
        static var zeroPages: Knob<Double> {
            Knob(KnobDoc(
                "zero_pages", type: "fraction", default: "`0`",
                meaning: "share of pages that are all zeros (cheap on the wire)"),
                 .fraction, default: 0, flag: MigrateFlags.zeroPages)
        }
        /// As `fleetsim migrate --dirty-distribution`.
        static var distribution: Knob<String> {
            Knob(KnobDoc(
                "distribution", type: "`uniform` or `sequential`", default: "`uniform`",
                meaning: "how writes land on a region: uniformly at random (N(1 − e^(−W/N)) distinct pages after W writes), or on pages not yet written since the last sync (a streaming writer: min(N, W)); as `fleetsim migrate --dirty-distribution`"),
                 .oneOf(["uniform", "sequential"], noun: "write distribution"), default: "uniform", flag: MigrateFlags.dirtyDistribution)
        }
        static var table: KnobTable {
            KnobTable(id: "fleet.instance_groups[i].guest", file: .scenarioReference, header: "| key | type | default | meaning |", knobs: [
                dirty, hotFraction, hotDirty, zeroPages, distribution])
        }
    }

    /// `fleet.instances[i]`
    enum Instance {
        static var name: Knob<String> {
            Knob(KnobDoc(
                "name", type: "string", default: "required"),
                 .string)
        }
        static var shape: Knob<String> {
            Knob(KnobDoc(
                "shape", type: "string", default: "required"),
                 .string)
        }
        static var ocpus: Knob<Double> {
            Knob(KnobDoc(
                "ocpus", type: "real > 0", default: "required"),
                 .quantity(.real, range: .positive))
        }
        static var memory: Knob<Int64> {
            Knob(KnobDoc(
                "memory", type: "byte size", default: "required"),
                 .bytes(range: .positive))
        }
        static var host: Knob<String> {
            Knob(KnobDoc(
                "host", type: "host name", default: "required"),
                 .string)
        }
        static let guest = KnobDoc(
            "guest", type: "mapping: `dirty` (rate), `hot_fraction`, `hot_dirty` (rate), `zero_pages` (fraction), `distribution` (`uniform`\\|`sequential`); plain values, not distributions", default: "all `0`, `uniform`")
        static let attributes = KnobDoc(
            "attributes", type: "mapping, as for groups", default: "policy-reference defaults")
        static var antiAffinityGroup: Knob<String> {
            Knob(KnobDoc(
                "anti_affinity_group", type: "string", default: "none; two members on one host are an error"),
                 .string)
        }
        static var table: KnobTable {
            KnobTable(id: "fleet.instances[i]", file: .scenarioReference, header: "| key | type | default |", knobs: [
                name, shape, ocpus, memory, host, guest, attributes, antiAffinityGroup])
        }
    }
}
