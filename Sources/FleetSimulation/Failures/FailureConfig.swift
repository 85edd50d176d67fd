import MaintenancePolicy
import SimKernel
import Stochastics

/// Failure injection: what goes wrong during a run, independently of what the policy does.
///
/// Pure input. `FailurePlan.make` turns it (with the fleet, the network and the replication
/// seed) into a time-ordered list of host and link events and a per-attempt fault oracle;
/// the campaign model applies their consequences. Every knob, unit, default and source:
/// docs/failure-reference.md. The default (`FailureConfig()`, `.none`) injects nothing.
public struct FailureConfig: Sendable, Equatable {
    public var hosts = HostFailures()
    public var racks = RackFailures()
    public var links = LinkFaults()
    public var migrations = MigrationFaults()
    public var customers = CustomerFaults()

    public init(hosts: HostFailures = HostFailures(), racks: RackFailures = RackFailures(),
                links: LinkFaults = LinkFaults(), migrations: MigrationFaults = MigrationFaults(),
                customers: CustomerFaults = CustomerFaults()) {
        self.hosts = hosts
        self.racks = racks
        self.links = links
        self.migrations = migrations
        self.customers = customers
    }

    /// Nothing fails.
    public static let none = FailureConfig()

    /// Whether this injects nothing at all: no host, rack or link events, no attempt faults,
    /// no overrides (the stall timeout and setup delay alone change nothing).
    public var isNone: Bool {
        hosts.scheduled.isEmpty && hosts.timeToFailureSeconds == nil
            && racks.scheduled.isEmpty && racks.power == nil && racks.tor == nil
            && links.scheduled.isEmpty && links.random.isEmpty
            && migrations.abortPerAttempt == 0 && migrations.abortPerGiB == 0
            && migrations.setupErrorProbability == 0 && migrations.rebootFailureProbability == nil
            && customers.neverRespondFraction == nil
    }

    /// `policy` with this configuration's overrides applied: the reboot-migration failure
    /// probability and the fraction of customers who never act on a manual-migration notice.
    public func applyingOverrides(to policy: MaintenancePolicyConfig) -> MaintenancePolicyConfig {
        var p = policy
        if let q = migrations.rebootFailureProbability { p.reboot.failureProbability = q }
        if let f = customers.neverRespondFraction { p.manual.neverActFraction = f }
        return p
    }
}

// MARK: - Hosts

/// One host failing at a fixed time.
public struct ScheduledHostFailure: Sendable, Equatable {
    /// The host's name in the fleet.
    public var host: String
    /// When it fails, from the start of the run.
    public var at: SimTime
    /// How long until it is repaired; nil: drawn from `HostFailures.repairSeconds`.
    public var repairAfter: SimTime?

    public init(host: String, at: SimTime, repairAfter: SimTime? = nil) {
        self.host = host
        self.at = at
        self.repairAfter = repairAfter
    }
}

/// Host failures: a list of scheduled ones, and a renewal process per host (fail, repair,
/// fail again, until the horizon).
public struct HostFailures: Sendable, Equatable {
    public var scheduled: [ScheduledHostFailure] = []
    /// Time from the start of the run (or from the last repair) to a host's next random
    /// failure, in seconds; nil: no random host failures. `mtbf: X` in a scenario is
    /// `.exponential(mean: X)`.
    public var timeToFailureSeconds: Distribution? = nil
    /// Repair time in seconds, of random failures and of scheduled ones without their own.
    public var repairSeconds: Distribution = HostFailures.defaultRepairSeconds

    /// Assumption (no public source gives a fleet-wide figure): a median of 4 hours (reboot,
    /// diagnosis, a part swapped from stock) and a long tail to 3 days at p99 (a part ordered).
    public static let defaultRepairSeconds: Distribution = try! .lognormal(median: 4 * 3_600, p99: 3 * 86_400)

