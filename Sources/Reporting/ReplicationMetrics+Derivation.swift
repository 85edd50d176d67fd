import FleetModel
import FleetSimulation
import SimKernel

/// The numbers of `ReplicationMetrics` that take more than one line to derive from the
/// recorder.
extension ReplicationMetrics {
    /// Until the last campaign host was empty; nil unless every host whose drain started
    /// finished it.
    static func drainMakespanSeconds(_ recorder: RunRecorder, campaignStart: SimTime) -> Double? {
        let drainEnds = recorder.hosts.compactMap(\.drainEnd)
        let drainStarts = recorder.hosts.compactMap(\.drainStart)
        guard drainEnds.count == drainStarts.count, let last = drainEnds.max() else { return nil }
        return (last - campaignStart).seconds
    }

    /// Instances per final state, in `FinalState.allCases` order, among the campaign's
    /// instances (`inCampaign`) or among the bystanders.
    static func finalStateCounts(_ recorder: RunRecorder, inCampaign: Bool) -> [(state: FinalState, count: Int)] {
        var counts = Dictionary(uniqueKeysWithValues: FinalState.allCases.map { ($0, 0) })
        for (k, state) in recorder.finalState.enumerated() where recorder.inCampaign[k] == inCampaign {
            guard let state else { continue }
            counts[state, default: 0] += 1
        }
        return FinalState.allCases.map { ($0, counts[$0] ?? 0) }
    }

    /// Campaign instances per (final state, final reason), sorted by state name then reason.
    static func finalReasons(_ recorder: RunRecorder) -> [(state: FinalState, reason: String, count: Int)] {
        var finals: [String: (FinalState, String, Int)] = [:]
        for (k, state) in recorder.finalState.enumerated() {
            guard let state, recorder.inCampaign[k] else { continue }
            // Unit separator: cannot occur in a state name or a reason, so keys sort by state first.
            let key = state.rawValue + "\u{1F}" + recorder.finalReason[k]
            finals[key, default: (state, recorder.finalReason[k], 0)].2 += 1
        }
        return finals.keys.sorted().map { finals[$0]! }.map { ($0.0, $0.1, $0.2) }
    }

    /// From the first notice to the end of the last move, for notified instances that moved.
    static func noticeToResolutionSeconds(_ recorder: RunRecorder) -> [Double] {
        recorder.fleet.instances.indices.compactMap { k in
            guard let notice = recorder.noticeAt[k], let end = recorder.lastMoveEnd[k], end >= notice,
                  recorder.finalState[k] == .moved else { return nil }
            return (end - notice).seconds
        }
    }

    /// Per action, in `MoveAction.allCases` order: attempts, completed, aborted.
    /// Counted in one pass: filtering copies of the records (about 280 bytes each) were the
    /// largest allocation of a large run, 115 MB for large-fleet's 164,793 attempts at the end
    /// of the run (valgrind massif, docs/performance.md "Memory").
    static func attemptsByAction(_ attempts: [AttemptRecord]) -> [(action: MoveAction, attempts: Int, completed: Int, aborted: Int)] {
        let actions = MoveAction.allCases
        var counts = Array(repeating: (attempts: 0, completed: 0, aborted: 0), count: actions.count)
        for a in attempts {
            guard let k = actions.firstIndex(of: a.action) else { continue }
            counts[k].attempts += 1
            if a.outcome == .completed { counts[k].completed += 1 }
            if a.outcome == .aborted { counts[k].aborted += 1 }
        }
        return actions.indices.map { (actions[$0], counts[$0].attempts, counts[$0].completed, counts[$0].aborted) }
    }

    /// Per instance: the action of its last completed attempt, and whether a live attempt
    /// of it was aborted.
    struct MoveHistory {
        let finalState: [FinalState?]
        var lastCompleted: [MoveAction?]
        var hadLiveFailure: [Bool]

        init(_ recorder: RunRecorder) {
            finalState = recorder.finalState
            lastCompleted = Array(repeating: nil, count: recorder.fleet.instances.count)
            hadLiveFailure = Array(repeating: false, count: recorder.fleet.instances.count)
            for a in recorder.attempts {
                if a.outcome == .completed { lastCompleted[a.instance.int] = a.action }
                if a.outcome == .aborted && a.action == .live { hadLiveFailure[a.instance.int] = true }
            }
        }

        /// Moved instances whose last completed move was `action`.
        func movedCount(lastBy action: MoveAction) -> Int {
            finalState.indices.filter { finalState[$0] == .moved && lastCompleted[$0] == action }.count
        }

        /// Instances moved by reboot after at least one failed live attempt.
        var fellBackToRebootCount: Int {
            finalState.indices.filter { hadLiveFailure[$0] && lastCompleted[$0] == .reboot && finalState[$0] == .moved }.count
        }
    }
}
