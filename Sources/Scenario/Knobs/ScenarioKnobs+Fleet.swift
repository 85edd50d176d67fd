import FleetModel
import SimKernel

/// Scenario knobs: `fleet`, `fleet.network` and the hosts.
extension ScenarioKnobs {
    /// `fleet`
    enum Fleet {
        static var region: Knob<String> {
            Knob(KnobDoc(
                "region", type: "string", default: "`region-1`",
                meaning: "region name"),
                 .string, default: "region-1")
        }
        static let network = KnobDoc(
            "network", type: "mapping", default: "see below",
            meaning: "link capacities beyond the host NICs")
        static let hostGroups = KnobDoc(
            "host_groups", type: "list", default: "none",
            meaning: "generated hosts (below); `host_groups` or `hosts` is required")
        static let hosts = KnobDoc(
            "hosts", type: "list", default: "none",
            meaning: "hosts given one by one (below)")
        static let instanceGroups = KnobDoc(
            "instance_groups", type: "list", default: "none",
            meaning: "generated instances (below)")
        static let instances = KnobDoc(
            "instances", type: "list", default: "none",
            meaning: "instances given one by one (below)")
        static var table: KnobTable {
            KnobTable(id: "fleet", file: .scenarioReference, header: "| key | type | default | meaning |", knobs: [
                region, network, hostGroups, hosts, instanceGroups, instances])
        }
    }

    /// `fleet.network`
    enum Network {
        /// The default lives with the layout (FleetModel/Topology/NetworkLayout.swift), where it is used.
        static var oversubscription: Knob<Double> {
            Knob(KnobDoc(
                "oversubscription", type: "real >= 1 (`4` means 4:1)", default: "`4`",
                meaning: "rack uplink = sum of the rack's NICs / this (4:1 is a common leaf oversubscription for compute racks: an assumption; state yours)"),
                 .quantity(.real, range: .atLeast(1)), default: NetworkLayout().oversubscription)
        }
        static var rackUplink: Knob<Double> {
            Knob(KnobDoc(
                "rack_uplink", type: "rate > 0", default: "none",
                meaning: "capacity of every rack uplink and downlink; overrides `oversubscription`"),
                 .quantity(.bytesPerSecond, range: .positive))
        }
        static var spine: Knob<Double> {
            Knob(KnobDoc(
                "spine", type: "rate > 0", default: "none (non-blocking)",
                meaning: "capacity of the spine between racks"),
                 .quantity(.bytesPerSecond, range: .positive))
        }
        static var client: Knob<Double> {
            Knob(KnobDoc(
                "client", type: "rate > 0", default: "`10Gbit/s`",
                meaning: "the `lxc` client's link, crossed twice in `relay` mode (an assumption)"),
                 .quantity(.bytesPerSecond, range: .positive), default: NetworkLayout().clientBytesPerSecond)
        }
        static var nicLatency: Knob<SimTime> {
            Knob(KnobDoc(
                "nic_latency", type: "duration >= 0", default: "`0s`",
                meaning: "latency of every host NIC link; a migration's route (source NIC out, target NIC in) costs twice this per message. Only the `simgrid` engine preset counts messages (SimGrid's CM02 model: each message waits the route latency before its bytes flow); QEMU's fixed costs are part of its engine model"),
                 .duration(range: .atLeast(.zero)), default: SimTime.zero)
        }
        static var table: KnobTable {
            KnobTable(id: "fleet.network", file: .scenarioReference, header: "| key | type | default | meaning (source of the default) |", knobs: [
                oversubscription, rackUplink, spine, client, nicLatency])
        }
    }

