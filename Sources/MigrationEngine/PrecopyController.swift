/// Which host a failure hit.
public enum HostSide: Sendable, Equatable { case source, target }

/// One live-migration attempt as a value-type state machine: QEMU pre-copy (passes separated by
/// dirty-bitmap syncs, bandwidth x downtime-limit switchover, max-bandwidth bursts per 100 ms
/// window, auto-converge), optional post-copy, and the management layer's timers.
///
/// It does not know the simulator's clock: time is passed in (seconds as Double, or nanoseconds
/// through the `...Nanoseconds` variants). Drive it like this:
///
///     var c = PrecopyController(parameters: p, guest: .analytic(w), startSeconds: t0,
///                               linkBytesPerSecond: share)
///     schedule(c.nextDecisionSeconds)                 // one pending event per migration
///     // at that event, time t:
///     c.advance(toSeconds: t)                         // handles every decision point <= t
///     for d in c.lastDecisions { ... }                // publish facts
///     if let o = c.outcome { resolve(o) } else { schedule(c.nextDecisionSeconds) }
///     // whenever the flow's share of the network changes, at time t:
///     let next = c.rateChanged(atSeconds: t, linkBytesPerSecond: newShare)   // reschedule
///
/// Per decision point the work is O(1) for the analytic and trace models (the bitmap model
/// draws its writes); nothing is allocated except the pass record.
public struct PrecopyController {
    public enum Phase: Sendable, Equatable {
        case setup, precopy, stopAndCopy, postcopyBlackout, postcopyActive, finished
        /// The guest runs on the destination; the source waits for the destination's final
        /// acknowledgement (SimGrid's rounds only: its "stage 4" message).
        case acknowledging
    }

    public let parameters: MigrationParameters
    public internal(set) var guest: DirtyModel
    public internal(set) var phase: Phase = .setup
    public let startSeconds: Double
    public internal(set) var nowSeconds: Double
    /// The network's share for this flow (before max-bandwidth and stream limits).
    public internal(set) var linkBytesPerSecond: Double

    var window: BandwidthWindow
    /// The `qemu` loop's thread and migration bitmap: placeholders until `beginQemuLoop` sets
    /// them and `qemuLoopStarted` (never used in the per-pass model). Not optionals: `guard
    /// let l = loop, let s = scan` copied the 152-byte thread state and retained the bitmap's
    /// segments on every call of the rate-change path (memmove 8.7 % and retain/release 10 %
    /// of large-fleet's time, docs/performance.md "Where the time goes after").
    var loop = QemuThreadLoop.placeholder
    /// `loop` and `scan` were set (`usesQemuLoop`).
    var qemuLoopStarted = false
    var scan = ScanMemory.placeholder
    var loopPendingAtCommit: Double = 0
    var lookaheadMemo: LookaheadMemo? = nil
    /// No decision point falls before this time at `quietRate` (absolute seconds; -infinity
    /// when unknown): set with a bound (`PrecopyController+QuietBound`), so `advance` to an
    /// earlier time needs no look-ahead. Cleared by anything but the passing of time.
    var quietUntilSeconds = -Double.infinity
    var quietRate: Double = 0
    var autoConverge: AutoConverge?
    var guestStopped = false

    // current pass
    public internal(set) var passIndex = 0
    var passStartSeconds: Double = 0
    var passMemoryBytes: Double = 0
    var passWireBytes: Double = 0
    var passWireBytesSent: Double = 0
    var scanSecondsRemaining: Double = 0
    var passThrottlePercent = 0

    // totals
    public internal(set) var bytesSent: Double = 0
    var memoryBytesSent: Double = 0
    public internal(set) var dirtySyncCount = 0
    public internal(set) var downtimeLimitSeconds: Double
    public internal(set) var dirtyBytesAtLastSync: Double = 0
    public internal(set) var passes: [PassRecord] = []
    /// Decisions taken during the last `advance`/`rateChanged`/failure call.
    public internal(set) var lastDecisions: [MigrationDecision] = []

    // management timers
    var nextDowntimeStep = 0
    var timeoutFired = false
    var progressWatermarkBytes = Double.infinity
    var lastProgressSeconds: Double

    // stop-and-copy / post-copy transfers
    var transferBytesRemaining: Double = 0
    var transferFixedSecondsRemaining: Double = 0
    var transferCapBytesPerSecond: Double? = nil
    var stopStartSeconds: Double = 0
    var stopReason: OutcomeReason = .precopy
    var downtimeSeconds: Double = 0
    var postcopyStartSeconds: Double = 0
    var postcopyActiveStartSeconds: Double = 0
    var postcopyMemoryBytes: Double = 0
    public internal(set) var postcopyPaused = false
    var postcopyReport: PostcopyReport? = nil

