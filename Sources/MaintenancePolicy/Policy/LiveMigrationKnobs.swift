/// How live migrations are attempted and what follows when they fail (the generic,
/// Nova/KubeVirt-style knobs, used by every preset).
public struct LiveMigrationKnobs: Sendable, Equatable {
    /// Live attempts per instance, each on another target, before falling back. 1 = no retry.
    public var attempts: Int
    /// The management layer whose defaults each attempt runs with.
    public var engine: LiveEnginePreset
    /// Auto-converge (guest CPU throttling) enabled.
    public var autoConverge: Bool
    /// Post-copy permitted (a failure during post-copy loses the guest).
    public var postcopyPermitted: Bool
    /// What the completion timeout does.
    public var timeoutAction: LiveTimeoutAction
    /// What follows when every attempt failed.
    public var fallback: LiveFallback

    public init(attempts: Int, engine: LiveEnginePreset, autoConverge: Bool, postcopyPermitted: Bool,
                timeoutAction: LiveTimeoutAction, fallback: LiveFallback) {
        self.attempts = attempts
        self.engine = engine
        self.autoConverge = autoConverge
        self.postcopyPermitted = postcopyPermitted
        self.timeoutAction = timeoutAction
        self.fallback = fallback
    }

    /// OCI (seed 003) states only the fallback: "If an instance cannot be live migrated,
    /// Oracle Cloud Infrastructure schedules a due date for reboot migration". One attempt,
    /// a management layer with Nova's downtime ramp and completion timeout (bare QEMU never
    /// gives up, and a fleet operator always has a timeout), abort on timeout, no post-copy
    /// and no auto-converge are fleetsim assumptions (OCI does not publish its engine settings).
    public static let oci = LiveMigrationKnobs(attempts: 1, engine: .nova, autoConverge: false, postcopyPermitted: false,
                                               timeoutAction: .abort, fallback: .reboot)

    /// LXD VMs: LXD drives QEMU itself (engine `qemu`), with auto-converge on and no
    /// post-copy. One attempt: "If a live migration attempt fails, the evacuation operation
    /// fails" (`lxc cluster evacuate --help`); falling back to a cold move is fleetsim's
    /// assumption of what the operator does next (set `fallback: none` for LXD's literal
    /// behaviour).
    public static let lxd = LiveMigrationKnobs(attempts: 1, engine: .qemu, autoConverge: true, postcopyPermitted: false,
                                               timeoutAction: .abort, fallback: .cold)

    /// Nova: `live_migration_permit_post_copy = False`, `live_migration_permit_auto_converge
    /// = False`, `live_migration_timeout_action = abort` (nova/conf/libvirt.py). Three attempts
    /// on other targets (an evicting drain retries) and a cold fallback are fleetsim
    /// assumptions.
    public static let generic = LiveMigrationKnobs(attempts: 3, engine: .nova, autoConverge: false, postcopyPermitted: false,
                                                   timeoutAction: .abort, fallback: .cold)
}
