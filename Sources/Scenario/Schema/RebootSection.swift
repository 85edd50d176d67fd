import FleetSimulation
import Stochastics

/// `reboot_migration:` — the three phases of a reboot migration, as duration distributions.
///
/// OCI's document promises only "a short downtime". The defaults are fleetsim's assumptions
/// for a VM with a remote boot volume, written the way operators describe durations
/// (median and p99): a graceful guest stop, the control plane re-assigning the instance to
/// a healthy host, and a guest boot.
enum RebootSection {
    static let defaults = RebootMigrationConfig(
        stopSeconds: try! .lognormal(median: 15, p99: 60),
        reassignSeconds: try! .lognormal(median: 30, p99: 120),
        bootSeconds: try! .lognormal(median: 45, p99: 180)
    )

    static func read(_ m: MappingReader) -> RebootMigrationConfig? {
        let stop = m.distribution("stop", .duration, default: defaults.stopSeconds)
        let reassign = m.distribution("reassign", .duration, default: defaults.reassignSeconds)
        let boot = m.distribution("boot", .duration, default: defaults.bootSeconds)
        guard let stop, let reassign, let boot else { return nil }
        return RebootMigrationConfig(stopSeconds: stop, reassignSeconds: reassign, bootSeconds: boot)
    }
}