    public internal(set) var outcome: MigrationOutcome? = nil

    public init(parameters: MigrationParameters, guest: DirtyModel, startSeconds: Double = 0,
                linkBytesPerSecond: Double) {
        self.parameters = parameters
        self.guest = guest
        self.startSeconds = startSeconds
        nowSeconds = startSeconds
        self.linkBytesPerSecond = linkBytesPerSecond
        downtimeLimitSeconds = parameters.downtimeLimitSeconds
        lastProgressSeconds = startSeconds
        window = BandwidthWindow(startSeconds: startSeconds, windowSeconds: parameters.bandwidthWindowSeconds,
                                 capBytesPerSecond: parameters.maxBandwidthBytesPerSecond)
        lastDecisions.reserveCapacity(8)
    }

    // MARK: - Public driving API

    public var isFinished: Bool { phase == .finished }
    public var throttlePercent: Int { autoConverge?.throttlePercent ?? 0 }

    /// The controller's view in `query-migrate` terms.
    public var observation: MigrationObservation {
        MigrationObservation(elapsedSeconds: nowSeconds - startSeconds, bytesSent: bytesSent,
                             dirtyBytesAtLastSync: dirtyBytesAtLastSync,
                             windowBandwidthBytesPerSecond: usesQemuLoop ? loop.windowBandwidth : window.lastWindowBytesPerSecond,
                             throttlePercent: throttlePercent, downtimeLimitSeconds: downtimeLimitSeconds,
                             dirtySyncCount: dirtySyncCount, passIndex: passIndex)
    }

    /// Absolute time (seconds) of the next decision point at the current rate: end of setup,
    /// end of the zero-page scan or of a pass, a management timer, end of stop-and-copy or of a
    /// post-copy stage. Infinity when nothing can happen (finished, or no bandwidth).
    public var nextDecisionSeconds: Double {
        var c = self
        return c.decisionSeconds()
    }

    /// `nextDecisionSeconds`, computed in place. Mutating only so that the controller is
    /// reached through its address: a non-mutating call from the hot mutating paths (`step`,
    /// `rateChanged`, `advance`) made Swift copy the whole controller (~1.3 KB) per call.
    /// It changes nothing but the look-ahead memo.
    mutating func decisionSeconds() -> Double {
        switch phase {
        case .finished: return .infinity
        case .setup: return min(startSeconds + parameters.setupSeconds, nextTimerSeconds)
        case .precopy:
            if usesQemuLoop { return min(loopDecisionSeconds(), nextTimerSeconds) }
            if scanSecondsRemaining > 0 { return min(nowSeconds + scanSecondsRemaining, nextTimerSeconds) }
            let remaining = passWireBytes - passWireBytesSent
            let passEnd = remaining <= byteTolerance ? nowSeconds
                : nowSeconds + window.secondsToSend(remaining, from: nowSeconds, rate: usableRate)
            return min(passEnd, nextTimerSeconds)
        case .stopAndCopy, .postcopyBlackout, .postcopyActive, .acknowledging:
            let rate = transferRate
            if transferBytesRemaining > byteTolerance && rate <= 0 { return .infinity }
            let bytesTime = transferBytesRemaining > byteTolerance ? transferBytesRemaining / rate : 0
            return nowSeconds + bytesTime + max(0, transferFixedSecondsRemaining)
        }
    }

    public var nextDecisionNanoseconds: Int64 { EngineTime.nanoseconds(roundingUp: nextDecisionSeconds) }

    /// What a driver needs after each call: the phase and the next decision point.
    public struct Progress: Sendable, Equatable {
        public let phase: Phase
        /// Absolute nanoseconds of the next decision point; Int64.max when none is pending.
        /// With `isLowerBound`, only a time before which none can fall.
        public let nextDecisionNanoseconds: Int64
        public let bytesSent: Double
        /// `nextDecisionNanoseconds` is a lower bound (asked for with `allowingBound`): at that
        /// time, call `resolveReporting()` for the decision point itself.
        public var isLowerBound = false
    }

