/// Numbers in error messages: integral values without a trailing ".0" ("got -1", not
/// "got -1.0"), everything else as Swift prints it (shortest round-tripping form).
func formatNumber(_ x: Double) -> String {
    if x.isFinite, x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
    return "\(x)"
}
