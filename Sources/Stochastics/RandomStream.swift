import CGSL

/// The GSL generator algorithm behind a stream. mt19937 is the default: it is GSL's own
/// default (`gsl_rng_default` when GSL_RNG_TYPE is unset) and has a period of 2^19937 - 1.
public enum GeneratorKind: String, Sendable, CaseIterable, Codable {
    case mt19937
    case ranlxd2
    case ranlxs0
    case taus2
    case gfsr4

    var gslType: UnsafePointer<gsl_rng_type> {
        switch self {
        case .mt19937: return fleetsim_rng_mt19937()
        case .ranlxd2: return fleetsim_rng_ranlxd2()
        case .ranlxs0: return fleetsim_rng_ranlxs0()
        case .taus2: return fleetsim_rng_taus2()
        case .gfsr4: return fleetsim_rng_gfsr4()
        }
    }
}

/// One named, seeded random stream on a `gsl_rng`.
///
/// A stream is identified by (scenario seed, entity id, purpose): its seed is a hash of the
/// three, so the draws one entity sees never depend on how many other entities exist or in
/// which order they were created (common random numbers across policies and fleet sizes).
///
/// Not thread-safe: one stream belongs to one simulation run.
public final class RandomStream {
    @usableFromInline let rng: UnsafeMutablePointer<gsl_rng>
    public let kind: GeneratorKind
    public let seed: UInt64

    /// A stream seeded directly. Prefer `init(scenarioSeed:entity:purpose:kind:)`.
    public init(seed: UInt64, kind: GeneratorKind = .mt19937) {
        GSLSetup.once
        // mt19937 treats seed 0 as GSL's default seed 4357; every other generator takes any
        // value. Map 0 away so that no derived seed collides with GSL's default.
        let gslSeed = UInt(truncatingIfNeeded: seed == 0 ? 0x9E37_79B9_7F4A_7C15 : seed)
        if kind == .mt19937 {
            // GSL's mt19937, seeded lazily: the same draws without seeding and twisting all
            // 624 words up front (shim.h, `fleetsim_lazy_mt`).
            guard let rng = fleetsim_lazy_mt_alloc(gslSeed) else {
                fatalError("fleetsim_lazy_mt_alloc failed: out of memory")
            }
            self.rng = rng
        } else {
            guard let rng = gsl_rng_alloc(kind.gslType) else {
                fatalError("gsl_rng_alloc failed: out of memory")
            }
            gsl_rng_set(rng, gslSeed)
            self.rng = rng
        }
        self.kind = kind
        self.seed = seed
    }

    /// The stream for `purpose` of `entity` in a run seeded with `scenarioSeed`.
    public convenience init(scenarioSeed: UInt64, entity: String, purpose: String,
                            kind: GeneratorKind = .mt19937) {
        self.init(seed: StreamSeed.derive(scenarioSeed: scenarioSeed, entity: entity, purpose: purpose),
                  kind: kind)
    }

    deinit {
        if kind == .mt19937 { fleetsim_lazy_mt_free(rng) } else { gsl_rng_free(rng) }
    }

    /// Uniform on [0, 1).
    @inlinable public func uniform() -> Double { gsl_rng_uniform(rng) }

    /// Uniform on (0, 1): never exactly zero, for logarithms and inverse CDFs.
    @inlinable public func uniformPositive() -> Double { gsl_rng_uniform_pos(rng) }

    /// Uniform integer in 0 ..< n (n > 0).
    @inlinable public func uniformInt(below n: Int) -> Int {
        precondition(n > 0, "uniformInt(below:) needs n > 0")
        if n <= Int(UInt32.max) { return Int(gsl_rng_uniform_int(rng, UInt(n))) }
        // gsl_rng_uniform_int is limited to the generator's range; compose for large n.
        return Int(uniform() * Double(n)) % n
    }

    /// True with probability p.
    @inlinable public func bernoulli(_ p: Double) -> Bool { gsl_rng_uniform(rng) < p }

    /// Access to the raw generator for GSL sampling functions in this module.
    @usableFromInline var raw: UnsafePointer<gsl_rng> { UnsafePointer(rng) }
}

/// Seed derivation: FNV-1a over the purpose and entity strings, mixed with the scenario seed
/// through SplitMix64's finaliser (Steele, Lea, Flood 2014). Swift's `Hasher` is randomised per
/// process, so it cannot be used for anything that must reproduce.
public enum StreamSeed {
    public static func derive(scenarioSeed: UInt64, entity: String, purpose: String) -> UInt64 {
        var h = fnv1a(entity, basis: 0xCBF2_9CE4_8422_2325)
        h = fnv1a("\u{1F}", basis: h)  // unit separator: ("ab","c") != ("a","bc")
        h = fnv1a(purpose, basis: h)
        return mix(mix(scenarioSeed) ^ h)
    }

    public static func fnv1a(_ text: String, basis: UInt64) -> UInt64 {
        var h = basis
        for byte in text.utf8 {
            h ^= UInt64(byte)
            h &*= 0x0000_0100_0000_01B3
        }
        return h
    }

    public static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// One-time GSL process set-up.
enum GSLSetup {
    /// Turn off GSL's abort-on-error handler: every input is validated before it reaches GSL.
    static let once: Void = { fleetsim_gsl_disable_abort() }()
}
