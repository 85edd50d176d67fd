import FleetModel
import Stochastics

/// The uniform draws, each in [0, 1), that decide one reboot migration. The simulator owns
/// the randomness: it fills these from the instance's own stream (common random numbers
/// across policies), and ``MaintenancePolicyConfig/resolveReboot(_:attributes:draws:)`` turns
/// them into durations through each distribution's inverse CDF (a draw u gives the
/// u-quantile), so the resolution is a pure function.
public struct RebootDraws: Sendable, Equatable {
    public var dueDate: Double
    public var extensionChance: Double
    public var extensionLength: Double
    public var acts: Double
    public var response: Double
    public var platformWindow: Double
    public var stop: Double
    public var reassign: Double
    public var boot: Double
    public var rebuild: Double
    public var failure: Double

    public init(dueDate: Double = 0.5, extensionChance: Double = 0.5, extensionLength: Double = 0.5, acts: Double = 0.5,
                response: Double = 0.5, platformWindow: Double = 0.5, stop: Double = 0.5, reassign: Double = 0.5,
                boot: Double = 0.5, rebuild: Double = 0.5, failure: Double = 0.5) {
        self.dueDate = dueDate
        self.extensionChance = extensionChance
        self.extensionLength = extensionLength
        self.acts = acts
        self.response = response
        self.platformWindow = platformWindow
        self.stop = stop
        self.reassign = reassign
        self.boot = boot
        self.rebuild = rebuild
        self.failure = failure
    }

    /// Eleven draws from `next`, in the order of the properties above (always all eleven,
    /// so the stream's position does not depend on the outcome).
    public init(_ next: () -> Double) {
        self.init(dueDate: next(), extensionChance: next(), extensionLength: next(), acts: next(), response: next(),
                  platformWindow: next(), stop: next(), reassign: next(), boot: next(), rebuild: next(), failure: next())
    }
}

/// Who triggered the reboot and how.
public enum RebootTrigger: String, Sendable, CaseIterable {
    /// The customer rebooted from the Console, CLI or SDK before the due date.
    case customerProactive = "customer_proactive"
    /// "Within 24 hours after the maintenance due date" the platform reboot-migrated it.
    case platformAfterDueDate = "platform_after_due_date"
    /// DenseIO: "On the maintenance due date, the VM instance is stopped, rebuilt, and
    /// restarted."
    case platformRebuildOnDueDate = "platform_rebuild_on_due_date"
}

/// One reboot migration, resolved: when, how long, and what was lost. Times are seconds
/// from the notice.
public struct RebootResolution: Sendable, Equatable {
    public var variant: RebootVariant
    /// Notice to due date, extension included.
    public var dueSeconds: Double
    /// How far the due date was extended (0: not extended, or extended by a zero draw).
    public var extensionSeconds: Double
    /// The due date was extended (the extension draw came up), whatever its length.
    public var extended: Bool
    public var trigger: RebootTrigger
    /// When the downtime starts.
    public var startSeconds: Double
    public var stopSeconds: Double
    public var reassignSeconds: Double
    /// 0 when the instance stays stopped after the migration.
    public var bootSeconds: Double
    /// DenseIO rebuild on the due date (0 otherwise).
    public var rebuildSeconds: Double
    /// DenseIO proactive reboot: "the SSD will be permanently deleted", unless backed up.
    public var nvmeDataLost: Bool
    /// The reboot migration failed: manual migration follows (the next action of the plan).
    /// fleetsim assumption: the attempt's downtime is as drawn (the instance restarts where
    /// it was and waits for the customer). A DenseIO rebuild in place never fails.
    public var failed: Bool
    /// "you can configure the instance to remain stopped after it is migrated"
    /// (`InstanceAttributes.stayStoppedAfterMigration`); otherwise it returns to its prior
    /// lifecycle state.
    public var staysStopped: Bool

    public var downtimeSeconds: Double { stopSeconds + reassignSeconds + bootSeconds + rebuildSeconds }
    public var endSeconds: Double { startSeconds + downtimeSeconds }
}

extension Distribution {
    /// The `u`-quantile, u clamped into [0, 1) and the result to zero or more: a duration
    /// from a uniform draw.
    func durationQuantile(_ u: Double) -> Double {
        let p = min(max(u, 0), 1.0.nextDown)
        guard let q = quantile(p), q.isFinite else { return 0 }
        return max(q, 0)
    }
}

extension MaintenancePolicyConfig {
    /// Resolve a reboot migration of `variant` for an instance with `attributes`:
    /// 1. due date = notice-to-due draw, plus an extension with `extensionProbability`;
    /// 2. the customer acts when `draws.acts < proactiveProbability` and the response time
    ///    falls before the due date: a proactive reboot migration at that time (DenseIO: the
    ///    NVMe SSD is deleted, data lost unless `nvmeBackedUp`);
    /// 3. otherwise DenseIO is rebuilt on the due date (rebuild downtime, data kept), and
    ///    everything else is reboot-migrated by the platform at due date + window;
    /// 4. a reboot migration (not a rebuild) fails when `draws.failure < failureProbability`.
    public func resolveReboot(_ variant: RebootVariant, attributes: InstanceAttributes,
                              draws: RebootDraws) -> RebootResolution {
        let r = reboot
        let extended = draws.extensionChance < r.extensionProbability
        let extensionSeconds = extended ? r.extensionSeconds.durationQuantile(draws.extensionLength) : 0
        let due = r.noticeToDueSeconds.durationQuantile(draws.dueDate) + extensionSeconds
        let response = r.proactiveResponseSeconds.durationQuantile(draws.response)
        let proactive = draws.acts < r.proactiveProbability && response < due
        let staysStopped = attributes.stayStoppedAfterMigration

        var resolution = RebootResolution(
            variant: variant, dueSeconds: due, extensionSeconds: extensionSeconds, extended: extended, trigger: .platformAfterDueDate,
            startSeconds: due, stopSeconds: 0, reassignSeconds: 0, bootSeconds: 0, rebuildSeconds: 0,
            nvmeDataLost: false, failed: false, staysStopped: staysStopped)

        if !proactive && variant == .vmDenseIO {
            resolution.trigger = .platformRebuildOnDueDate
            resolution.rebuildSeconds = r.denseIORebuildSeconds.durationQuantile(draws.rebuild)
            return resolution
        }
        if proactive {
            resolution.trigger = .customerProactive
            resolution.startSeconds = response
            resolution.nvmeDataLost = variant == .vmDenseIO && !attributes.nvmeBackedUp
        } else {
            resolution.startSeconds = due + r.platformWindowSeconds.durationQuantile(draws.platformWindow)
        }
        resolution.stopSeconds = r.stopSeconds.durationQuantile(draws.stop)
        resolution.reassignSeconds = r.reassignSeconds.durationQuantile(draws.reassign)
        resolution.bootSeconds = staysStopped ? 0 : r.bootSeconds.durationQuantile(draws.boot)
        resolution.failed = draws.failure < r.failureProbability
        return resolution
    }
}
