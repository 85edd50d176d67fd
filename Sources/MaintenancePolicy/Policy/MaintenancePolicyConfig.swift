/// A maintenance policy as data: a preset (which picks the rule table) and every knob,
/// each overridable on its own (scenario files: `policy:`, see docs/policy-reference.md).
///
/// Every preset carries every knob group, so switching presets in a scenario never leaves a
/// knob undefined; knobs a rule table does not read are inert (the LXD table never reads
/// `reboot`, the OCI table never reads `lxd`).
public struct MaintenancePolicyConfig: Sendable, Equatable {
    public var preset: PolicyPreset
    public var live: LiveMigrationKnobs
    public var oci: OCIEligibilityKnobs
    public var reboot: RebootMigrationKnobs
    public var manual: ManualMigrationKnobs
    public var lxd: LXDEvacuationKnobs

    public init(preset: PolicyPreset, live: LiveMigrationKnobs, oci: OCIEligibilityKnobs, reboot: RebootMigrationKnobs,
                manual: ManualMigrationKnobs, lxd: LXDEvacuationKnobs) {
        self.preset = preset
        self.live = live
        self.oci = oci
        self.reboot = reboot
        self.manual = manual
        self.lxd = lxd
    }

    /// The rule table this policy walks.
    public var rules: PolicyRules { preset.rules }

    /// A shipped preset with all its defaults.
    public static func preset(_ preset: PolicyPreset) -> MaintenancePolicyConfig {
        switch preset {
        case .oci:
            return MaintenancePolicyConfig(preset: .oci, live: .oci, oci: .oci, reboot: .oci, manual: .oci, lxd: .lxd)
        case .lxd:
            return MaintenancePolicyConfig(preset: .lxd, live: .lxd, oci: .oci, reboot: .oci, manual: .oci, lxd: .lxd)
        case .incus:
            return MaintenancePolicyConfig(preset: .incus, live: .lxd, oci: .oci, reboot: .oci, manual: .oci, lxd: .incus)
        case .generic:
            return MaintenancePolicyConfig(preset: .generic, live: .generic, oci: .oci, reboot: .oci, manual: .oci, lxd: .lxd)
        }
    }

    public static let oci = preset(.oci)
    public static let lxd = preset(.lxd)
    public static let incus = preset(.incus)
    public static let generic = preset(.generic)
}
