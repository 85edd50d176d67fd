#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SimKernel
import Stochastics

/// Why an attempt aborts on its own (not because a host or a link failed).
public enum MigrationAbortCause: String, Sendable, CaseIterable {
    /// The per-attempt abort: an internal error of the migration service.
    case internalError = "internal error"
    /// The per-GiB abort: exposure grows with the bytes sent (an API change during the
    /// migration, a control-plane hiccup).
    case apiChange = "API change during migration"
}

/// Where an attempt aborts: once `bytesSent` bytes of it have been sent.
public struct AbortPoint: Sendable, Equatable {
    public var bytesSent: Double
    public var cause: MigrationAbortCause

    public init(bytesSent: Double, cause: MigrationAbortCause) {
        self.bytesSent = bytesSent
        self.cause = cause
    }
}

/// What the dice say about one attempt of one instance, before it starts.
public struct AttemptFaults: Sendable, Equatable {
    /// The per-attempt abort, as a fraction (in [0, 1)) of the attempt's first pass (its first
    /// copy of guest memory); nil: no such abort.
    public var internalErrorAtFirstPassFraction: Double?
    /// The per-GiB abort, as bytes sent; nil: never (p = 0).
    public var apiChangeAtBytes: Double?
    /// A target-side setup error, failing the attempt this long after it starts and before
    /// any byte moves; nil: setup succeeds.
    public var setupErrorAfter: SimTime?
}

/// Per-attempt faults, drawn from streams named after (replication seed, instance,
/// purpose#attempt): the answer for attempt k of instance X is the same whatever happened
/// before, whichever policy asks, in whatever order. Each fault has its own stream, and a
/// stream always makes the same draws whatever the probabilities, so changing one knob never
/// moves another fault. A fault whose probability is zero (the default) cannot strike whatever
/// its stream draws, so its stream is not made at all (a stream is local to one question:
/// skipping it moves no other draw).
///
/// `attempt` is the 1-based attempt number of `Fact.attemptStarted`.
public struct MigrationFaultOracle: Sendable {
    public let faults: MigrationFaults
    public let replicationSeed: UInt64
    public let generator: GeneratorKind

    static let bytesPerGiB = 1_073_741_824.0

    public init(faults: MigrationFaults, replicationSeed: UInt64, generator: GeneratorKind = .mt19937) {
        self.faults = faults
        self.replicationSeed = replicationSeed
        self.generator = generator
    }

    func stream(_ instance: String, _ purpose: String, _ attempt: Int) -> RandomStream {
        RandomStream(scenarioSeed: replicationSeed, entity: instance, purpose: "\(purpose)#\(attempt)", kind: generator)
    }

    /// Every fault of one attempt.
    public func attemptFaults(instance: String, attempt: Int) -> AttemptFaults {
        AttemptFaults(internalErrorAtFirstPassFraction: internalErrorFraction(instance: instance, attempt: attempt),
                      apiChangeAtBytes: apiChangeBytes(instance: instance, attempt: attempt),
                      setupErrorAfter: setupError(instance: instance, attempt: attempt))
    }

    /// The earlier of the attempt's two abort points, given the size of its first pass in
    /// bytes; nil when it never aborts on its own. The caller aborts the attempt when this
    /// many bytes have been sent and it has not yet completed (or failed otherwise).
    public func abortPoint(instance: String, attempt: Int, firstPassBytes: Double) -> AbortPoint? {
        var point: AbortPoint?
        if let fraction = internalErrorFraction(instance: instance, attempt: attempt) {
            point = AbortPoint(bytesSent: fraction * max(0, firstPassBytes), cause: .internalError)
        }
        if let bytes = apiChangeBytes(instance: instance, attempt: attempt), bytes < point?.bytesSent ?? .infinity {
            point = AbortPoint(bytesSent: bytes, cause: .apiChange)
        }
        return point
    }

    /// Whether the per-GiB abort has struck once `bytesSent` bytes have been sent.
    public func abortsByBytes(instance: String, attempt: Int, bytesSent: Double) -> Bool {
        guard let point = apiChangeBytes(instance: instance, attempt: attempt) else { return false }
        return point <= bytesSent
    }

    /// Whether the target fails to set up.
    public func setupFails(instance: String, attempt: Int) -> Bool {
        setupError(instance: instance, attempt: attempt) != nil
    }

    /// The delay after which the target's setup fails; nil when it succeeds.
    public func setupError(instance: String, attempt: Int) -> SimTime? {
        // u < p is false for every u in [0, 1) when p <= 0 (or NaN).
        guard faults.setupErrorProbability > 0 else { return nil }
        let s = stream(instance, "fault-setup", attempt)
        let fails = s.uniform() < faults.setupErrorProbability
        let delay = faults.setupErrorDelaySeconds.sample(s)
        return fails ? FailurePlan.duration(seconds: delay) : nil
    }

    /// The per-attempt abort's position in the first pass, or nil.
    func internalErrorFraction(instance: String, attempt: Int) -> Double? {
        guard faults.abortPerAttempt > 0 else { return nil }
        let s = stream(instance, "fault-abort", attempt)
        let aborts = s.uniform() < faults.abortPerAttempt
        let fraction = s.uniform()
        return aborts ? fraction : nil
    }

    /// Bytes sent when the per-GiB abort strikes: the x with (1 - p)^x = U, U uniform on
    /// (0, 1), in GiB; so P(x <= g) = 1 - (1 - p)^g.
    func apiChangeBytes(instance: String, attempt: Int) -> Double? {
        let p = faults.abortPerGiB
        guard p > 0 else { return nil }
        let u = stream(instance, "fault-abort-gib", attempt).uniformPositive()
        if p >= 1 { return 0 }
        return log(u) / log1p(-p) * Self.bytesPerGiB
    }
}
