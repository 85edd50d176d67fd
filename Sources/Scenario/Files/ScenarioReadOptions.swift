/// What a scenario may make the loader read, set from the command line.
public struct ScenarioReadOptions: Sendable {
    /// Whether an empirical `file:` may lie outside the scenario's folder
    /// (`--allow-outside-paths`). Off by default: a scenario from elsewhere must not make
    /// fleetsim read, and quote in an error, an arbitrary file (`file: ../../../etc/shadow`).
    public var allowOutsidePaths: Bool
    /// Memory the run may use, in bytes; data files whose estimated in-memory size exceeds it
    /// are refused before they are read. Nil: no limit.
    public var maxMemoryBytes: Double?

    public init(allowOutsidePaths: Bool = false, maxMemoryBytes: Double? = nil) {
        self.allowOutsidePaths = allowOutsidePaths
        self.maxMemoryBytes = maxMemoryBytes
    }
}
