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

    private var parameters: (key: ParametersKey, value: MigrationParameters)?
    private var guest: (key: GuestKey, value: DirtyModel)?

    /// The parameters last made, if they were made for `key`.
    func parameters(for key: ParametersKey) -> MigrationParameters? {
        guard let memo = parameters, memo.key == key else { return nil }
        return memo.value
    }

    mutating func remember(_ value: MigrationParameters, for key: ParametersKey) { parameters = (key, value) }

    /// The dirty model last made (fresh: nothing dirtied yet), if it was made for `key`; the
    /// copy shares its read-only arrays with the memo.
    func guest(for key: GuestKey) -> DirtyModel? {
        guard let memo = guest, memo.key == key else { return nil }
        return memo.value
    }

    mutating func remember(_ value: DirtyModel, for key: GuestKey) { guest = (key, value) }
}