    /// `fleet.host_groups[i]`
    enum HostGroup {
        static var name: Knob<String> {
            Knob(KnobDoc(
                "name", type: "string", default: "required",
                meaning: "prefix of host names"),
                 .string)
        }
        static var count: Knob<Int> {
            Knob(KnobDoc(
                "count", type: "count >= 1", default: "required",
                meaning: "number of hosts"),
                 .count(range: .atLeast(1)))
        }
        static var shapeFamily: Knob<String> {
            Knob(KnobDoc(
                "shape_family", type: "string", default: "required",
                meaning: "e.g. `VM.Standard.E4.Flex`; instances only move between hosts of their family"),
                 .string)
        }
        static var ocpus: Knob<Double> {
            Knob(KnobDoc(
                "ocpus", type: "real > 0", default: "required",
                meaning: "OCPUs offered to guests"),
                 .quantity(.real, range: .positive))
        }
        static var memory: Knob<Int64> {
            Knob(KnobDoc(
                "memory", type: "byte size", default: "required",
                meaning: "memory offered to guests"),
                 .bytes(range: .positive))
        }
        /// A common data-centre host NIC rate (25 Gbit/s); a default only, scenarios should say theirs.
        static var nic: Knob<Double> {
            Knob(KnobDoc(
                "nic", type: "rate > 0", default: "`25Gbit/s`",
                meaning: "host NIC rate (a common data-centre rate; state yours); also picks the `vsphere` limit tier"),
                 .quantity(.bytesPerSecond, range: .positive), default: 25e9 / 8)
        }
        static var availabilityDomain: Knob<String> {
            Knob(KnobDoc(
                "availability_domain", type: "string", default: "`AD-1`",
                meaning: ""),
                 .string, default: "AD-1")
        }
        /// OCI regions have three fault domains per availability domain.
        static var faultDomains: Knob<[String]> {
            Knob(KnobDoc(
                "fault_domains", type: "list of strings, not empty", default: "`[FAULT-DOMAIN-1, FAULT-DOMAIN-2, FAULT-DOMAIN-3]`",
                meaning: "OCI has three fault domains per availability domain"),
                 .sequence(of: .string), default: ["FAULT-DOMAIN-1", "FAULT-DOMAIN-2", "FAULT-DOMAIN-3"])
        }
        static var hostsPerRack: Knob<Int> {
            Knob(KnobDoc(
                "hosts_per_rack", type: "count >= 1", default: "`32`",
                meaning: ""),
                 .count(range: .atLeast(1)), default: 32)
        }
        static var table: KnobTable {
            KnobTable(id: "fleet.host_groups[i]", file: .scenarioReference, header: "| key | type | default | meaning (source of the default) |", knobs: [
                name, count, shapeFamily, ocpus, memory, nic, availabilityDomain, faultDomains, hostsPerRack])
        }
    }

    /// `fleet.hosts[i]`
    enum Host {
        static var name: Knob<String> {
            Knob(KnobDoc(
                "name", type: "string", default: "required"),
                 .string)
        }
        static var shapeFamily: Knob<String> {
            Knob(KnobDoc(
                "shape_family", type: "string", default: "required"),
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
        /// A common data-centre host NIC rate (25 Gbit/s); a default only, scenarios should say theirs.
        static var nic: Knob<Double> {
            Knob(KnobDoc(
                "nic", type: "rate > 0", default: "`25Gbit/s`"),
                 .quantity(.bytesPerSecond, range: .positive), default: 25e9 / 8)
        }
        static var availabilityDomain: Knob<String> {
            Knob(KnobDoc(
                "availability_domain", type: "string", default: "`AD-1`"),
                 .string, default: "AD-1")
        }
        static var faultDomain: Knob<String> {
            Knob(KnobDoc(
                "fault_domain", type: "string", default: "`FAULT-DOMAIN-1`"),
                 .string, default: "FAULT-DOMAIN-1")
        }
        static var rack: Knob<String> {
            Knob(KnobDoc(
                "rack", type: "string", default: "`rack-1`"),
                 .string, default: "rack-1")
        }
        static var table: KnobTable {
            KnobTable(id: "fleet.hosts[i]", file: .scenarioReference, header: "| key | type | default |", knobs: [
                name, shapeFamily, ocpus, memory, nic, availabilityDomain, faultDomain, rack])
        }
    }
}
