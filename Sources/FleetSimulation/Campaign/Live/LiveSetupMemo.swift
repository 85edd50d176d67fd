import FleetModel
import MaintenancePolicy
import MigrationEngine

/// The engine parameters and the guest's dirty model of the last live migration set up, with
/// what they were made from. Both are pure functions of the instance's memory and guest and
/// of the policy's step (the campaign's configuration is fixed), and fleets are made of many
/// alike instances: the 10k benches start 10,000 identical migrations, where building the
/// parameters from the preset and the model's per-region arrays was ~5 % of the simulation.
struct LiveSetupMemo {
    struct ParametersKey: Equatable {
        var memoryBytes: Int64
        var zeroPageFraction: Double
        var step: LiveStep
    }

    struct GuestKey: Equatable {
        var memoryBytes: Int64
        var pageSizeBytes: Int64
        var guest: GuestDirtying
    }

    /// The last value made, with its key.
    struct Last<Key: Equatable, Value> {
        private var made: (key: Key, value: Value)?

        /// The value last made, if it was made for `key`.
        func value(for key: Key) -> Value? {
            guard let made, made.key == key else { return nil }
            return made.value
        }

        mutating func remember(_ value: Value, for key: Key) { made = (key, value) }
    }

    var parameters = Last<ParametersKey, MigrationParameters>()
    /// Fresh (nothing dirtied yet); a copy handed out shares its read-only arrays with it.
    var guest = Last<GuestKey, DirtyModel>()
}
