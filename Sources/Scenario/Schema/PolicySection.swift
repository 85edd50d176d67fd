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
/// Every key, unit, default and source: docs/policy-reference.md. Call it from the loader as
/// `root.mapping("policy", required: false) { PolicySection.read($0) }`.
public enum PolicySection {
    /// The policy, or nil when anything in it is wrong (every problem is reported).
    public static func read(_ m: MappingReader) -> MaintenancePolicyConfig? {
        let errorsBefore = errorCount(m.reader)
        let preset = m.required("preset", .enumeration(PolicyPreset.self, noun: "policy preset"))
        // Read every group even when the preset is wrong, so one pass reports everything.
        let base = MaintenancePolicyConfig.preset(preset ?? .generic)
        var config = base
        config.live = m.mapping("live", required: false) { live($0, base.live) } ?? base.live
        config.oci = m.mapping("oci", required: false) { oci($0, base.oci) } ?? base.oci
        config.reboot = m.mapping("reboot", required: false) { reboot($0, base.reboot) } ?? base.reboot
        config.manual = m.mapping("manual", required: false) { manual($0, base.manual) } ?? base.manual
        config.lxd = m.mapping("lxd", required: false) { lxd($0, base.lxd) } ?? base.lxd
        guard preset != nil, errorCount(m.reader) == errorsBefore else { return nil }
        return config
    }

    static func errorCount(_ reader: ScenarioReader) -> Int {
        reader.diagnostics.filter { $0.severity == .error }.count
    }

    // MARK: - Groups

    static func live(_ m: MappingReader, _ base: LiveMigrationKnobs) -> LiveMigrationKnobs {
        var k = base
        k.attempts = m.optional("attempts", .count(range: .atLeast(1)), default: k.attempts)
        k.engine = m.optional("engine", .enumeration(LiveEnginePreset.self, noun: "engine preset"), default: k.engine)
        k.autoConverge = m.optional("auto_converge", .bool, default: k.autoConverge)
        k.postcopyPermitted = m.optional("postcopy", .bool, default: k.postcopyPermitted)
        k.timeoutAction = m.optional("timeout_action", .enumeration(LiveTimeoutAction.self, noun: "timeout action"),
                                     default: k.timeoutAction)
        k.fallback = m.optional("fallback", .enumeration(LiveFallback.self, noun: "fallback"), default: k.fallback)
        return k
    }

    static func oci(_ m: MappingReader, _ base: OCIEligibilityKnobs) -> OCIEligibilityKnobs {
        var k = base
        k.liveShapes = m.optional("live_shapes", shapes, default: k.liveShapes)
        k.maxVNICs = m.optional("max_vnics", .count, default: k.maxVNICs)
        k.realms = m.optional("realms", .sequence(of: .string), default: k.realms)
        k.networking = m.optional("networking", .sequence(of: .enumeration(InstanceAttributes.Networking.self,
                                                                          noun: "networking type")),
                                  default: k.networking)
        k.allowShielded = m.optional("allow_shielded", .bool, default: k.allowShielded)
        k.allowCredentialGuard = m.optional("allow_credential_guard", .bool, default: k.allowCredentialGuard)
        k.allowBareMetal = m.optional("allow_bare_metal", .bool, default: k.allowBareMetal)
        k.allowDedicatedHost = m.optional("allow_dedicated_host", .bool, default: k.allowDedicatedHost)
        k.attemptedImageSuccessProbability = m.optional("attempted_image_success", .fraction,
                                                        default: k.attemptedImageSuccessProbability)
        k.rebootVMShapes = m.optional("reboot_vm_shapes", shapes, default: k.rebootVMShapes)
        k.rebootBareMetalShapes = m.optional("reboot_bare_metal_shapes", shapes, default: k.rebootBareMetalShapes)
        k.denseIOShapes = m.optional("dense_io_shapes", shapes, default: k.denseIOShapes)
        k.dedicatedHostShapes = m.optional("dedicated_host_shapes", shapes, default: k.dedicatedHostShapes)
        return k
    }

    static func reboot(_ m: MappingReader, _ base: RebootMigrationKnobs) -> RebootMigrationKnobs {
        var k = base
        k.noticeToDueSeconds = duration(m, "notice_to_due", k.noticeToDueSeconds)
        k.proactiveProbability = m.optional("proactive", .fraction, default: k.proactiveProbability)
        k.proactiveResponseSeconds = duration(m, "proactive_response", k.proactiveResponseSeconds)
        k.platformWindowSeconds = duration(m, "platform_window", k.platformWindowSeconds)
        k.stopSeconds = duration(m, "stop", k.stopSeconds)
        k.reassignSeconds = duration(m, "reassign", k.reassignSeconds)
        k.bootSeconds = duration(m, "boot", k.bootSeconds)
        k.extensionProbability = m.optional("extension_probability", .fraction, default: k.extensionProbability)
        k.extensionSeconds = duration(m, "extension", k.extensionSeconds)
        k.denseIORebuildSeconds = duration(m, "dense_io_rebuild", k.denseIORebuildSeconds)
        k.failureProbability = m.optional("failure_probability", .fraction, default: k.failureProbability)
        return k
    }

    static func manual(_ m: MappingReader, _ base: ManualMigrationKnobs) -> ManualMigrationKnobs {
        var k = base
        k.notificationSeconds = duration(m, "notification", k.notificationSeconds)
        k.reactionSeconds = duration(m, "reaction", k.reactionSeconds)
        k.neverActFraction = m.optional("never_act", .fraction, default: k.neverActFraction)
        k.deadlineSeconds = m.optional("deadline", .quantity(.duration, range: .positive), default: k.deadlineSeconds)
        k.terminateSeconds = duration(m, "terminate", k.terminateSeconds)
        k.relaunchSeconds = duration(m, "relaunch", k.relaunchSeconds)
        k.reattachSeconds = duration(m, "reattach", k.reattachSeconds)
        k.restartApplicationsSeconds = duration(m, "restart_applications", k.restartApplicationsSeconds)
        k.changedIdentifiers = m.optional("changed_identifiers",
                                          .sequence(of: .enumeration(ChangedIdentifier.self, noun: "identifier")),
                                          default: k.changedIdentifiers)
        return k
    }

    static func lxd(_ m: MappingReader, _ base: LXDEvacuationKnobs) -> LXDEvacuationKnobs {
        var k = base
        k.nonMigratableDevices = m.optional("non_migratable_devices", .sequence(of: .string),
                                            default: k.nonMigratableDevices)
        k.transferMode = m.optional("transfer_mode", .enumeration(TransferMode.self, noun: "transfer mode"),
                                    default: k.transferMode)
        k.pool = m.optional("evacuation_pool", evacuationPool, default: k.pool)
        k.onNoTarget = m.optional("on_no_target", .enumeration(EvacuationNoTarget.self, noun: "action"),
                                  default: k.onNoTarget)
        k.gracefulStopTimeoutSeconds = m.optional("stop_timeout", .quantity(.duration), default: k.gracefulStopTimeoutSeconds)
        k.restore = m.optional("restore", .bool, default: k.restore)
        k.containerLiveInAuto = m.optional("container_live_in_auto", .bool, default: k.containerLiveInAuto)
        return k
    }

    // MARK: - Field types

    /// A duration distribution (seconds), the preset's when absent, kept when invalid (the
    /// diagnostic fails the read).
    static func duration(_ m: MappingReader, _ key: String, _ base: Distribution) -> Distribution {
        m.distribution(key, .duration, default: base) ?? base
    }

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
