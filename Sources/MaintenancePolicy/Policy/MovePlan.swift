import FleetModel

/// One OCI live-migration criterion (seed 003, "Live Migration Support"), as the console's
/// "View incompatibilities" lists them.
public enum EligibilityCriterion: String, Sendable, CaseIterable {
    case realm
    case shape
    /// A custom or Marketplace image: not a blocker, OCI "attempts to live migrate".
    case image
    case networking
    case shielded
    case credentialGuard = "credential_guard"
    case vnics
    case bareMetal = "bare_metal"
    case dedicatedHost = "dedicated_host"

    /// Whether failing this criterion rules live migration out (all but `image`).
    public var blocksLiveMigration: Bool { self != .image }
}

/// Which reboot migration (seed 003, "Reboot Migration").
public enum RebootVariant: String, Sendable, CaseIterable {
    /// VM on a standard or GPU shape: platform reboot-migrates within 24 h after the due date.
    case vmStandard = "vm_standard"
    /// VM on a DenseIO shape: rebuilt on the due date (hours of downtime), or SSD deleted on
    /// a proactive reboot.
    case vmDenseIO = "vm_dense_io"
    /// Bare metal on a standard shape: as `vmStandard`.
    case bareMetal = "bare_metal"
}

/// One live-migration step of a plan.
public struct LiveStep: Sendable, Equatable {
    /// Attempts, each on another target, before the next action of the chain.
    public var attempts: Int
    public var engine: LiveEnginePreset
    public var autoConverge: Bool
    public var postcopy: Bool
    public var timeoutAction: LiveTimeoutAction
    /// nil: not gated. Otherwise the probability that one attempt can succeed at all (OCI
    /// custom and Marketplace images are "attempted"); the simulator draws against it before
    /// each attempt and records a failed draw as a failed attempt.
    public var attemptSuccessProbability: Double?

    public init(attempts: Int, engine: LiveEnginePreset, autoConverge: Bool, postcopy: Bool,
                timeoutAction: LiveTimeoutAction, attemptSuccessProbability: Double? = nil) {
        self.attempts = attempts
        self.engine = engine
        self.autoConverge = autoConverge
        self.postcopy = postcopy
        self.timeoutAction = timeoutAction
        self.attemptSuccessProbability = attemptSuccessProbability
    }
}

/// One action of a plan's chain.
public enum PlannedAction: Sendable, Equatable {
    /// Live migration (pre-copy, optionally post-copy).
    case live(LiveStep)
    /// OCI reboot migration (notice, due date, customer or platform reboot).
    case reboot(RebootVariant)
    /// OCI manual migration (the customer terminates and relaunches).
    case manual
    /// Stop, copy the root disk unless storage is remote, start on the target (LXD
    /// `migrate`; a container's stop-move-start).
    case cold(copyRootFS: Bool)
    /// Stop in place: the instance does not move (LXD `stop`).
    case stop

    /// The action's name in reports: live, reboot, manual, cold, stop.
    public var name: String {
        switch self {
        case .live: return "live"
        case .reboot: return "reboot"
        case .manual: return "manual"
        case .cold: return "cold"
        case .stop: return "stop"
        }
    }
}

/// Why a plan starts where it does; `description` is the text reports show.
public enum PlanReason: Sendable, Equatable, CustomStringConvertible {
    // OCI
    /// Every criterion holds.
    case eligible
    /// Only the image criterion fails: live migration is attempted.
    case attemptedImage(InstanceAttributes.ImageKind)
    /// At least one blocking criterion fails (listed in the plan's `incompatibilities`).
    case ineligible([EligibilityCriterion])
    // LXD
    /// `cluster.evacuate` is set to this value (not `auto`).
    case evacuateSetting(InstanceAttributes.Evacuate)
    /// `auto`: a device of this type cannot migrate.
    case deviceCannotMigrate(String)
    /// A VM with `migration.stateful=true`.
    case statefulVM
    /// A VM without `migration.stateful`.
    case statelessVM
    /// A container without systemd or a network device, with CRIU enabled.
    case basicContainerWithCRIU
    case containerWithoutCRIU
    case containerRunsSystemd
    case containerHasNetworkDevice
    /// `auto` with `container_live_in_auto: false` (LXD's own code).
    case containerNotLiveInAuto
    /// Bare metal under a rule table that has no move for it.
    case bareMetal
    // generic
    /// A VM the generic table live-migrates.
    case virtualMachine

    public var description: String {
        switch self {
        case .eligible: return "eligible for live migration"
        case .attemptedImage(let image): return "\(image.rawValue) image: live migration attempted"
        case .ineligible(let criteria):
            return "not eligible for live migration: " + criteria.map(\.rawValue).joined(separator: ", ")
        case .evacuateSetting(let value): return "cluster.evacuate=\(value.rawValue)"
        case .deviceCannotMigrate(let device): return "device \(device) cannot migrate"
        case .statefulVM: return "VM with migration.stateful=true"
        case .statelessVM: return "VM without migration.stateful"
        case .basicContainerWithCRIU: return "basic container with CRIU"
        case .containerWithoutCRIU: return "container without CRIU"
        case .containerRunsSystemd: return "container runs systemd"
        case .containerHasNetworkDevice: return "container has a network device"
        case .containerNotLiveInAuto: return "container: auto live-migrates VMs only"
        case .bareMetal: return "bare metal cannot be live-migrated"
        case .virtualMachine: return "virtual machine"
        }
    }
}

/// What the policy decided for one instance: the ordered chain of actions to try (the next
/// one runs when the previous fails), why, and OCI's failed criteria.
public struct MovePlan: Sendable, Equatable {
    public var actions: [PlannedAction]
    public var reason: PlanReason
    /// OCI: every criterion that fails, blocking or not (`image` is "attempted"), in the
    /// console's order. Empty for LXD and generic plans.
    public var incompatibilities: [EligibilityCriterion]

    public init(actions: [PlannedAction], reason: PlanReason, incompatibilities: [EligibilityCriterion] = []) {
        self.actions = actions
        self.reason = reason
        self.incompatibilities = incompatibilities
    }

    /// The first action (every plan has one).
    public var first: PlannedAction { actions[0] }

    /// The live step, if the chain has one.
    public var liveStep: LiveStep? {
        for case .live(let step) in actions { return step }
        return nil
    }
}
