import FleetModel

/// Scenario knobs: `attributes:` of an instance or an instance group, what the policy reads
/// (printed in docs/policy-reference.md). Each key overrides one field of
/// `InstanceAttributes()`, whose defaults the docs' column is checked against.
extension ScenarioKnobs {
    /// `fleet.instance_groups[i].attributes`, `fleet.instances[i].attributes`
    enum Attributes {
        typealias G = InstanceAttributes
        static func knob<V>(_ key: String, _ type: String, _ defaultText: String, _ readBy: String,
                            _ path: WritableKeyPath<G, V>, _ field: FieldType<V>) -> GroupKnob<G, V> {
            GroupKnob(KnobDoc(key, type: type, default: defaultText, meaning: readBy), path, field, columns: [[InstanceAttributes()]])
        }
        static func flag(_ key: String, _ defaultText: String, _ readBy: String, _ path: WritableKeyPath<G, Bool>) -> GroupKnob<G, Bool> {
            knob(key, "bool", defaultText, readBy, path, .bool)
        }
        static var knobs: [any GroupOverride<G>] {
            [knob("kind", "`vm`, `container`, `bare_metal`", "`vm`", "all", \.kind,
                  .enumeration(InstanceAttributes.Kind.self, noun: "instance kind")),
             knob("image", "`platform`, `custom`, `marketplace`", "`platform`", "OCI `image`", \.image,
                  .enumeration(InstanceAttributes.ImageKind.self, noun: "image kind")),
             knob("networking", "`paravirtualized`, `hardware_assisted`, `emulated`", "`paravirtualized`", "OCI `networking`",
                  \.networking, .enumeration(InstanceAttributes.Networking.self, noun: "networking type")),
             flag("shielded", "`false`", "OCI", \.shielded),
             flag("credential_guard", "`false`", "OCI", \.credentialGuard),
             knob("vnics", "count", "`1`", "OCI `max_vnics`", \.vnicCount, .count),
             knob("realm", "string", "`commercial`", "OCI `realms`", \.realm, .string),
             flag("dedicated_host", "`false`", "OCI", \.dedicatedHost),
             knob("devices", "list of device types", "`[]`", "LXD `non_migratable_devices`", \.devices, .sequence(of: .string)),
             knob("storage", "`remote`, `local`", "`remote`", "cold moves copy the root disk when local", \.storage,
                  .enumeration(InstanceAttributes.Storage.self, noun: "storage")),
             knob("root_disk", "byte size", "`0B`", "bytes a cold move copies", \.rootDiskBytes, .bytes),
             knob("evacuate", "`auto`, `live-migrate`, `migrate`, `stop`", "`auto`", "LXD `cluster.evacuate`", \.evacuate,
                  .enumeration(InstanceAttributes.Evacuate.self, noun: "cluster.evacuate value")),
             flag("migration_stateful", "`false`", "LXD `migration.stateful` (VMs)", \.migrationStateful),
             flag("criu", "`false`", "CRIU enabled on both servers (containers)", \.criu),
             flag("systemd", "`true`", "container runs systemd", \.systemd),
             flag("network_device", "`true`", "container has a network device", \.networkDevice),
             flag("stay_stopped", "`false`", "OCI: remain stopped after a reboot migration", \.stayStoppedAfterMigration),
             flag("reserved_public_ip", "`false`", "OCI manual migration keeps the public IP", \.reservedPublicIP),
             flag("nvme_backed_up", "`false`", "OCI DenseIO: no data lost", \.nvmeBackedUp)]
        }
        static var table: KnobTable {
            KnobTable(id: "attributes", file: .policyReference, header: "| key | type | default | read by |", knobs: knobs)
        }
    }
}
