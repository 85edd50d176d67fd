/// Closed-form jump over runs of identical 100 ms windows.
///
/// Between two syncs the migration bitmap is read-only (`QemuThreadLoop`), so a window that
/// opens with an empty byte count, at the same send rate, in the middle of a stretch of memory
/// with one density and one zero share, does exactly what the window before it did: the same
/// send steps (ram.c ram_save_iterate: the quota of qemu_file_rate_limit or MAX_WAIT ends each),
/// the same sleep (migration.c migration_rate_limit), the same close after BUFFER_DELAY
/// (migration.c migration_update_counters), hence the same threshold. Only `now`, the scan
/// position and the counts move, by the same amounts each time. So the thread runs one window
/// (the probe, on the reference path), and then moves k windows at once, k chosen so that none
/// of the k can be different:
/// - the scan stays inside the stretch (the end of memory, a hot region's edge and the end of
///   the zero-page share are stretch edges: `ScanMemory.uniformStretch`);
/// - the check (migration.c migration_iteration_run: pending < threshold) cannot fire and
///   pending stays above zero (ram.c ram_find_and_save_block keeps finding pages);
/// - the k windows end before `t`.
/// The windows after the jump are walked on the reference path again, so every check, sync and
/// stop falls where the window-by-window walk puts it. Results differ from it only by the
/// rounding of k x step against k additions (well under a nanosecond, tested).
extension QemuThreadLoop {
    /// At the opening of a window (the loop boundary that closed the previous one).
    var isAtWindowOpen: Bool {
        !sleeping && !atCheck && windowBytes == 0 && now == windowStart && stepStart == now
            && windowBandwidth != nil
    }

    /// Probe one window on the reference path, then jump over the identical windows after it.
    /// Returns false when the thread stopped at `t` (as `advance` does).
    mutating func jumpIdenticalWindows(until t: Double, scan: ScanMemory, pendingAtCommit: Double,
                                       costs: ScanCosts, rules: Rules) -> Bool {
        let before = self
        let stretch = scan.uniformStretch(at: position)
        switch runOneWindow(until: t, scan: scan, pendingAtCommit: pendingAtCommit, costs: costs, rules: rules) {
        case .stoppedAtLimit: return false
        case .checkFired: return true
        case .closed: break
        }
        guard !atCheck, let stretch else { return true }
        let k = identicalWindowsAhead(after: before, stretch: stretch, until: t,
                                      pendingAtCommit: pendingAtCommit, rules: rules)
        if k > 0 { jump(windows: k, each: WindowDelta(from: before, to: self)) }
        return true
    }

    enum WindowRun { case closed, stoppedAtLimit, checkFired }

    /// Walk the reference path to the next window close, or to `t`, or to a check that fires.
    mutating func runOneWindow(until t: Double, scan: ScanMemory, pendingAtCommit: Double,
                               costs: ScanCosts, rules: Rules) -> WindowRun {
        let opened = windowStart
        var guardCount = 0
        while !atCheck && windowStart == opened && guardCount < 1_000_000 {
            guardCount += 1
            if !advance(until: t, scan: scan, pendingAtCommit: pendingAtCommit, costs: costs, rules: rules) {
                return .stoppedAtLimit
            }
        }
        return windowStart != opened ? .closed : .checkFired
    }

    /// What one window moved.
    struct WindowDelta {
        var seconds: Double
        var pages: Double
        var bytes: Double
        var scanPages: Double
        init(from a: QemuThreadLoop, to b: QemuThreadLoop) {
            seconds = b.now - a.now
            pages = b.pagesSinceCommit - a.pagesSinceCommit
            bytes = b.bytesSinceCommit - a.bytesSinceCommit
            scanPages = b.position.page - a.position.page
        }
    }

    /// How many windows after the probe (which ran from `before` to `self`) are certain to be
    /// identical to it; 0 when the probe itself was not a clean window inside one stretch.
    func identicalWindowsAhead(after before: QemuThreadLoop, stretch: UniformStretch, until t: Double,
                               pendingAtCommit: Double, rules: Rules) -> Int {
        let d = WindowDelta(from: before, to: self)
        guard d.seconds > 0, d.pages > 0, d.scanPages > 0, stretch.density > 0,
              position.firstRound == before.position.firstRound,
              wrappedSinceCommit == before.wrappedSinceCommit,
              position.page < stretch.endPage,
              // The pages sent are the span scanned at the stretch's density: no wrap, no gap.
              abs(d.pages - d.scanPages * stretch.density) <= 1e-9 * d.pages + 1e-9
        else { return 0 }
        // Scan: the last jumped window, and one more, must end inside the stretch.
        let byScan = ((stretch.endPage - position.page) / d.scanPages).rounded(.down) - 2
        // Check: pending at the last jumped window's close stays at least a page above the
        // threshold (and above zero), so no boundary of any jumped window can fire.
        let floorPages = max(0, thresholdBytes / rules.pageBytes) * (1 + 1e-9) + 1
        let pendingNow = pendingAtCommit - pagesSinceCommit
        let byPending = ((pendingNow - floorPages) / d.pages).rounded(.down) - 1
        // Time: the last jumped window closes before `t`.
        let byTime = t.isFinite ? ((t - now) / d.seconds).rounded(.down) - 2 : .infinity
        let k = min(byScan, byPending, byTime, 1e12)
        return k >= 1 ? Int(k) : 0
    }

    /// Move `k` windows like the probe: the window stays open-at-a-boundary, the threshold and
    /// bandwidth estimate those the probe's window left (each jumped window leaves the same).
    mutating func jump(windows k: Int, each d: WindowDelta) {
        let n = Double(k)
        now += n * d.seconds
        windowStart = now
        stepStart = now
        position.page += n * d.scanPages
        pagesSinceCommit += n * d.pages
        bytesSinceCommit += n * d.bytes
        windowsJumped += k
    }
}

/// A stretch of the migration bitmap the scan crosses at a constant cost per page: one density
/// and, in the first pass, one zero share (a `DensityScan` segment).
struct UniformStretch: Sendable, Equatable {
    var endPage: Double
    var density: Double
}

extension ScanMemory {
    /// The stretch the scan at `position` is in; nil where pages differ one by one (`bitmap`).
    func uniformStretch(at position: ScanPosition) -> UniformStretch? {
        switch self {
        case .density(let d): return d.uniformStretch(at: position.page)
        case .bitmap: return nil
        }
    }
}

extension DensityScan {
    func uniformStretch(at page: Double) -> UniformStretch? {
        guard !segments.isEmpty, page >= 0, page < totalPages else { return nil }
        let s = segments[segmentIndex(containing: page)]
        return UniformStretch(endPage: s.end, density: s.density)
    }
}
