import FleetModel
import Stochastics

/// The uniform draws, each in [0, 1), that decide one manual migration (see ``RebootDraws``
/// for how they are used).
public struct ManualDraws: Sendable, Equatable {
    public var notification: Double
    public var acts: Double
    public var reaction: Double
    public var terminate: Double
    public var relaunch: Double
    public var reattach: Double
    public var restartApplications: Double

    public init(notification: Double = 0.5, acts: Double = 0.5, reaction: Double = 0.5, terminate: Double = 0.5,
                relaunch: Double = 0.5, reattach: Double = 0.5, restartApplications: Double = 0.5) {
        self.notification = notification
        self.acts = acts
        self.reaction = reaction
        self.terminate = terminate
        self.relaunch = relaunch
        self.reattach = reattach
        self.restartApplications = restartApplications
    }

    /// Seven draws from `next`, in the order of the properties above (always all seven).
    public init(_ next: () -> Double) {
        self.init(notification: next(), acts: next(), reaction: next(), terminate: next(), relaunch: next(),
                  reattach: next(), restartApplications: next())
    }
}

public enum ManualOutcome: String, Sendable, CaseIterable {
    /// The customer moved the instance before the deadline.
    case customerMigrated = "customer_migrated"
    /// The customer did not act before the hard deadline (customer inaction).
    case deadlinePassed = "deadline_passed"
}

/// One manual migration, resolved. Times are seconds from the trigger (the failed reboot
/// migration, or the maintenance notice for an instance with no reboot date).
public struct ManualResolution: Sendable, Equatable {
    public var outcome: ManualOutcome
    public var notificationSeconds: Double
    /// When the customer starts (downtime starts); the deadline when they never act.
    public var startSeconds: Double
    public var terminateSeconds: Double
    public var relaunchSeconds: Double
    public var reattachSeconds: Double
    public var restartApplicationsSeconds: Double
    /// What changed (empty when the customer did not act). Public IPs from a reserved pool
    /// are kept.
    public var changedIdentifiers: [ChangedIdentifier]
    /// DenseIO: the local NVMe SSD does not survive a terminate; lost unless backed up.
    public var nvmeDataLost: Bool

    public var downtimeSeconds: Double {
        terminateSeconds + relaunchSeconds + reattachSeconds + restartApplicationsSeconds
    }
    public var endSeconds: Double { startSeconds + downtimeSeconds }
}

extension MaintenancePolicyConfig {
    /// Resolve a manual migration of `instance`: notified after the notification delay, the
    /// customer never acts when `draws.acts < neverActFraction` or when their reaction comes
    /// after the deadline (both count from the notification); otherwise downtime = terminate
    /// + relaunch + reattach + restart applications.
    public func resolveManual(_ instance: Instance, draws: ManualDraws) -> ManualResolution {
        let m = manual
        let notification = m.notificationSeconds.durationQuantile(draws.notification)
        let reaction = m.reactionSeconds.durationQuantile(draws.reaction)
        let acts = draws.acts >= m.neverActFraction && reaction <= m.deadlineSeconds
        guard acts else {
            return ManualResolution(outcome: .deadlinePassed, notificationSeconds: notification,
                                    startSeconds: notification + m.deadlineSeconds, terminateSeconds: 0,
                                    relaunchSeconds: 0, reattachSeconds: 0, restartApplicationsSeconds: 0,
                                    changedIdentifiers: [], nvmeDataLost: false)
        }
        let reserved = instance.attributes.reservedPublicIP
        let changed = m.changedIdentifiers.filter { !($0 == .publicIP && reserved) }
        return ManualResolution(
            outcome: .customerMigrated, notificationSeconds: notification, startSeconds: notification + reaction,
            terminateSeconds: m.terminateSeconds.durationQuantile(draws.terminate),
            relaunchSeconds: m.relaunchSeconds.durationQuantile(draws.relaunch),
            reattachSeconds: m.reattachSeconds.durationQuantile(draws.reattach),
            restartApplicationsSeconds: m.restartApplicationsSeconds.durationQuantile(draws.restartApplications),
            changedIdentifiers: changed,
            nvmeDataLost: isDenseIO(instance) && !instance.attributes.nvmeBackedUp)
    }
}
