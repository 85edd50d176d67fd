/// Runs one migration to its end against a `WireSchedule` (a fixed-rate wire or rate steps),
/// synchronously, the way the simulator would drive the controller event by event.
public enum MigrationRun {
    /// - Parameter horizonSeconds: stop at this elapsed time and report `running` if the attempt
    ///   has not ended; nil = run until it ends (a migration that can never converge under the
    ///   `qemu` preset needs a horizon).
    /// - Parameter events: optional external events (failures, cancel) at elapsed times.
    /// - Parameter maxSteps: stop after this many steps (decisions, rate changes, events) and
    ///   report `running` with reason `workLimit`: the bound on work that a horizon of years
    ///   does not give. Kept here, outside the controller, so the controller's loop stays its own.
    public static func run(parameters: MigrationParameters, guest: DirtyModel, wire: WireSchedule,
                           horizonSeconds: Double? = nil, events: [ExternalEvent] = []) -> MigrationOutcome {
        run(parameters: parameters, guest: guest, wire: wire, horizonSeconds: horizonSeconds, events: events, maxSteps: .max)
    }

    public static func run(parameters: MigrationParameters, guest: DirtyModel, wire: WireSchedule,
                           horizonSeconds: Double?, events: [ExternalEvent], maxSteps: Int) -> MigrationOutcome {
        var c = PrecopyController(parameters: parameters, guest: guest, startSeconds: 0,
                                  linkBytesPerSecond: wire.steps[0].atSeconds <= 0 ? wire.steps[0].bytesPerSecond : 0)
        var nextStep = wire.steps[0].atSeconds <= 0 ? 1 : 0
        let sortedEvents = events.sorted { $0.atSeconds < $1.atSeconds }
        var nextEvent = 0
        let horizon = horizonSeconds ?? .infinity
        var steps = 0
        while !c.isFinished {
            steps += 1
            if steps > maxSteps {
                var o = c.runningOutcome()
                o.reason = .workLimit
                return o
            }
            let stepTime = nextStep < wire.steps.count ? wire.steps[nextStep].atSeconds : .infinity
            let eventTime = nextEvent < sortedEvents.count ? sortedEvents[nextEvent].atSeconds : .infinity
            let decision = c.decisionSeconds()
            let t = min(decision, stepTime, eventTime, horizon)
            if !t.isFinite { break }  // no bandwidth, nothing scheduled: stuck forever
            if t == horizon && horizon < min(decision, stepTime, eventTime) {
                c.advance(toSeconds: horizon)
                break
            }
            if t == stepTime {
                c.rateChanged(atSeconds: t, linkBytesPerSecond: wire.steps[nextStep].bytesPerSecond)
                nextStep += 1
            } else if t == eventTime {
                let e = sortedEvents[nextEvent]
                nextEvent += 1
                switch e.kind {
                case .hostFailure(let side): c.hostFailed(side, atSeconds: t)
                case .linkFailure: c.linkFailed(atSeconds: t)
                case .linkRestored: c.linkRestored(atSeconds: t)
                case .cancel: c.cancel(atSeconds: t)
                case .forceComplete: c.forceComplete(atSeconds: t)
                }
            } else {
                c.advance(toSeconds: t)
            }
        }
        return c.outcome ?? c.runningOutcome()
    }

    public struct ExternalEvent: Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            case hostFailure(HostSide), linkFailure, linkRestored, cancel, forceComplete
        }
        public var atSeconds: Double
        public var kind: Kind
        public init(atSeconds: Double, kind: Kind) {
            self.atSeconds = atSeconds
            self.kind = kind
        }
    }
}
