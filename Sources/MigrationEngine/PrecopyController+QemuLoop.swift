/// The `qemu` pre-copy loop inside the controller: decision points are the thread's checks that
/// sync or complete (and the management timers); the send steps and windows between them are
/// run by `QemuThreadLoop` without decision points of their own, so a fleet still sees one
/// event per sync, not one per 100 ms window.
extension PrecopyController {
    /// Whether the `qemu` loop runs (`loop` and `scan` are set once, in `beginQemuLoop`; before
    /// that they are placeholders that nothing reads).
    @inline(__always) var usesQemuLoop: Bool { qemuLoopStarted }

    /// `ScanCosts(parameters:linkBytesPerSecond:)` from the parameters' fields (passing the
    /// whole `MigrationParameters` copied it, with its arrays, per look-ahead).
    @inline(__always) var loopCosts: ScanCosts {
        ScanCosts(pageSizeBytes: parameters.pageSizeBytes, pageHeaderBytes: parameters.pageHeaderBytes,
                  zeroPageWireBytes: parameters.zeroPageWireBytes,
                  firstPassBytesPerSecond: parameters.firstPassBytesPerSecond,
                  zeroScanBytesPerSecond: parameters.zeroScanBytesPerSecond, linkBytesPerSecond: usableRate)
    }

    @inline(__always) var loopRules: QemuThreadLoop.Rules {
        QemuThreadLoop.Rules(downtimeLimitSeconds: downtimeLimitSeconds,
                             availSwitchoverBytesPerSecond: parameters.availSwitchoverBandwidthBytesPerSecond,
                             version: parameters.qemuVersion, pageBytes: pageBytes)
    }

    /// Start the thread after setup: every page set (ram_list_init_bitmaps), the setup sync
    /// already counted by `beginPrecopy`.
    mutating func beginQemuLoop() {
        qemuLoopStarted = true
        loop = QemuThreadLoop(startSeconds: nowSeconds, windowSeconds: parameters.bandwidthWindowSeconds,
                              capBytesPerSecond: parameters.maxBandwidthBytesPerSecond)
        loop.wakeLateSeconds = parameters.rateLimitWakeLateSeconds
        loop.windowJumps = parameters.qemuLoopWindowJumps
        lookaheadMemo = LookaheadMemo()
        scan = ScanMemory(guest: guest, parameters: parameters)
        loopPendingAtCommit = scan.pendingPages
        passIndex = 0
        passStartSeconds = nowSeconds
        passWireBytesSent = 0
        passThrottlePercent = throttlePercent
        passMemoryBytes = memoryBytes
    }

    /// The thread run ahead over the unchanged bitmap from its current state, to its next check
    /// or to `until`; memoised on every input (a driver asks for the next decision point and
    /// then advances to it: the look-ahead runs once per decision, not three times).
    /// Mutating only so that callers pass the controller by address (see `decisionSeconds`);
    /// it changes nothing but the memo.
    mutating func lookahead(until: Double, onlyIfMemoised: Bool = false) -> QemuThreadLoop? {
        guard usesQemuLoop else { return nil }
        let rate = usableRate
        let rules = loopRules
        if let m = lookaheadMemo,
           let hit = m.result(start: loop, until: until, pendingAtCommit: loopPendingAtCommit, rate: rate, rules: rules) {
            return hit
        }
        if onlyIfMemoised { return nil }
        let costs = loopCosts
        // The one copy a look-ahead needs: the thread runs ahead, `loop` stays where it is.
        var ahead = loop
        ahead.run(until: until, scan: scan, pendingAtCommit: loopPendingAtCommit, costs: costs, rules: rules)
        lookaheadMemo?.store(start: loop, until: until, pendingAtCommit: loopPendingAtCommit, rate: rate,
                             rules: rules, result: ahead)
        return ahead
    }

    /// The next check that syncs or completes, at the current rate (a copy of the thread runs
    /// ahead over the unchanged bitmap), or the next management timer if earlier. Mutating only
    /// to be reached by address (see `decisionSeconds`).
    mutating func loopDecisionSeconds() -> Double {
        guard usesQemuLoop else { return .infinity }
        if loop.atCheck { return nowSeconds }
        let timer = nextTimerSeconds
        guard let l = lookahead(until: timer) else { return .infinity }
        if l.atCheck { return l.now }
        if timer.isFinite { return timer }
        return l.now > nowSeconds && l.now.isFinite ? l.now : .infinity
    }

    /// Let the thread run to `t` (no check fires before `t`: `t` is at most the next decision point).
    mutating func progressQemuLoop(to t: Double) {
        guard usesQemuLoop else { return }
        // Replay the look-ahead that set the decision point: if it reaches a check by `t`, take
        // its state as is. Running to `t` separately could stop a rounding error short of that
        // check (at large absolute times), and the controller would wait on it for ever.
        // (Only a memoised one: a rate change in the middle of the way needs no look-ahead.)
        if let ahead = lookahead(until: nextTimerSeconds, onlyIfMemoised: true), ahead.atCheck && ahead.now <= t {
            loop = ahead
        } else {
            let costs = loopCosts, rules = loopRules
            loop.run(until: t, scan: scan, pendingAtCommit: loopPendingAtCommit, costs: costs, rules: rules)
        }
        commitLoop()
    }

    /// A check due without time passing (the look-ahead reached a loop boundary at `now`: e.g.
    /// a long-stalled thread whose window closes at once, with a rounding residue pending):
    /// take the look-ahead's state, or the controller would wait on that check for ever
    /// (`progress` returns early when no time passes).
    mutating func adoptDueLoopCheck(at t: Double) {
        guard usesQemuLoop, !loop.atCheck,
              let ahead = lookahead(until: nextTimerSeconds, onlyIfMemoised: true),
              ahead.atCheck && ahead.now <= t else { return }
        loop = ahead
        commitLoop()
    }

