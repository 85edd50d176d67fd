import Stochastics

/// OCI reboot migration: notice, due date, what the customer does, what the platform does,
/// and the downtime. Every duration is a distribution in seconds.
public struct RebootMigrationKnobs: Sendable, Equatable {
    /// Notice to due date: "schedules a due date for reboot migration within 14 to 16 days".
    public var noticeToDueSeconds: Distribution
    /// Probability that the customer reboots proactively (if their response comes before the
    /// due date); 1 - this is the fraction who never act. fleetsim assumption: 0.5.
    public var proactiveProbability: Double
    /// Customer response time, from the notice, for those who act. fleetsim assumption:
    /// lognormal, median 3 days, p99 14 days (a response after the due date is no response).
    public var proactiveResponseSeconds: Distribution
    /// Platform reboot after the due date: "Within 24 hours after the maintenance due date".
    public var platformWindowSeconds: Distribution
    /// Downtime phases: stop, reassign to a healthy host, boot. OCI says only "a short
    /// downtime"; the defaults are fleetsim's (the same as `reboot_migration:`): lognormal
    /// median 15 s p99 60 s, median 30 s p99 120 s, median 45 s p99 180 s.
    public var stopSeconds: Distribution
    public var reassignSeconds: Distribution
    public var bootSeconds: Distribution
    /// Probability that the due date is extended ("You can extend the due date for reboot
    /// migration"). fleetsim assumption: 0.05.
    public var extensionProbability: Double
    /// How far an extension moves the due date. fleetsim assumption: uniform 1..14 days.
    public var extensionSeconds: Distribution
    /// DenseIO on the due date: "stopped, rebuilt, and restarted. A downtime of several hours".
    /// fleetsim assumption: lognormal, median 4 h, p99 8 h.
    public var denseIORebuildSeconds: Distribution
    /// Probability that a reboot migration fails ("If reboot migration is unsuccessful ...
    /// You must manually migrate the instance"). fleetsim assumption: 0.5 %.
    public var failureProbability: Double

    public init(noticeToDueSeconds: Distribution, proactiveProbability: Double, proactiveResponseSeconds: Distribution,
                platformWindowSeconds: Distribution, stopSeconds: Distribution, reassignSeconds: Distribution,
                bootSeconds: Distribution, extensionProbability: Double, extensionSeconds: Distribution,
                denseIORebuildSeconds: Distribution, failureProbability: Double) {
        self.noticeToDueSeconds = noticeToDueSeconds
        self.proactiveProbability = proactiveProbability
        self.proactiveResponseSeconds = proactiveResponseSeconds
        self.platformWindowSeconds = platformWindowSeconds
        self.stopSeconds = stopSeconds
        self.reassignSeconds = reassignSeconds
        self.bootSeconds = bootSeconds
        self.extensionProbability = extensionProbability
        self.extensionSeconds = extensionSeconds
        self.denseIORebuildSeconds = denseIORebuildSeconds
        self.failureProbability = failureProbability
    }

    static let day = 86_400.0
    static let hour = 3_600.0

    public static let oci = RebootMigrationKnobs(
        noticeToDueSeconds: .uniform(min: 14 * day, max: 16 * day),
        proactiveProbability: 0.5,
        proactiveResponseSeconds: try! .lognormal(median: 3 * day, p99: 14 * day),
        platformWindowSeconds: .uniform(min: 0, max: 24 * hour),
        stopSeconds: try! .lognormal(median: 15, p99: 60),
        reassignSeconds: try! .lognormal(median: 30, p99: 120),
        bootSeconds: try! .lognormal(median: 45, p99: 180),
        extensionProbability: 0.05,
        extensionSeconds: .uniform(min: 1 * day, max: 14 * day),
        denseIORebuildSeconds: try! .lognormal(median: 4 * hour, p99: 8 * hour),
        failureProbability: 0.005
    )
}
