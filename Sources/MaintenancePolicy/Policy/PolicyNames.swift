/// The shipped policy presets: each fills every knob of ``MaintenancePolicyConfig`` and picks
/// the rule table ``MaintenancePolicyConfig/plan(for:hostShape:)`` walks.
public enum PolicyPreset: String, Sendable, CaseIterable {
    /// Oracle Cloud Infrastructure: live, reboot and manual migration (seed 003).
    case oci
    /// LXD cluster evacuation and `lxc move` (seed 000), one instance at a time.
    case lxd
    /// Incus (the LXD fork): LXD's rules with a parallel evacuation pool and stop-in-place
    /// when no target is found.
    case incus
    /// Nova/KubeVirt style: live-migrate VMs, retry on another target, then fall back.
    case generic

    /// Which rule table the preset uses.
    public var rules: PolicyRules {
        switch self {
        case .oci: return .oci
        case .lxd, .incus: return .lxd
        case .generic: return .generic
        }
    }
}

/// The decision tables ``MaintenancePolicyConfig/plan(for:hostShape:)`` knows.
public enum PolicyRules: String, Sendable, CaseIterable {
    case oci, lxd, generic
}

/// The management layer whose defaults a policy's live migration runs with: the engine's
/// `ManagementPreset` without `simgrid` (a comparison model, not a platform). MaintenancePolicy
/// does not import the engine; FleetSimulation maps one to the other case by case
/// (`ManagementPreset.init(_: LiveEnginePreset)`, exhaustive: a new case here fails to build).
public enum LiveEnginePreset: String, Sendable, CaseIterable {
    case qemu, libvirt, nova, kubevirt, xen
}

/// What the management layer does when a live migration's completion timeout expires.
public enum LiveTimeoutAction: String, Sendable, CaseIterable {
    /// Cancel; the guest keeps running on the source (Nova's default
    /// `live_migration_timeout_action = abort`).
    case abort
    /// Nova `force_complete`: pause the guest and finish, or switch to post-copy when
    /// post-copy is permitted.
    case forceComplete = "force_complete"
}

/// What follows a live migration that failed every attempt.
public enum LiveFallback: String, Sendable, CaseIterable {
    /// OCI: "If an instance cannot be live migrated, Oracle Cloud Infrastructure schedules a
    /// due date for reboot migration" (then manual migration if that fails).
    case reboot
    /// Stop, copy (unless storage is remote), start on the target.
    case cold
    /// Stop in place.
    case stop
    /// Nothing: the instance stays on the source (LXD's literal behaviour: "If a live
    /// migration attempt fails, the evacuation operation fails").
    case none
}

/// What an evacuation does with an instance for which no target member is found.
public enum EvacuationNoTarget: String, Sendable, CaseIterable {
    /// Leave it where it is ("If no target member is available, an instance is skipped",
    /// `lxc cluster evacuate --help`). An instance already stopped for a cold move stays
    /// stopped; one meant to live-migrate keeps running on the source.
    case skip
    /// Stop it in place, so the member can go down.
    case stop
}

/// An identifier that a manual migration (terminate, relaunch) changes.
public enum ChangedIdentifier: String, Sendable, CaseIterable {
    /// Public IPs not assigned from a reserved pool ("Any that were not assigned from a
    /// reserved public IP address pool will change").
    case publicIP = "public_ip"
    /// "MAC addresses ... do change during the move."
    case macAddresses = "mac"
    /// "CPUIDs, and other unique hardware identifiers do change during the move."
    case hardwareIdentifiers = "hardware_ids"
    /// Private IPs: "Private IP addresses do not change" (never in the OCI preset; listed so
    /// a scenario can model a cloud where they do).
    case privateIP = "private_ip"
}
