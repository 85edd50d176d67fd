import SimKernel

/// Where an instance stands in the campaign: one value per instance. It replaces five flag
/// arrays (pending, waiting, awaiting notice, stopped in place, down awaiting repair) whose
/// combinations formed a hidden state machine; the combinations that never occurred are now
/// unrepresentable.
///
/// Whether a move is in progress is `moves[i] != nil` (the move is the payload): a campaign
/// move runs in `.planned`, a return move and a restart after a crash in `.idle`.
///
///     idle ──startPlan──▶ planned ──no target, wait──▶ waitingForCapacity ──started──▶ planned
///                           │  ▲                                       │
///                 notice sent  stepDue                    resolved (moved, skipped) ──▶ idle
///                           ▼  │
///                      awaitingNotice ──manual deadline──▶ stoppedInPlace ──host back──▶ idle
///     any ──host failure──▶ idle (restarted elsewhere) or downAwaitingRepair ──repair──▶ idle
enum InstanceStatus: Equatable, Sendable {
    /// Not in the campaign's hands: never planned, or its campaign business is done.
    case idle
    /// Planned: in its host's queue, being dispatched, or mid-move.
    case planned
    /// Planned, no target had room: in `waiting`, tried again when capacity frees up.
    case waitingForCapacity
    /// Planned, a reboot or manual-migration notice sent: the move starts at `.stepDue`, or a
    /// `.manualDeadline` stops it in place.
    case awaitingNotice
    /// Stopped on its host (by the policy, for want of a target, or at a passed deadline)
    /// since `since`, until the host returns from maintenance or the run ends.
    case stoppedInPlace(since: SimTime)
    /// Down after its host failed (local storage, or no room elsewhere), until the repair.
    case downAwaitingRepair

    /// Still to be dealt with by the campaign: planned, waiting or awaiting a notice.
    var isPending: Bool {
        switch self {
        case .planned, .waitingForCapacity, .awaitingNotice: return true
        case .idle, .stoppedInPlace, .downAwaitingRepair: return false
        }
    }

    var isStoppedInPlace: Bool {
        if case .stoppedInPlace = self { return true }
        return false
    }

    var isDownAwaitingRepair: Bool { self == .downAwaitingRepair }
}