    /// `advance(toNanoseconds:)`, returning the phase and next decision point computed in the
    /// same mutating access (a driver holding the controller inside a class would otherwise
    /// copy it, with everything it references, to read them). With `allowingBound`, the next
    /// decision point may come back as a lower bound (`PrecopyController+QuietBound`).
    public mutating func advanceReporting(toNanoseconds t: Int64, allowingBound: Bool = false) -> Progress {
        advance(toNanoseconds: t)
        return reportNext(allowingBound: allowingBound)
    }

    /// `rateChanged(atNanoseconds:linkBytesPerSecond:)`, returning the phase and next decision
    /// point (or, with `allowingBound`, maybe a lower bound of it).
    public mutating func rateChangedReporting(atNanoseconds t: Int64, linkBytesPerSecond rate: Double,
                                              allowingBound: Bool = false) -> Progress {
        advance(toNanoseconds: t)
        setRate(rate)
        return reportNext(allowingBound: allowingBound)
    }

    /// The decision point itself after a `Progress` that was a lower bound: time does not move.
    public mutating func resolveReporting() -> Progress { reportNext(allowingBound: false) }

    /// Apply an external event (`hostFailed`, `linkFailed`, `linkRestored`, `cancel`) and
    /// return the phase and next decision point.
    public mutating func applyReporting(_ event: (inout PrecopyController) -> Void) -> Progress {
        event(&self)
        quietUntilSeconds = -.infinity
        return reportNext(allowingBound: false)
    }

    mutating func reportNext(allowingBound: Bool) -> Progress {
        if allowingBound {
            let next = decisionOrQuietBound()
            return Progress(phase: phase, nextDecisionNanoseconds: EngineTime.nanoseconds(roundingUp: next.seconds),
                            bytesSent: bytesSent, isLowerBound: next.isBound)
        }
        let next = EngineTime.nanoseconds(roundingUp: decisionSeconds())
        return Progress(phase: phase, nextDecisionNanoseconds: next, bytesSent: bytesSent)
    }

    /// Let time run to `t`, handling every decision point on the way.
    public mutating func advance(toSeconds t: Double) {
        lastDecisions.removeAll(keepingCapacity: true)
        advanceKeepingDecisions(to: t)
    }

    public mutating func advance(toNanoseconds t: Int64) { advance(toSeconds: EngineTime.seconds(nanoseconds: t)) }

    /// The network changed this flow's share at `t`: account the past at the old rate, switch,
    /// and return the new next decision time.
    @discardableResult
    public mutating func rateChanged(atSeconds t: Double, linkBytesPerSecond rate: Double) -> Double {
        advance(toSeconds: t)
        setRate(rate)
        return decisionSeconds()
    }

    /// Switch to a new share; a quiet bound found at the old one no longer holds.
    mutating func setRate(_ rate: Double) {
        linkBytesPerSecond = max(0, rate)
        quietUntilSeconds = -.infinity
    }

    @discardableResult
    public mutating func rateChanged(atNanoseconds t: Int64, linkBytesPerSecond rate: Double) -> Int64 {
        // The same value `nextDecisionNanoseconds` would give: nothing changes in between.
        let next = rateChanged(atSeconds: EngineTime.seconds(nanoseconds: t), linkBytesPerSecond: rate)
        return EngineTime.nanoseconds(roundingUp: next)
    }

    // MARK: - Internals
    //
    // The small getters below are always inlined: called without inlining from a mutating
    // method, a getter receives the controller by value, and Swift copied all of it (~1.3 KB)
    // per call on the rate-change path.

    @inline(__always) var pageBytes: Double { Double(parameters.pageSizeBytes) }
    @inline(__always) var memoryBytes: Double { Double(parameters.memoryBytes) }
    /// Half a byte, or what one step of the clock's floating-point resolution carries at the
    /// current rate if that is more: at large absolute times a remainder smaller than that
    /// could never be sent, and the controller would stall on it.
    @inline(__always) var byteTolerance: Double {
        let rate = linkBytesPerSecond.isFinite ? linkBytesPerSecond : 0
        return max(0.5, rate * timeTolerance)
    }

    /// The smallest time step the clock can still resolve here (a few ulps of `now`).
    @inline(__always) var timeTolerance: Double { max(1e-12, nowSeconds.ulp * 8) }
    @inline(__always) var usableRate: Double { parameters.streams.usableRate(linkBytesPerSecond: linkBytesPerSecond) }
    @inline(__always) var transferRate: Double {
        if postcopyPaused { return 0 }
        let r = usableRate
        if let cap = transferCapBytesPerSecond { return min(r, cap) }
        return r
    }
    @inline(__always) var runFraction: Double { guestStopped ? 0 : (autoConverge?.runFraction ?? 1) }

