import FleetModel

/// `attributes:` of an instance or an instance group — what the maintenance policy reads
/// (docs/policy-reference.md). Every key is optional; absent keys keep
/// `InstanceAttributes()`'s defaults (a VM from a platform image, paravirtualized networking,
/// one VNIC, commercial realm, remote storage, `cluster.evacuate=auto`).
///
/// Call it as `m.mapping("attributes", required: false) { InstanceAttributesSection.read($0) }`.
public enum InstanceAttributesSection {
    public static func read(_ m: MappingReader) -> InstanceAttributes? {
        let errorsBefore = PolicySection.errorCount(m.reader)
        var a = InstanceAttributes()
        a.kind = m.optional("kind", .enumeration(InstanceAttributes.Kind.self, noun: "instance kind"), default: a.kind)
        a.image = m.optional("image", .enumeration(InstanceAttributes.ImageKind.self, noun: "image kind"), default: a.image)
        a.networking = m.optional("networking", .enumeration(InstanceAttributes.Networking.self, noun: "networking type"),
                                  default: a.networking)
        a.shielded = m.optional("shielded", .bool, default: a.shielded)
        a.credentialGuard = m.optional("credential_guard", .bool, default: a.credentialGuard)
        a.vnicCount = m.optional("vnics", .count, default: a.vnicCount)
        a.realm = m.optional("realm", .string, default: a.realm)
        a.dedicatedHost = m.optional("dedicated_host", .bool, default: a.dedicatedHost)
        a.devices = m.optional("devices", .sequence(of: .string), default: a.devices)
        a.storage = m.optional("storage", .enumeration(InstanceAttributes.Storage.self, noun: "storage"), default: a.storage)
        a.rootDiskBytes = m.optional("root_disk", .bytes, default: a.rootDiskBytes)
        a.evacuate = m.optional("evacuate", .enumeration(InstanceAttributes.Evacuate.self, noun: "cluster.evacuate value"),
                                default: a.evacuate)
        a.migrationStateful = m.optional("migration_stateful", .bool, default: a.migrationStateful)
        a.criu = m.optional("criu", .bool, default: a.criu)
        a.systemd = m.optional("systemd", .bool, default: a.systemd)
        a.networkDevice = m.optional("network_device", .bool, default: a.networkDevice)
        a.stayStoppedAfterMigration = m.optional("stay_stopped", .bool, default: a.stayStoppedAfterMigration)
        a.reservedPublicIP = m.optional("reserved_public_ip", .bool, default: a.reservedPublicIP)
        a.nvmeBackedUp = m.optional("nvme_backed_up", .bool, default: a.nvmeBackedUp)
        guard PolicySection.errorCount(m.reader) == errorsBefore else { return nil }
        return a
    }
}
