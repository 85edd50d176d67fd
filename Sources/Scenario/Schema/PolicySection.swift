import FleetModel
import MaintenancePolicy
import Stochastics

/// `policy:` — a preset, then any knob overriding it, key by key, in five groups:
///
/// ```yaml
/// policy:
///   preset: oci            # oci | lxd | incus | generic
///   oci:
///     max_vnics: 8         # one knob overridden, every other one from the preset
///   reboot:
///     proactive: 30%
///     notice_to_due: {dist: uniform, min: 14d, max: 16d}
/// ```
///
/// Every key, unit, default and source: the knob table (Knobs/ScenarioKnobs+Policy*.swift),
/// printed in docs/policy-reference.md. Call it from the loader as
/// `root.mapping("policy", required: false) { PolicySection.read($0) }`.
public enum PolicySection {
    /// The policy, or nil when anything in it is wrong (every problem is reported).
    public static func read(_ m: MappingReader) -> MaintenancePolicyConfig? {
        let errorsBefore = errorCount(m.reader)
        let preset = m.required(ScenarioKnobs.Policy.preset)
        // Read every group even when the preset is wrong, so one pass reports everything.
        let base = MaintenancePolicyConfig.preset(preset ?? .generic)
        var config = base
        config.live = m.mapping(ScenarioKnobs.Policy.live.key, required: false) { live($0, base.live) } ?? base.live
        config.oci = m.mapping(ScenarioKnobs.Policy.oci.key, required: false) { oci($0, base.oci) } ?? base.oci
        config.reboot = m.mapping(ScenarioKnobs.Policy.reboot.key, required: false) { reboot($0, base.reboot) } ?? base.reboot
        config.manual = m.mapping(ScenarioKnobs.Policy.manual.key, required: false) { manual($0, base.manual) } ?? base.manual
        config.lxd = m.mapping(ScenarioKnobs.Policy.lxd.key, required: false) { lxd($0, base.lxd) } ?? base.lxd
        guard preset != nil, errorCount(m.reader) == errorsBefore else { return nil }
        return config
    }

    static func errorCount(_ reader: ScenarioReader) -> Int {
        reader.diagnostics.filter { $0.severity == .error }.count
    }

    // MARK: - Groups

    // Each group is the preset's, with every key present overriding one field
    // (Knobs/ScenarioKnobs+Policy*.swift: the keys, their field types, the docs' rows).

    static func live(_ m: MappingReader, _ base: LiveMigrationKnobs) -> LiveMigrationKnobs {
        m.overriding(base, ScenarioKnobs.PolicyLive.knobs)
    }

    static func oci(_ m: MappingReader, _ base: OCIEligibilityKnobs) -> OCIEligibilityKnobs {
        m.overriding(base, ScenarioKnobs.PolicyOCI.knobs)
    }

    static func reboot(_ m: MappingReader, _ base: RebootMigrationKnobs) -> RebootMigrationKnobs {
        m.overriding(base, ScenarioKnobs.PolicyReboot.knobs)
    }

    static func manual(_ m: MappingReader, _ base: ManualMigrationKnobs) -> ManualMigrationKnobs {
        m.overriding(base, ScenarioKnobs.PolicyManual.knobs)
    }

    static func lxd(_ m: MappingReader, _ base: LXDEvacuationKnobs) -> LXDEvacuationKnobs {
        m.overriding(base, ScenarioKnobs.PolicyLXD.knobs)
    }

    // MARK: - Field types

    /// Shape names or series (`VM.Standard2.*`): `*` only at the end, nothing empty.
    static var shapes: FieldType<[ShapePattern]> {
        let one = FieldType<String>.string.validated(
            expected: "a shape name or a series ending in '*' (e.g. VM.Standard.E4.Flex, VM.Standard2.*)"
        ) { text in
            !text.isEmpty && text != "*" && !text.dropLast().contains("*")
        }
        return FieldType<[String]>.sequence(of: one).map { names in names.map { ShapePattern($0) } }
    }

    /// A whole number of concurrent moves, or `{per_host_cpus: N}` (one move per N host CPUs,
    /// at least one: Incus).
    static var evacuationPool: FieldType<EvacuationPool> {
        let expected = "a number of concurrent moves (e.g. 1) or a mapping {per_host_cpus: 16}"
        return FieldType(expected: expected) { cursor in
            if cursor.isMapping {
                return cursor.mapping { m -> EvacuationPool? in
                    m.required("per_host_cpus", FieldType<Int>.count(range: .atLeast(1))).map(EvacuationPool.perHostCPUs)
                }
            }
            if cursor.isSequence {
                cursor.report(.wrongType, expected: expected)
                return nil
            }
            return cursor.decode(FieldType<Int>.count(range: .atLeast(1))).map(EvacuationPool.fixed)
        }
    }
}