    public init(scheduled: [ScheduledHostFailure] = [], timeToFailureSeconds: Distribution? = nil,
                repairSeconds: Distribution = HostFailures.defaultRepairSeconds) {
        self.scheduled = scheduled
        self.timeToFailureSeconds = timeToFailureSeconds
        self.repairSeconds = repairSeconds
    }
}

// MARK: - Racks

/// What a rack-wide fault takes out.
public enum RackFaultKind: String, Sendable, CaseIterable {
    /// Power lost: every host of the rack fails (a shared cause) and comes back when power
    /// returns.
    case power
    /// Top-of-rack switch lost: the rack's uplink and downlink and every NIC link of its
    /// hosts are cut (intra-rack transfers cross the ToR too); the hosts keep running.
    case tor
}

/// One rack fault at a fixed time.
public struct ScheduledRackFault: Sendable, Equatable {
    /// The rack's name, or `FAULT-DOMAIN/rack` when two fault domains use the same rack name.
    public var rack: String
    public var kind: RackFaultKind
    public var at: SimTime
    public var duration: SimTime

    public init(rack: String, kind: RackFaultKind, at: SimTime, duration: SimTime) {
        self.rack = rack
        self.kind = kind
        self.at = at
        self.duration = duration
    }
}

/// Random rack faults of one kind: a Poisson process per rack (exponential times between
/// faults, counted from the end of the previous outage), each lasting a drawn duration.
public struct RandomRackFaults: Sendable, Equatable {
    /// Faults per rack per second (a scenario writes `per_rack: 0.5/365d`).
    public var ratePerRackPerSecond: Double
    /// Outage duration, in seconds.
    public var outageSeconds: Distribution

    public init(ratePerRackPerSecond: Double, outageSeconds: Distribution) {
        self.ratePerRackPerSecond = ratePerRackPerSecond
        self.outageSeconds = outageSeconds
    }
}

public struct RackFailures: Sendable, Equatable {
    public var scheduled: [ScheduledRackFault] = []
    /// Random power losses; nil: none.
    public var power: RandomRackFaults? = nil
    /// Random ToR failures; nil: none.
    public var tor: RandomRackFaults? = nil

    public init(scheduled: [ScheduledRackFault] = [], power: RandomRackFaults? = nil, tor: RandomRackFaults? = nil) {
        self.scheduled = scheduled
        self.power = power
        self.tor = tor
    }

    public func random(_ kind: RackFaultKind) -> RandomRackFaults? {
        switch kind {
        case .power: return power
        case .tor: return tor
        }
    }
}

// MARK: - Links

/// A link (or pair of links) of the network, by name. Resolved against the fleet and the
/// `NetworkTopology` by `FailurePlan.make`.
public enum LinkSelector: Sendable, Hashable, CustomStringConvertible {
    /// A host's NIC, both directions.
    case hostNIC(String)
    /// A rack's uplink and downlink (rack name, or `FAULT-DOMAIN/rack`).
    case rackUplink(String)
    /// The spine (an error when the network's spine is not finite).
    case spine
    /// The client's link of LXD's relay mode.
    case client

    public var description: String {
        switch self {
        case .hostNIC(let h): return "NIC of host '\(h)'"
        case .rackUplink(let r): return "uplink of rack '\(r)'"
        case .spine: return "spine"
        case .client: return "client"
        }
    }
}

/// A class of links, for random link faults: one process per member of the class.
public enum LinkClass: String, Sendable, CaseIterable {
    /// Each host's NIC (both directions together).
    case nic
    /// Each rack's uplink and downlink together.
    case rack
    /// The spine, when finite.
    case spine
    /// The client's link.
    case client
}

/// A link cut or degraded for a time window.
public struct ScheduledLinkFault: Sendable, Equatable {
    public var link: LinkSelector
    public var at: SimTime
    public var duration: SimTime
    /// Fraction of capacity left during the fault: 0 is a cut, 0.1 a degradation to 10%.
    public var remainingFraction: Double

