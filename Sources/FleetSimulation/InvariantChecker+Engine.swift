import FleetModel
import MigrationEngine
import SimKernel

/// The invariant checker's books on the engine's facts (`switchover`, `livePasses`):
/// - a live attempt switches over at most once, and a completed one exactly once (every
///   completion goes through stop-and-copy or post-copy's blackout);
/// - its passes lie inside the attempt, in order, with a throttle QEMU can set (0-99 %,
///   `max-cpu-throttle`'s range, migration/options.c), and carry no more bytes than the
///   attempt reports sent (bytes conserved from passes to attempt).
struct EngineBooks {
    /// Switchovers of the instance's open attempt.
    private var switchovers: [Int]
    /// Bytes of the open attempt's passes (nil: no `livePasses` yet).
    private var passBytes: [Double?]

    init(instanceCount n: Int) {
        switchovers = Array(repeating: 0, count: n)
        passBytes = Array(repeating: nil, count: n)
    }

    /// A new attempt of `i` opens: its books start empty.
    mutating func attemptStarted(_ i: InstanceID) {
        switchovers[i.int] = 0
        passBytes[i.int] = nil
    }

    mutating func switchover(_ i: InstanceID, name: String, at t: SimTime, fail: (String) -> Void) {
        switchovers[i.int] += 1
        if switchovers[i.int] > 1 { fail("\(name) switched over twice in one attempt at \(t)") }
    }

    mutating func passes(_ i: InstanceID, name: String, attemptStart: SimTime?, start: SimTime, passes: [PassRecord],
                         at t: SimTime, fail: (String) -> Void) {
        if let opened = attemptStart, start < opened { fail("\(name)'s migration started at \(start), before its attempt (\(opened))") }
        // The engine's clock is in seconds from `start`; a nanosecond of slack for rounding.
        let endSeconds = (t - start).seconds + 1e-9
        var previousStart = 0.0
        for pass in passes {
            if pass.startSeconds < previousStart - 1e-12 || pass.durationSeconds < 0 || pass.startSeconds + pass.durationSeconds > endSeconds {
                fail("\(name)'s pass \(pass.index) (start \(pass.startSeconds) s, \(pass.durationSeconds) s) lies outside its attempt (\(endSeconds) s) or out of order")
            }
            if !(0...99).contains(pass.throttlePercent) { fail("\(name)'s pass \(pass.index) ran at throttle \(pass.throttlePercent) %") }
            previousStart = pass.startSeconds
        }
        passBytes[i.int] = passes.reduce(0) { $0 + $1.bytesSent }
    }

    /// The attempt ended: a completed live attempt switched over once, and sent at least
    /// what its passes carried.
    mutating func attemptEnded(_ i: InstanceID, name: String, action: MoveAction, outcome: AttemptOutcome, bytes: Double,
                               at t: SimTime, fail: (String) -> Void) {
        if action == .live && outcome == .completed && switchovers[i.int] != 1 {
            fail("\(name)'s live attempt completed at \(t) after \(switchovers[i.int]) switchovers, expected exactly 1")
        }
        if let sent = passBytes[i.int], sent > bytes * (1 + 1e-9) + 1 {
            fail("\(name)'s passes carried \(sent) bytes, more than the \(bytes) its attempt sent")
        }
        attemptStarted(i)
    }
}
