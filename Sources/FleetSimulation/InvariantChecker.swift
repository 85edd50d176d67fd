import FleetModel
import SimKernel

/// Checks, from the fact stream alone, what must hold in every run:
/// - no instance is lost from the books or duplicated: each is on exactly one host at every
///   instant, moves only from where it is, and ends in exactly one final state;
/// - no host is above capacity, counting reservations for moves in flight;
/// - every second of downtime has exactly one cause: stops never overlap, every resume
///   closes a stop, and the downtime an attempt reports equals the time the instance spent
///   stopped during it; time never runs backwards;
/// - bytes are conserved on the network: every link carried exactly what the flows crossing
///   it sent (once per crossing), and no migration sent more than its flow was given;
/// - the engine's decisions are consistent (`EngineBooks`): one switchover per completed
///   live attempt, passes inside their attempt and within the bytes it sent.
/// It keeps its own books rather than trusting the model's, so a bookkeeping bug in the
/// model shows up as a violation here.
public final class InvariantChecker: FactObserver {
    public private(set) var violations: [String] = []
    private let fleet: Fleet
    private var hostOf: [HostID]
    private var committed: [Resources]
    private var reservation: [HostID?]
    private var stoppedSince: [SimTime?]
    private var attemptStart: [SimTime?]
    private var stoppedInAttempt: [SimTime]
    private var linkBytes: [Double] = []
    private var resolutions: [Int]
    private var finalStates: [FinalState?]
    private var lastTime = SimTime.zero
    private var engine: EngineBooks

