import Stochastics

/// OCI manual migration: the customer is notified, reacts (or not), then terminates the
/// instance preserving its boot volume, relaunches from it, reattaches volumes and VNICs and
/// restarts applications (seed 003, "Moving an Instance Manually"). The seed gives the steps
/// and what changes, not durations: every duration default is a fleetsim assumption.
public struct ManualMigrationKnobs: Sendable, Equatable {
    /// From the trigger (a failed reboot migration, or an instance with no reboot date) to
    /// the notification. Assumption: lognormal, median 5 min, p99 1 h.
    public var notificationSeconds: Distribution
    /// From the notification to the customer starting the move. Assumption: lognormal,
    /// median 2 days, p99 14 days.
    public var reactionSeconds: Distribution
    /// Fraction of customers who never act before the deadline. Assumption: 0.1.
    public var neverActFraction: Double
    /// Hard deadline, from the notification, after which the instance counts as unresolved
    /// through customer inaction. Assumption: 30 days (the seed states none).
    public var deadlineSeconds: Double
    /// Step 7: terminate, preserving the boot volume. Assumption: median 2 min, p99 10 min.
    public var terminateSeconds: Distribution
    /// Step 8: launch a new instance from the boot volume. Assumption: median 3 min, p99 15 min.
    public var relaunchSeconds: Distribution
    /// Steps 9-12: stop, recreate secondary VNICs and IPs, attach block volumes, start.
    /// Assumption: median 5 min, p99 30 min.
    public var reattachSeconds: Distribution
    /// Step 13: start and test applications. Assumption: median 5 min, p99 1 h.
    public var restartApplicationsSeconds: Distribution
    /// What changes: public IPs not from a reserved pool, MAC addresses, CPUIDs and other
    /// hardware identifiers. "Private IP addresses do not change."
    public var changedIdentifiers: [ChangedIdentifier]

    public init(notificationSeconds: Distribution, reactionSeconds: Distribution, neverActFraction: Double,
                deadlineSeconds: Double, terminateSeconds: Distribution, relaunchSeconds: Distribution,
                reattachSeconds: Distribution, restartApplicationsSeconds: Distribution,
                changedIdentifiers: [ChangedIdentifier]) {
        self.notificationSeconds = notificationSeconds
        self.reactionSeconds = reactionSeconds
        self.neverActFraction = neverActFraction
        self.deadlineSeconds = deadlineSeconds
        self.terminateSeconds = terminateSeconds
        self.relaunchSeconds = relaunchSeconds
        self.reattachSeconds = reattachSeconds
        self.restartApplicationsSeconds = restartApplicationsSeconds
        self.changedIdentifiers = changedIdentifiers
    }

    public static let oci = ManualMigrationKnobs(
        notificationSeconds: try! .lognormal(median: 300, p99: 3_600),
        reactionSeconds: try! .lognormal(median: 2 * 86_400, p99: 14 * 86_400),
        neverActFraction: 0.1,
        deadlineSeconds: 30 * 86_400,
        terminateSeconds: try! .lognormal(median: 120, p99: 600),
        relaunchSeconds: try! .lognormal(median: 180, p99: 900),
        reattachSeconds: try! .lognormal(median: 300, p99: 1_800),
        restartApplicationsSeconds: try! .lognormal(median: 300, p99: 3_600),
        changedIdentifiers: [.publicIP, .macAddresses, .hardwareIdentifiers]
    )
}
