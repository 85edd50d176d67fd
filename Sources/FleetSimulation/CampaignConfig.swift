import FleetModel
import MaintenancePolicy
import SimKernel
import Stochastics

/// What to do with an instance for which no host has room.
public enum NoTargetAction: String, Sendable, CaseIterable {
    /// Wait until capacity frees up (a host returns from maintenance, a move completes).
    case wait
    /// Leave the instance where it is and report it; the host's drain completes without it
    /// (LXD's `lxc cluster evacuate` skips instances it cannot place).
    case skip
    /// Stop the instance in place (Incus' evacuation stops what it cannot place).
    case stop
}

/// Which hosts a campaign drains. Hosts are taken in fleet order unless listed by name.
public enum HostSelection: Sendable, Equatable {
    /// These hosts, in this order.
    case names([String])
    /// Every host in the fleet.
    case all
    /// Every host in one fault domain (OCI maintains one fault domain at a time).
    case faultDomain(String)
    /// Every host in one rack.
    case rack(String)
}

/// In what order the campaign's hosts go into maintenance.
public enum CampaignOrder: Sendable, Equatable {
    /// In list (or fleet) order, `maxHostsInMaintenance` at a time.
    case list
    /// One fault domain at a time: the next fault domain starts only when every host of the
    /// previous one is back in service (how OCI schedules infrastructure maintenance).
    case byFaultDomain
    /// One rack at a time, the same way.
    case byRack
    /// A rolling window: this fraction of the campaign's hosts (at least one) in maintenance
    /// at once; overrides `maxHostsInMaintenance`.
    case rolling(fraction: Double)
}

/// The first way an instance is moved; a failed live migration falls back to reboot migration.
public enum MoveKind: String, Sendable, CaseIterable {
    case live
    case reboot
}

/// A maintenance campaign: which hosts are emptied, in what order, how many at once.
public struct CampaignConfig: Sendable {
    public var hosts: HostSelection
    public var order: CampaignOrder = .list
    public var move: MoveKind = .reboot
    public var liveMigration = LiveMigrationConfig()
    /// Live attempts per instance, each on a fresh target, before falling back (Nova's
    /// `live_migration_retries`-style retry; 1 means no retry). Used without a policy.
    public var liveAttempts = 1
    /// Concurrent migrations: per host out, in and both, and fleet-wide.
    public var limits: ConcurrencyLimits
    /// Spread anti-affinity groups over fault domains when choosing targets.
    public var spread: FaultDomainSpread = .none
    /// Send reboot- and manual-migration notices for every campaign instance that needs one
    /// when the campaign starts (OCI schedules the due date when it plans the maintenance),
    /// rather than when the instance's host enters maintenance.
    public var noticesAtCampaignStart = true
    /// Move instances back to their host when it returns (`lxc cluster restore`, vSphere's
    /// maintenance mode exit with DRS).
    public var returnInstances = false
    /// Hosts in maintenance at once (draining or down). OCI and most operators work one
    /// host per fault domain at a time; 1 is the conservative default.
    public var maxHostsInMaintenance: Int
    /// How long a drained host stays down before it accepts instances again.
    public var maintenanceDuration: Distribution
    public var placement: PlacementStrategy
    public var onNoTarget: NoTargetAction

    public init(hosts: HostSelection, maxHostsInMaintenance: Int = 1, maxOutboundPerHost: Int = 1,
                maintenanceDuration: Distribution = .constant(7_200), placement: PlacementStrategy = .leastLoaded,
                onNoTarget: NoTargetAction = .wait) {
        self.hosts = hosts
        self.maxHostsInMaintenance = maxHostsInMaintenance
        // Nova's `max_concurrent_live_migrations` defaults to 1 (nova/conf/compute.py).
        self.limits = ConcurrencyLimits(outboundPerHost: maxOutboundPerHost)
        self.maintenanceDuration = maintenanceDuration
        self.placement = placement
        self.onNoTarget = onNoTarget
    }
}

/// Reboot migration (OCI: "the instance is stopped, migrated to a healthy host, and
/// restarted"): downtime = stop + reassign + boot, each drawn per attempt, in seconds.
/// OCI publishes no durations ("a short downtime"); the defaults are fleetsim's assumptions,
/// typical of a VM with a remote boot volume: a graceful stop, a control-plane reassignment,
/// and a guest boot.
public struct RebootMigrationConfig: Sendable {
    public var stopSeconds: Distribution
    public var reassignSeconds: Distribution
    public var bootSeconds: Distribution

    public init(stopSeconds: Distribution, reassignSeconds: Distribution, bootSeconds: Distribution) {
        self.stopSeconds = stopSeconds
        self.reassignSeconds = reassignSeconds
        self.bootSeconds = bootSeconds
    }
}

/// Everything one run needs.
public struct SimulationConfig: Sendable {
    public var name: String
    public var seed: UInt64
    public var generator: GeneratorKind
    /// Simulated time after which the run stops; unresolved instances are reported as such.
    public var horizon: SimTime
    public var fleet: FleetSpec
    public var network: NetworkLayout
    public var campaign: CampaignConfig
    public var rebootMigration: RebootMigrationConfig
    /// The maintenance policy (eligibility, fallback chain, notices); nil: every instance is
    /// moved by `campaign.move` (live falling back to reboot, or reboot), at once.
    public var policy: MaintenancePolicyConfig?
    /// Hosts, links and migrations failing during the campaign (docs/failure-reference.md).
    public var failures: FailureConfig
    /// Interval of the rack-uplink and spine utilisation samples in the report.
    public var linkSampleInterval: SimTime
    /// What varies between replications besides the run's own draws (`ReplicationResample`).
    public var resample: ReplicationResample = .default

    public init(name: String, seed: UInt64, generator: GeneratorKind = .mt19937, horizon: SimTime,
                fleet: FleetSpec, network: NetworkLayout = NetworkLayout(), campaign: CampaignConfig,
                rebootMigration: RebootMigrationConfig, policy: MaintenancePolicyConfig? = nil,
                failures: FailureConfig = .none, linkSampleInterval: SimTime = .minutes(10)) {
        self.name = name
        self.seed = seed
        self.generator = generator
        self.horizon = horizon
        self.fleet = fleet
        self.network = network
        self.campaign = campaign
        self.rebootMigration = rebootMigration
        self.policy = policy
        self.failures = failures
        self.linkSampleInterval = linkSampleInterval
    }
}
