/// A cheap lower bound of the `qemu` loop's next check, so a driver need not run the thread
/// ahead (`lookahead`) after every change of the flow's share.
///
/// Why. In a fleet, a flow behind a shared rack uplink changes rate on every start and end of
/// its neighbours: many times per pass. Each change re-ran the thread from its current state
/// to its next sync (seconds to minutes of 100 ms windows), and the next change threw that
/// look-ahead away (docs/performance.md, "The engine's reaction to a rate change").
///
/// The bound. Between two syncs the migration bitmap is read-only (ram.c: pages leave it as
/// they are sent; the guest's writes reach it only at migration_bitmap_sync), so the pages
/// pending only fall, one per page sent. The check (migration.c migration_iteration_run)
/// fires when `pending x page size < threshold` (or nothing is pending), and the threshold is
/// reset only when a window closes (migration_update_counters: window bytes / window time x
/// downtime limit, or avail-switchover-bandwidth x downtime limit). So no check can fire
/// before the thread has sent `pending - max threshold / page size` pages, where:
/// - the largest threshold a window can set is bounded by the wire rate: a page's seconds in
///   `ScanCosts` are never fewer than its wire bytes over the link's share, so a window
///   carries at most `share x its duration` after now, plus what it already carried
///   (`windowBytes`) over at least its 100 ms (a window closes no earlier: BUFFER_DELAY);
/// - and those pages take at least the time of one walk over the bitmap from the scan
///   position at the current costs (`DensityScan.walk`: no rate-limit sleeps, no loop
///   boundaries, both of which only add time).
/// The management timers and the downtime limit they raise are decision points of their own,
/// so the bound is capped at the next timer. A margin of 1e-9 (relative) and one page keeps
/// the bound below the check whatever the rounding of the thread's own sums.
///
/// Exactness. The bound only decides when the driver asks again; the decision point itself
/// is still the thread's (`resolveReporting` runs the same look-ahead from the same state at
/// the same rate as before), and `advance` to a time before the bound does what it did
/// (the look-ahead it skips would have found the decision point later and only progressed).
extension PrecopyController {
    /// A bound nearer than this is not worth an event of its own: the exact decision point is
    /// computed at once (a look-ahead over a few windows costs less than an extra event).
    static let shortestQuietSeconds = 1.0

    /// The next decision point, or a lower bound of it when finding the point itself needs a
    /// look-ahead and the bound is far enough away (then `quietUntilSeconds` is set).
    mutating func decisionOrQuietBound() -> (seconds: Double, isBound: Bool) {
        guard parameters.quietBounds, phase == .precopy, usesQemuLoop, !loop.atCheck else {
            return (decisionSeconds(), false)
        }
        let timer = nextTimerSeconds
        let quiet = quietBoundSeconds()
        if quiet >= timer {
            // No check before the timer: the timer is the decision point (exactly what the
            // look-ahead to it would have given).
            quietUntilSeconds = timer
            quietRate = usableRate
            return (timer, false)
        }
        guard quiet - nowSeconds >= Self.shortestQuietSeconds else { return (decisionSeconds(), false) }
        quietUntilSeconds = quiet
        quietRate = usableRate
        return (quiet, true)
    }

    /// A time before which the thread cannot reach a check, at the current rate (see the
    /// file's comment); `nowSeconds` when there is no useful bound.
    mutating func quietBoundSeconds() -> Double {
        // The page-by-page bitmap has no cheap walk; it is the reference model, not the fleet's.
        guard case .density(let bitmap) = scan, loop.now <= nowSeconds else { return nowSeconds }
        let rate = usableRate
        let pending = loopPendingAtCommit - loop.pagesSinceCommit
        let windowSoFar = max(loop.now - loop.windowStart, loop.windowSeconds - 1e-9)
        let widestBandwidth = rate + max(0, loop.windowBytes) / max(windowSoFar, 1e-9)
        let largestThreshold = max(loop.thresholdBytes, SwitchoverRule.thresholdBytes(
            windowBandwidthBytesPerSecond: widestBandwidth,
            availSwitchoverBandwidthBytesPerSecond: parameters.availSwitchoverBandwidthBytesPerSecond,
            downtimeLimitSeconds: downtimeLimitSeconds))
        let pagesBeforeCheck = pending - largestThreshold * (1 + 1e-9) / pageBytes - 1
        guard pagesBeforeCheck > 0, largestThreshold.isFinite else { return nowSeconds }
        guard rate > 0 else { return .infinity }   // nothing is sent: no check can come
        let w = bitmap.walk(from: loop.position, maxPages: pagesBeforeCheck, maxBytes: .infinity,
                            maxSeconds: .infinity, costs: loopCosts)
        guard w.pages >= pagesBeforeCheck * (1 - 1e-9), w.seconds.isFinite else { return nowSeconds }
        return loop.now + w.seconds * (1 - 1e-9)
    }
}
