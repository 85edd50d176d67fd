/// QEMU's migration thread between two syncs, as a small clock over a read-only migration
/// bitmap (`ScanMemory`): send steps, rate-limit sleeps, 100 ms windows and the pending check.
///
/// The rules (QEMU 7.2 and current, migration/migration.c and migration/ram.c):
/// - The thread loops (migration_thread): check pending against the threshold
///   (migration_iteration_run with ram_save_pending at 7.2, qemu_savevm_state_pending_estimate
///   / _exact since 8.0), then one send step (qemu_savevm_state_iterate -> ram_save_iterate),
///   then migration_rate_limit.
/// - A send step (ram_save_iterate) sends dirty pages in address order until the window's
///   quota is spent (qemu_file_rate_limit), 50 ms have passed (MAX_WAIT, checked every 64
///   pages) or nothing dirty is left (ram_find_and_save_block found no page).
/// - The quota is max-bandwidth / XFER_LIMIT_RATIO (10) per BUFFER_DELAY (100 ms) window; a
///   thread over quota sleeps to the end of the window (migration_rate_limit).
/// - A window closes only at a loop boundary at least 100 ms after it opened
///   (migration_update_counters): then `threshold = bytes of the window / its duration x
///   downtime-limit`, and a new window opens. The threshold is 0 until the first one closes.
/// - The check syncs when `remaining < threshold` (remaining = pages still set in the bitmap x
///   page size: an unscanned page counts 4 KiB whatever it holds); the controller does the sync
///   and the completion test (see `PrecopyController+QemuLoop`).
///
/// The clock never mutates the bitmap: it walks it read-only, so the controller can look ahead
/// to the next sync with a copy of this small value, and commit what was sent afterwards.
public struct QemuThreadLoop: Sendable, Equatable {
    public static let sendStepSeconds = 0.05  // ram.c MAX_WAIT

    public var now: Double
    var windowStart: Double
    var windowBytes: Double = 0
    public private(set) var thresholdBytes: Double = 0
    /// Throughput of the last closed window; nil until one closes.
    public private(set) var windowBandwidth: Double? = nil
    var stepStart: Double
    var sleeping = false
    /// At a loop boundary whose check asks for a sync (or, at 7.2, for completion).
    public internal(set) var atCheck = false

    /// Scan position and what was sent since the bitmap was last committed.
    public internal(set) var position = ScanPosition()
    var committedPosition = ScanPosition()
    var wrappedSinceCommit = false
    var pagesSinceCommit: Double = 0
    public internal(set) var bytesSinceCommit: Double = 0

    let windowSeconds: Double
    let quotaBytes: Double
    /// How late a rate-limit sleep ends after its window (see `MigrationParameters.rateLimitWakeLateSeconds`).
    var wakeLateSeconds: Double = 0
    /// Jump over runs of identical windows in closed form (off: walk every window, the reference).
    var windowJumps = true
    /// Windows moved in closed form so far (a diagnostic for tests and profiles).
    var windowsJumped = 0

    public init(startSeconds: Double, windowSeconds: Double, capBytesPerSecond: Double?) {
        now = startSeconds
        windowStart = startSeconds
        stepStart = startSeconds
        self.windowSeconds = windowSeconds
        quotaBytes = capBytesPerSecond.map { $0 * windowSeconds } ?? .infinity
    }

    /// Run the thread until `t`, or until a loop boundary whose check fires (then `atCheck`).
    /// `pendingAtCommit` is the bitmap's set pages at the last commit. Runs of identical windows
    /// are jumped over in closed form (`QemuThreadLoop+WindowJump`) unless `windowJumps` is off;
    /// with it off, every send step and sleep is walked (the reference).
    mutating func run(until t: Double, scan: ScanMemory, pendingAtCommit: Double, costs: ScanCosts,
                      rules: Rules) {
        var guardCount = 0
        while !atCheck && guardCount < 1_000_000 {
            guardCount += 1
            if windowJumps && isAtWindowOpen {
                let going = jumpIdenticalWindows(until: t, scan: scan, pendingAtCommit: pendingAtCommit,
                                                 costs: costs, rules: rules)
                if !going { return }
                continue
            }
            if !advance(until: t, scan: scan, pendingAtCommit: pendingAtCommit, costs: costs, rules: rules) {
                return
            }
        }
    }