    public init(link: LinkSelector, at: SimTime, duration: SimTime, remainingFraction: Double) {
        self.link = link
        self.at = at
        self.duration = duration
        self.remainingFraction = remainingFraction
    }
}

/// Random faults of every link of a class: a Poisson process per member.
public struct RandomLinkFaults: Sendable, Equatable {
    /// Faults per link (member of the class) per second (`per_link: 1/30d`).
    public var ratePerLinkPerSecond: Double
    /// Fault duration, seconds.
    public var durationSeconds: Distribution
    /// Fraction of capacity left, drawn per fault and clamped to [0, 1].
    public var remainingFraction: Distribution

    public init(ratePerLinkPerSecond: Double, durationSeconds: Distribution, remainingFraction: Distribution = .constant(0)) {
        self.ratePerLinkPerSecond = ratePerLinkPerSecond
        self.durationSeconds = durationSeconds
        self.remainingFraction = remainingFraction
    }
}

public struct LinkFaults: Sendable, Equatable {
    public var scheduled: [ScheduledLinkFault] = []
    /// Random faults by class; a class absent has none.
    public var random: [LinkClass: RandomLinkFaults] = [:]

    public init(scheduled: [ScheduledLinkFault] = [], random: [LinkClass: RandomLinkFaults] = [:]) {
        self.scheduled = scheduled
        self.random = random
    }
}

// MARK: - Migrations

/// Faults of migration attempts, drawn per (instance, attempt) by `MigrationFaultOracle`.
public struct MigrationFaults: Sendable, Equatable {
    /// Probability that a live attempt aborts on an internal error, placed uniformly over the
    /// attempt's first pass. Default 0.
    public var abortPerAttempt: Double = 0
    /// Probability of an abort per GiB sent (e.g. an API change during the migration):
    /// P(abort within x GiB) = 1 - (1 - p)^x. Default 0.
    public var abortPerGiB: Double = 0
    /// Probability that the target fails to set up (device or VIF attach times out). Default 0.
    public var setupErrorProbability: Double = 0
    /// How long a failing setup takes to fail, seconds. Default 300 s: Nova's
    /// `vif_plugging_timeout` (nova/conf/compute.py), which the source waits for before the
    /// transfer when `[compute] live_migration_wait_for_vif_plug` is true (its default).
    public var setupErrorDelaySeconds: Distribution = .constant(300)
    /// Reboot-migration failure probability, overriding the policy's
    /// (`policy.reboot.failure_probability`); nil: the policy's.
    public var rebootFailureProbability: Double? = nil
    /// How long a pre-copy live migration waits on a cut link before it aborts. Default 30 s:
    /// libvirt's keepalive on the peer-to-peer migration connection, closed after about
    /// keepalive_interval x (keepalive_count + 1) = 5 s x 6 (qemu.conf defaults).
    public var linkStallTimeout: SimTime = .seconds(30)

    public init(abortPerAttempt: Double = 0, abortPerGiB: Double = 0, setupErrorProbability: Double = 0,
                rebootFailureProbability: Double? = nil, linkStallTimeout: SimTime = .seconds(30),
                setupErrorDelaySeconds: Distribution = .constant(300)) {
        self.abortPerAttempt = abortPerAttempt
        self.abortPerGiB = abortPerGiB
        self.setupErrorProbability = setupErrorProbability
        self.setupErrorDelaySeconds = setupErrorDelaySeconds
        self.rebootFailureProbability = rebootFailureProbability
        self.linkStallTimeout = linkStallTimeout
    }
}

// MARK: - Customers

/// Customer behaviour that acts like a fault.
public struct CustomerFaults: Sendable, Equatable {
    /// Fraction of customers who never act on a manual-migration notice, overriding the
    /// policy's (`policy.manual.never_act`); nil: the policy's.
    public var neverRespondFraction: Double? = nil

    public init(neverRespondFraction: Double? = nil) { self.neverRespondFraction = neverRespondFraction }
}
