import CGSL

/// GSL's Walker alias table (`gsl_ran_discrete_preproc`) for drawing an index with given
/// weights in O(1) per draw (`gsl_ran_discrete`). Built once, freed with the last owner.
///
/// `@unchecked Sendable`: the table is written only by `gsl_ran_discrete_preproc` inside
/// `init`; `gsl_ran_discrete` only reads it (the generator state it mutates is the stream's).
final class DiscreteLookup: @unchecked Sendable {
    private let table: UnsafeMutablePointer<gsl_ran_discrete_t>

    /// `weights` must be non-negative, finite and not all zero (checked by the caller);
    /// GSL normalises them itself.
    init(weights: [Double]) {
        GSLSetup.once
        let table = weights.withUnsafeBufferPointer { gsl_ran_discrete_preproc($0.count, $0.baseAddress) }
        guard let table else { fatalError("gsl_ran_discrete_preproc failed for validated weights") }
        self.table = table
    }

    deinit { gsl_ran_discrete_free(table) }

    func index(_ stream: RandomStream) -> Int { Int(gsl_ran_discrete(stream.raw, table)) }
}