    /// One move of the thread: a sleep to the end of its window, a send step, or a loop boundary.
    /// Returns false when it stopped at `t` (nothing more happens before `t`).
    mutating func advance(until t: Double, scan: ScanMemory, pendingAtCommit: Double, costs: ScanCosts,
                          rules: Rules) -> Bool {
        if sleeping {
            let wake = windowStart + windowSeconds + wakeLateSeconds
            if wake > t { now = max(now, t); return false }
            now = max(now, wake)
            sleeping = false
            boundary(pendingPages: pendingAtCommit - pagesSinceCommit, rules: rules)
            return true
        }
        let pendingLeft = pendingAtCommit - pagesSinceCommit
        if pendingLeft <= 1e-9 {
            boundary(pendingPages: 0, rules: rules)
            return true
        }
        if windowBytes >= quotaBytes * (1 - 1e-12) { sleeping = true; return true }
        let stepEnd = stepStart + Self.sendStepSeconds
        let limit = min(stepEnd, t)
        if limit <= now {
            if stepEnd <= t { boundary(pendingPages: pendingLeft, rules: rules); return true }
            return false
        }
        let strict = t < stepEnd
        let w = scan.walk(from: position, maxPages: pendingLeft, maxBytes: quotaBytes - windowBytes,
                          maxSeconds: limit - now, costs: costs, strictSeconds: strict)
        position = w.position
        wrappedSinceCommit = wrappedSinceCommit || w.wrapped
        pagesSinceCommit += w.pages
        bytesSinceCommit += w.bytes
        windowBytes += w.bytes
        now += w.seconds
        let left = pendingAtCommit - pagesSinceCommit
        if left <= 1e-9 { boundary(pendingPages: 0, rules: rules); return true }
        if windowBytes >= quotaBytes * (1 - 1e-12) { sleeping = true; return true }
        if now >= stepEnd - 1e-12 { boundary(pendingPages: left, rules: rules); return true }
        // Stopped by `t` (or by a page that would not finish before it).
        now = max(now, t)
        return false
    }

    /// What the check compares, and the rules of the QEMU version.
    struct Rules: Sendable, Equatable {
        var downtimeLimitSeconds: Double
        var availSwitchoverBytesPerSecond: Double?
        var version: QemuVersion
        var pageBytes: Double
    }

    /// A loop boundary: maybe close the window (migration_update_counters), then check.
    mutating func boundary(pendingPages: Double, rules: Rules) {
        if now - windowStart >= windowSeconds - 1e-9 {
            let bw = windowBytes / (now - windowStart)
            windowBandwidth = bw
            thresholdBytes = SwitchoverRule.thresholdBytes(windowBandwidthBytesPerSecond: bw,
                availSwitchoverBandwidthBytesPerSecond: rules.availSwitchoverBytesPerSecond,
                downtimeLimitSeconds: rules.downtimeLimitSeconds)
            windowStart = now
            windowBytes = 0
        }
        stepStart = now
        let pendingBytes = max(0, pendingPages) * rules.pageBytes
        if pendingBytes < thresholdBytes { atCheck = true; return }
        if pendingBytes <= 0 {
            if rules.version.completesWhenNothingPending || windowBandwidth != nil {
                // 7.2: nothing pending completes at once. A closed window that carried nothing
                // (no bandwidth at all) leaves the threshold at 0: complete rather than spin.
                atCheck = true
                return
            }
            // 8.0+: empty send steps until the first window closes.
            sleeping = true
        }
    }

    /// The bitmap has absorbed what was sent; restart the bookkeeping from here.
    mutating func markCommitted() {
        committedPosition = position
        wrappedSinceCommit = false
        pagesSinceCommit = 0
        bytesSinceCommit = 0
    }

    /// Resume sending after the check was handled (a sync that did not complete).
    mutating func resume() {
        atCheck = false
        stepStart = now
    }

    /// The threshold under a new downtime limit (a management step changed it): QEMU recomputes
    /// it only when the next window closes, so nothing changes now.
    public var bandwidthEstimate: Double? { windowBandwidth }
}
