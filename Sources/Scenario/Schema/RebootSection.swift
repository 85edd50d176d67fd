import FleetSimulation
import Stochastics

/// `reboot_migration:` — the three phases of a reboot migration, as duration distributions
/// (defaults and their reasons: `ScenarioKnobs.Reboot`).
enum RebootSection {
    typealias K = ScenarioKnobs.Reboot

    static var defaults: RebootMigrationConfig {
        RebootMigrationConfig(stopSeconds: K.stop.defaultValue!, reassignSeconds: K.reassign.defaultValue!,
                              bootSeconds: K.boot.defaultValue!)
    }

    static func read(_ m: MappingReader) -> RebootMigrationConfig? {
        let stop = m.distribution(K.stop)
        let reassign = m.distribution(K.reassign)
        let boot = m.distribution(K.boot)
        guard let stop, let reassign, let boot else { return nil }
        return RebootMigrationConfig(stopSeconds: stop, reassignSeconds: reassign, bootSeconds: boot)
    }
}