    public init(fleet: Fleet) {
        self.fleet = fleet
        let n = fleet.instances.count
        hostOf = fleet.instances.map(\.initialHost)
        committed = Array(repeating: .zero, count: fleet.hosts.count)
        for instance in fleet.instances { committed[instance.initialHost.int] += instance.demand }
        reservation = Array(repeating: nil, count: n)
        stoppedSince = Array(repeating: nil, count: n)
        attemptStart = Array(repeating: nil, count: n)
        stoppedInAttempt = Array(repeating: .zero, count: n)
        resolutions = Array(repeating: 0, count: n)
        finalStates = Array(repeating: nil, count: n)
        engine = EngineBooks(instanceCount: n)
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

    /// Stopped time of `i` inside its current attempt, up to `t`.
    private func stoppedDuringAttempt(_ i: InstanceID, until t: SimTime) -> SimTime {
        guard let start = attemptStart[i.int] else { return .zero }
        var total = stoppedInAttempt[i.int]
        if let since = stoppedSince[i.int] { total += t - max(since, start) }
        return total
    }

    public func observe(_ fact: Fact) {
        switch fact {
        case .reserved(let i, let target, let t):
            at(t); reserve(i, on: target, at: t)
        case .reservationCancelled(let i, let target, let t):
            at(t); cancelReservation(i, on: target, at: t)
        case .moved(let i, let from, let to, let t):
            at(t); move(i, from: from, to: to, at: t)
        case .attemptStarted(let i, _, _, let source, let target, let t):
            at(t); startAttempt(i, from: source, to: target, at: t)
            engine.attemptStarted(i)
        case .instanceStopped(let i, _, let t):
            at(t); stop(i, at: t)
        case .instanceResumed(let i, let t):
            at(t); resume(i, at: t)
        case .attemptEnded(let i, _, let action, let outcome, _, let downtime, let parts, let bytes, let t):
            at(t); endAttempt(i, downtime: downtime, parts: parts, at: t)
            engine.attemptEnded(i, name: name(i), action: action, outcome: outcome, bytes: bytes, at: t, fail: fail)
        case .switchover(let i, _, _, let t):
            at(t)
            if attemptStart[i.int] == nil { fail("\(name(i)) switched over outside an attempt at \(t)") }
            engine.switchover(i, name: name(i), at: t, fail: fail)
        case .livePasses(let i, _, let start, let passes, _, _, let t):
            at(t); engine.passes(i, name: name(i), attemptStart: attemptStart[i.int], start: start, passes: passes, at: t, fail: fail)
        case .flowEnded(let i, let path, let networkBytes, let engineBytes, let t):
            at(t); endFlow(i, path: path, networkBytes: networkBytes, engineBytes: engineBytes)
        case .networkTotals(let links, let t):
            at(t); checkLinkTotals(links)
        case .instanceResolved(let i, let state, _, _, let t):
            at(t)
            resolutions[i.int] += 1
            finalStates[i.int] = state
        case .campaignStarted(let t), .campaignEnded(let t), .waveStarted(_, let t), .hostDrainStarted(_, let t), .hostDrained(_, let t),
             .hostReturned(_, let t), .moveQueued(_, let t), .waitingForCapacity(_, let t), .linkSample(let t, _),
             .planned(_, _, _, _, let t), .noticeSent(_, _, _, _, _, _, let t), .dataLost(_, let t),
             .identifiersChanged(_, _, let t), .hostFailed(_, _, let t), .hostRepaired(_, let t),
             .linkCapacityChanged(_, _, let t):
            at(t)
        }
    }

    // MARK: - Placement books: one host per instance, capacity with reservations

    private func reserve(_ i: InstanceID, on target: HostID, at t: SimTime) {
        if reservation[i.int] != nil { fail("\(name(i)) reserved twice at \(t)") }
        if target == hostOf[i.int] { fail("\(name(i)) reserved on its own host at \(t)") }
        reservation[i.int] = target
        committed[target.int] += fleet[i].demand
        if !committed[target.int].fits(in: fleet[target].capacity) {
            fail("\(fleet[target].name) above capacity at \(t): \(committed[target.int]) > \(fleet[target].capacity)")
        }
    }

    private func cancelReservation(_ i: InstanceID, on target: HostID, at t: SimTime) {
        if reservation[i.int] != target { fail("\(name(i)) cancelled a reservation on \(fleet[target].name) it does not hold at \(t)") }
        committed[target.int] -= fleet[i].demand
        reservation[i.int] = nil
    }

    private func move(_ i: InstanceID, from: HostID, to: HostID, at t: SimTime) {
        if hostOf[i.int] != from { fail("\(name(i)) moved from \(fleet[from].name) but was on \(fleet[hostOf[i.int]].name) at \(t)") }
        if reservation[i.int] != to { fail("\(name(i)) moved to \(fleet[to].name) without a reservation there at \(t)") }
        committed[from.int] -= fleet[i].demand
        hostOf[i.int] = to
        reservation[i.int] = nil
    }

    private func startAttempt(_ i: InstanceID, from source: HostID, to target: HostID, at t: SimTime) {
        // Stopping in place (and an attempt that fails before choosing a target) names the
        // source as target and reserves nothing.
        if target != source && reservation[i.int] != target {
            fail("\(name(i)) started an attempt to \(fleet[target].name) without a reservation there")
        }
        if source != hostOf[i.int] { fail("\(name(i)) started an attempt from \(fleet[source].name) but is on \(fleet[hostOf[i.int]].name)") }
        attemptStart[i.int] = t
        stoppedInAttempt[i.int] = .zero
    }

    // MARK: - Downtime: one cause per second, attempts report what they stopped

    private func stop(_ i: InstanceID, at t: SimTime) {
        if stoppedSince[i.int] != nil { fail("\(name(i)) stopped twice at \(t): a second of downtime with two causes") }
        stoppedSince[i.int] = t
    }

    private func resume(_ i: InstanceID, at t: SimTime) {
        if let since = stoppedSince[i.int] {
            if let start = attemptStart[i.int] { stoppedInAttempt[i.int] += t - max(since, start) }
        } else {
            fail("\(name(i)) resumed without having stopped at \(t)")
        }
        stoppedSince[i.int] = nil
    }

    private func endAttempt(_ i: InstanceID, downtime: SimTime, parts: DowntimeBreakdown, at t: SimTime) {
        let stopped = stoppedDuringAttempt(i, until: t)
        if stopped != downtime {
            fail("\(name(i)) reported downtime \(downtime) for an attempt, but was stopped for \(stopped) during it")
        } else if parts.total != downtime {
            fail("\(name(i)) reported downtime \(downtime) for an attempt, but its parts sum to \(parts.total)")
        }
        attemptStart[i.int] = nil
        stoppedInAttempt[i.int] = .zero
    }

    // MARK: - Network: bytes conserved per link

    private func endFlow(_ i: InstanceID, path: [LinkID], networkBytes: Double, engineBytes: Double) {
        if engineBytes > networkBytes * (1 + 1e-9) + 1 {
            fail("\(name(i)) sent \(engineBytes) bytes, more than the \(networkBytes) its flow carried")
        }
        for link in path {
            while linkBytes.count <= link.index { linkBytes.append(0) }
            linkBytes[link.index] += networkBytes
        }
    }

    private func checkLinkTotals(_ links: [LinkTotal]) {
        for total in links {
            let expected = total.link.index < linkBytes.count ? linkBytes[total.link.index] : 0
            if abs(total.bytesCarried - expected) > 1e-9 * max(expected, 1) + 1 {
                fail("link \(total.name) carried \(total.bytesCarried) bytes, its flows sent \(expected)")
            }
        }
    }

    /// Checks that need the whole run; call after the run's last fact.
    public func finish() {
        for instance in fleet.instances where resolutions[instance.id.int] != 1 {
            fail("\(instance.name) has \(resolutions[instance.id.int]) final states, expected exactly 1")
        }
        // Only an instance cut off mid-move by the horizon may still hold a reservation.
        for instance in fleet.instances where reservation[instance.id.int] != nil
            && finalStates[instance.id.int] != .unresolved && finalStates[instance.id.int] != .moved {
            fail("\(instance.name) ends the run \(finalStates[instance.id.int]?.rawValue ?? "unresolved") with a dangling reservation")
        }
    }
}