    @inline(__always) var nextTimerSeconds: Double {
        guard phase == .setup || phase == .precopy else { return .infinity }
        // Fields read one by one: `let m = parameters.management` copied the policy (and
        // retained its arrays) on every call.
        var t = Double.infinity
        if nextDowntimeStep < parameters.management.downtimeSteps.count {
            t = min(t, startSeconds + parameters.management.downtimeSteps[nextDowntimeStep].afterSeconds)
        }
        if let c = parameters.management.completionTimeoutSeconds, !timeoutFired { t = min(t, startSeconds + c) }
        if let p = parameters.management.progressTimeoutSeconds { t = min(t, lastProgressSeconds + p) }
        return t
    }

    mutating func emit(_ d: MigrationDecision) { lastDecisions.append(d) }

    mutating func advanceKeepingDecisions(to t: Double) {
        // Before the quiet bound, at the rate it was found for, the loop below would find the
        // next decision point after `t` and only progress: skip its look-ahead.
        if t < quietUntilSeconds && phase == .precopy && usableRate == quietRate {
            progress(to: t)
            return
        }
        var guardCount = 0
        while phase != .finished {
            let next = decisionSeconds()
            if next <= t {
                progress(to: next)
                handleDecisionPoint()
                guardCount += 1
                precondition(guardCount < 50_000_000, "migration controller made no progress")
            } else {
                progress(to: t)
                break
            }
        }
    }

    /// Let time pass without crossing a decision point.
    mutating func progress(to t: Double) {
        var dt = t - nowSeconds
        guard dt > 0 else {
            if phase == .precopy && usesQemuLoop { adoptDueLoopCheck(at: t) }
            return
        }
        switch phase {
        case .finished: return
        case .setup: break
        case .precopy:
            guest.advance(seconds: dt, runFraction: runFraction)
            if usesQemuLoop { progressQemuLoop(to: t); break }
            var cursor = nowSeconds
            if scanSecondsRemaining > 0 {
                let s = min(dt, scanSecondsRemaining)
                scanSecondsRemaining -= s
                if scanSecondsRemaining < 1e-12 { scanSecondsRemaining = 0 }
                _ = window.advance(from: cursor, seconds: s, rate: usableRate, sending: false)
                cursor += s; dt -= s
            }
            if dt > 0 {
                let sent = window.advance(from: cursor, seconds: dt, rate: usableRate)
                let counted = min(sent, passWireBytes - passWireBytesSent)
                passWireBytesSent += counted
                bytesSent += counted
            }
        case .stopAndCopy, .postcopyBlackout, .postcopyActive, .acknowledging:
            let rate = transferRate
            if transferBytesRemaining > 0 {
                let bytesTime = rate > 0 ? transferBytesRemaining / rate : .infinity
                if dt < bytesTime {
                    let b = rate * dt
                    transferBytesRemaining -= b; bytesSent += b; dt = 0
                } else {
                    bytesSent += transferBytesRemaining; transferBytesRemaining = 0; dt -= bytesTime
                }
            }
            if dt > 0 && !postcopyPaused { transferFixedSecondsRemaining -= dt }
        }
        nowSeconds = t
    }

    mutating func handleDecisionPoint() {
        quietUntilSeconds = -.infinity   // a sync, a timer or a phase change: the bound is spent
        switch phase {
        case .finished: return
        case .setup:
            handleTimers()
            if phase == .setup && nowSeconds >= startSeconds + parameters.setupSeconds { beginPrecopy() }
        case .precopy:
            handleTimers()
            guard phase == .precopy else { return }
            if usesQemuLoop { handleLoopCheck(); return }
            if scanSecondsRemaining <= timeTolerance && passWireBytes - passWireBytesSent <= byteTolerance {
                scanSecondsRemaining = 0
                endPass()
            }
        case .stopAndCopy, .postcopyBlackout, .postcopyActive, .acknowledging:
            guard transferBytesRemaining <= byteTolerance && transferFixedSecondsRemaining <= timeTolerance else { return }
            transferFixedSecondsRemaining = 0
            bytesSent += max(0, transferBytesRemaining); transferBytesRemaining = 0
            switch phase {
            case .stopAndCopy:
                downtimeSeconds = nowSeconds - stopStartSeconds
                if usesSimGridRounds { beginSimGridAcknowledgement(); return }
                finish(.completed, stopReason)
            case .acknowledging: finish(.completed, stopReason)
            case .postcopyBlackout: beginPostcopyActive()
            default: endPostcopy()
            }
        }
    }
}
