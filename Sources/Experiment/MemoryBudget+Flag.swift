

extension MemoryBudget {
    /// `--max-memory`: a size with its unit; absent, half the physical memory.
    public static func parse(_ text: String?) throws(CommandFailure) -> MemoryBudget {
        guard let text else { return MemoryBudget(limitBytes: defaultLimitBytes) }
        let bytes = try FlagValue.bytes(text, flag: "--max-memory", positive: true)
        return MemoryBudget(limitBytes: bytes)
    }

}
