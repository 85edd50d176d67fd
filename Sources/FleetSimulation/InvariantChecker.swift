import FleetModel
import SimKernel

/// Checks, from the fact stream alone, what must hold in every run:
/// - no instance is lost or duplicated: each is on exactly one host at every instant, moves
///   only from where it is, and ends in exactly one final state;
/// - no host is above capacity, counting reservations for moves in flight;
/// - every downtime reported by an attempt equals the time between the instance stopping and
///   resuming, and time never runs backwards.
/// It keeps its own books rather than trusting the model's, so a bookkeeping bug in the
/// model shows up as a violation here.
public final class InvariantChecker: FactObserver {
    public private(set) var violations: [String] = []
    private let fleet: Fleet
    private var hostOf: [HostID]
    private var committed: [Resources]
    private var reservation: [HostID?]
    private var stoppedSince: [SimTime?]
    private var resolutions: [Int]
    private var finalStates: [FinalState?]
    private var lastTime = SimTime.zero
    private var ended = false

    public init(fleet: Fleet) {
        self.fleet = fleet
        hostOf = fleet.instances.map(\.initialHost)
        committed = Array(repeating: .zero, count: fleet.hosts.count)
        for instance in fleet.instances { committed[instance.initialHost.int] += instance.demand }
        reservation = Array(repeating: nil, count: fleet.instances.count)
        stoppedSince = Array(repeating: nil, count: fleet.instances.count)
        resolutions = Array(repeating: 0, count: fleet.instances.count)
        finalStates = Array(repeating: nil, count: fleet.instances.count)
        for h in fleet.hosts where !committed[h.id.int].fits(in: h.capacity) {
            fail("initial placement puts \(committed[h.id.int]) on \(h.name), capacity \(h.capacity)")
        }
    }

    public var firstViolation: String? { violations.first }

    private func fail(_ message: String) {
        if violations.count < 100 { violations.append(message) }
    }

    private func name(_ i: InstanceID) -> String { fleet[i].name }

    private func at(_ t: SimTime) {
        if t < lastTime { fail("time ran backwards: \(t) after \(lastTime)") }
        lastTime = t
    }

    public func observe(_ fact: Fact) {
        switch fact {
        case .reserved(let i, let target, let t):
            at(t)
            if reservation[i.int] != nil { fail("\(name(i)) reserved twice at \(t)") }
            if target == hostOf[i.int] { fail("\(name(i)) reserved on its own host at \(t)") }
            reservation[i.int] = target
            committed[target.int] += fleet[i].demand
            if !committed[target.int].fits(in: fleet[target].capacity) {
                fail("\(fleet[target].name) above capacity at \(t): \(committed[target.int]) > \(fleet[target].capacity)")
            }
        case .moved(let i, let from, let to, let t):
            at(t)
            if hostOf[i.int] != from { fail("\(name(i)) moved from \(fleet[from].name) but was on \(fleet[hostOf[i.int]].name) at \(t)") }
            if reservation[i.int] != to { fail("\(name(i)) moved to \(fleet[to].name) without a reservation there at \(t)") }
            committed[from.int] -= fleet[i].demand
            hostOf[i.int] = to
            reservation[i.int] = nil
        case .instanceStopped(let i, let t):
            at(t)
            if stoppedSince[i.int] != nil { fail("\(name(i)) stopped twice at \(t)") }
            stoppedSince[i.int] = t
        case .instanceResumed(let i, let t):
            at(t)
            if stoppedSince[i.int] == nil { fail("\(name(i)) resumed without having stopped at \(t)") }
        case .attemptEnded(let i, _, _, _, _, let downtime, let t):
            at(t)
            if let since = stoppedSince[i.int] {
                if t - since != downtime { fail("\(name(i)) reported downtime \(downtime), but was down \(t - since)") }
            } else if downtime != .zero {
                fail("\(name(i)) reported downtime \(downtime) without stopping")
            }
            stoppedSince[i.int] = nil
        case .instanceResolved(let i, let state, _, let t):
            at(t)
            resolutions[i.int] += 1
            finalStates[i.int] = state
        case .campaignEnded(let t):
            at(t)
            ended = true
        case .campaignStarted(let t), .hostDrainStarted(_, let t), .hostDrained(_, let t), .hostReturned(_, let t),
             .moveQueued(_, let t), .waitingForCapacity(_, let t), .attemptStarted(_, _, _, _, _, let t):
            at(t)
        }
    }

    /// Checks that need the whole run; call after the run's last fact.
    public func finish() {
        for instance in fleet.instances where resolutions[instance.id.int] != 1 {
            fail("\(instance.name) has \(resolutions[instance.id.int]) final states, expected exactly 1")
        }
        // Only an instance cut off mid-move by the horizon may still hold a reservation.
        for instance in fleet.instances where reservation[instance.id.int] != nil
            && finalStates[instance.id.int] != .unresolved {
            fail("\(instance.name) ends the run \(finalStates[instance.id.int]?.rawValue ?? "unresolved") with a dangling reservation")
        }
    }
}
