import MigrationEngine
import FleetModel
import SimKernel

/// A live migration in progress: its controller, its flow, its pending event. The
/// controller's clock starts at 0 when the migration starts (relative seconds keep the
/// engine's floating-point arithmetic exact to the nanosecond however late in a
/// campaign it runs). A class: the model touches it on every event of the migration, and
/// a struct would be copied (with a retain of everything the controller holds) each time.
final class LiveMigration {
    var controller: PrecopyController
    let flow: FlowID
    let path: [LinkID]
    let start: SimTime
    var event: EventHandle?
    /// When `event` fires (absolute ns).
    var eventTime: Int64?
    /// The controller's phase as the model last acted on it.
    var lastPhase: PrecopyController.Phase
    /// The controller's phase and next decision point (relative ns) after the last call,
    /// cached so the model never reads through the controller (which would copy it).
    var phase: PrecopyController.Phase
    var nextDecisionNanoseconds: Int64
    /// `nextDecisionNanoseconds` is only a time before which nothing is due (the controller's
    /// quiet bound): at it, `resolveNextDecision` finds the decision point itself.
    var nextIsBound = false
    var bytesSent: Double = 0
    /// Injected fault: abort once this many bytes are sent, for this reason.
    var abortAtBytes: Double?
    var abortReason = MigrationAbortCause.internalError
    /// The abort point lies inside the first pass (the per-attempt internal error), so it
    /// strikes before any switchover.
    var abortWithinFirstPass = false
    /// The reason to report instead of the engine's (an injected abort).
    var overrideReason: MigrationAbortCause?
    /// The model has published this attempt's switchover (`Fact.switchover`).
    var switchedOver = false
    /// The flow has no bandwidth since this time (a cut link).
    var stalledSince: SimTime?

    /// The controller is consumed and read in place once stored: reading the argument after
    /// storing it copied the whole controller (~1.3 KB) per migration.
    init(controller: consuming PrecopyController, flow: FlowID, path: [LinkID], start: SimTime) {
        self.controller = controller
        self.flow = flow
        self.path = path
        self.start = start
        self.event = nil
        self.eventTime = nil
        self.lastPhase = .setup
        self.phase = .setup
        self.nextDecisionNanoseconds = 0
        take(self.controller.resolveReporting())
        lastPhase = phase
    }

    func take(_ progress: PrecopyController.Progress) {
        phase = progress.phase
        nextDecisionNanoseconds = progress.nextDecisionNanoseconds
        nextIsBound = progress.isLowerBound
        bytesSent = progress.bytesSent
    }

    /// The decision point behind a quiet bound (no time passes).
    func resolveNextDecision() { take(controller.resolveReporting()) }

    /// Let the controller run to `t` (relative ns), aborting at an injected abort point
    /// on the way (`advanceAbortingAtInjectedPoint`).
    func advance(toNanoseconds t: Int64) {
        if abortAtBytes != nil { advanceAbortingAtInjectedPoint(toNanoseconds: t) } else { advanceController(toNanoseconds: t) }
    }

    /// The model asks for quiet bounds: a migration whose rate changes again before its bound
    /// never runs the look-ahead to its next sync (PrecopyController+QuietBound).
    func advanceController(toNanoseconds t: Int64) {
        take(controller.advanceReporting(toNanoseconds: t, allowingBound: true))
    }

    func rateChanged(atNanoseconds t: Int64, linkBytesPerSecond rate: Double) {
        // Catch up first, so a rate change never carries the controller past an abort point.
        if abortAtBytes != nil {
            advance(toNanoseconds: t)
            if phase == .finished { return }
        }
        take(controller.rateChangedReporting(atNanoseconds: t, linkBytesPerSecond: rate, allowingBound: true))
    }

    /// An external event on the controller (host or link failure, cancel).
    func apply(_ event: (inout PrecopyController) -> Void) { take(controller.applyReporting(event)) }
}
