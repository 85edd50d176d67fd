import FleetModel

/// `attributes:` of an instance or an instance group — what the maintenance policy reads
/// (keys: Knobs/ScenarioKnobs+Attributes.swift, printed in docs/policy-reference.md). Every
/// key is optional; absent keys keep
/// `InstanceAttributes()`'s defaults (a VM from a platform image, paravirtualized networking,
/// one VNIC, commercial realm, remote storage, `cluster.evacuate=auto`).
///
/// Call it as `m.mapping("attributes", required: false) { InstanceAttributesSection.read($0) }`.
public enum InstanceAttributesSection {
    public static func read(_ m: MappingReader) -> InstanceAttributes? {
        let errorsBefore = PolicySection.errorCount(m.reader)
        let a = m.overriding(InstanceAttributes(), ScenarioKnobs.Attributes.knobs)
        guard PolicySection.errorCount(m.reader) == errorsBefore else { return nil }
        return a
    }
}