    /// Clear what the thread sent from the bitmap and account its bytes.
    mutating func commitLoop() {
        guard usesQemuLoop else { return }
        // In place: `scan.commit` releases its payload before mutating it (ScanMemory.commit).
        scan.commit(from: loop.committedPosition, to: loop.position, wrapped: loop.wrappedSinceCommit,
                    pages: loop.pagesSinceCommit)
        bytesSent += loop.bytesSinceCommit
        passWireBytesSent += loop.bytesSinceCommit
        loop.markCommitted()
        loopPendingAtCommit = scan.pendingPages
    }

    /// A check fired: sync mid-scan, then complete if what is pending fits the threshold
    /// (migration_iteration_run; ram_save_pending at 7.2, ram_state_pending_exact since 8.0).
    mutating func handleLoopCheck() {
        guard usesQemuLoop, loop.atCheck else { return }
        let threshold = loop.thresholdBytes   // committing moves no threshold (markCommitted)
        commitLoop()
        let pending = loopPendingAtCommit * pageBytes
        if !(pending < threshold) {
            // 7.2 with nothing pending and the threshold still 0: completion without a sync
            // of its own (migration_completion's ram_save_complete syncs once more).
            beginStopAndCopy(finalMemoryBytes: 0, reason: .precopy)
            return
        }
        let dirty = loopSync()
        let after = loopPendingAtCommit * pageBytes
        if after < threshold || after <= 0 {
            beginStopAndCopy(finalMemoryBytes: after, reason: .precopy)
            return
        }
        if let pc = parameters.postcopy, let n = pc.afterPasses, passIndex >= n {
            beginPostcopy(remainingMemoryBytes: after)
            return
        }
        _ = dirty
        loop.resume()
        emit(.keepSending(pass: passIndex, bytes: after))
    }

    /// One dirty-bitmap sync (ram.c migration_bitmap_sync): fold the guest's log into the
    /// bitmap, count it, close the pass record, run auto-converge and the progress watermark.
    /// Returns the newly dirty bytes.
    @discardableResult
    mutating func loopSync() -> Double {
        guard usesQemuLoop else { return 0 }
        let newly = scan.sync(guest: &guest)
        loopPendingAtCommit = scan.pendingPages
        let dirtyBytes = newly * pageBytes
        dirtySyncCount += 1
        dirtyBytesAtLastSync = dirtyBytes
        memoryBytesSent += passWireBytesSent
        let estimate = loop.windowBandwidth ?? 0
        passes.append(PassRecord(index: passIndex, startSeconds: passStartSeconds - startSeconds,
                                 durationSeconds: nowSeconds - passStartSeconds, bytesSent: passWireBytesSent,
                                 dirtyBytesAtSync: dirtyBytes, throttlePercent: passThrottlePercent,
                                 downtimeLimitSeconds: downtimeLimitSeconds,
                                 bandwidthEstimateBytesPerSecond: estimate))
        emit(.sync(pass: passIndex, dirtyBytes: dirtyBytes))
        if var ac = autoConverge {
            if let p = ac.onSync(nowSeconds: nowSeconds, dirtyBytes: dirtyBytes, totalBytesSent: bytesSent) {
                emit(.raiseThrottle(percent: p))
            }
            autoConverge = ac
        }
        let pending = loopPendingAtCommit * pageBytes
        if pending < progressWatermarkBytes {
            progressWatermarkBytes = pending
            lastProgressSeconds = nowSeconds
        }
        passIndex += 1
        passStartSeconds = nowSeconds
        passWireBytesSent = 0
        passThrottlePercent = throttlePercent
        return dirtyBytes
    }

    /// Memory still to send if the guest stopped now.
    var loopPendingMemoryBytes: Double {
        let inBitmap = loopPendingAtCommit - (usesQemuLoop ? loop.pagesSinceCommit : 0)
        return min(memoryBytes, (max(0, inBitmap) + guest.dirtyPages) * pageBytes)
    }

    /// The final stage (migration_completion -> qemu_savevm_state_complete_precopy ->
    /// ram_save_complete): the guest is stopped, one more sync, then every page still set goes
    /// out without the rate limit, zero pages still checked and sent as markers.
    /// Returns the wire bytes and the CPU seconds of the zero-page checks.
    mutating func loopFinalStage() -> (bytes: Double, checkSeconds: Double, memoryBytes: Double) {
        commitLoop()
        dirtySyncCount += 1
        guard usesQemuLoop else { return (0, 0, 0) }
        _ = scan.sync(guest: &guest)
        loopPendingAtCommit = scan.pendingPages
        let split = scan.pendingSplit(at: loop.position)
        let normal = max(0, split.pages - split.zeroPages)
        let costs = loopCosts
        let check = parameters.zeroScanBytesPerSecond > 0 ? pageBytes / parameters.zeroScanBytesPerSecond : 0
        return (normal * costs.pageWireBytes + split.zeroPages * costs.zeroWireBytes,
                split.zeroPages * check, split.pages * pageBytes)
    }
}

extension QemuThreadLoop {
    /// What a controller holds before its thread starts (never run: `usesQemuLoop` is false).
    static let placeholder = QemuThreadLoop(startSeconds: 0, windowSeconds: 0, capBytesPerSecond: nil)
}

extension ScanMemory {
    /// What a controller holds before its thread starts (shares `DensityScan.empty`'s storage;
    /// computed: a stored static needs `ScanMemory` to be Sendable, which it is not declared).
    static var placeholder: ScanMemory { .density(DensityScan.empty) }
}
