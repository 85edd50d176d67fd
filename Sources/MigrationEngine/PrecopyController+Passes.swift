/// Pre-copy pass by pass (the textbook model and Xen; the QEMU thread loop and SimGrid rounds
/// hook in here): start a pass over the dirty set, and at its end sync, record it and decide
/// (switch over, Xen's limits, post-copy, or another pass).
extension PrecopyController {
    mutating func beginPrecopy() {
        phase = .precopy
        // The setup sync (ram_init_bitmaps) starts dirty logging: dirty-sync-count 1.
        dirtySyncCount = 1
        window = BandwidthWindow(startSeconds: nowSeconds, windowSeconds: parameters.bandwidthWindowSeconds,
                                 capBytesPerSecond: parameters.maxBandwidthBytesPerSecond)
        if let ac = parameters.autoConverge {
            autoConverge = AutoConverge(settings: ac, startSeconds: nowSeconds, bytesSent: bytesSent)
        }
        emit(.startSending)
        if parameters.precopyLoop == .qemu && parameters.management.switchoverRuleEnabled {
            beginQemuLoop()
        } else {
            startPass(index: 0, memoryBytes: memoryBytes)
        }
    }

    mutating func startPass(index: Int, memoryBytes mem: Double) {
        passIndex = index
        passStartSeconds = nowSeconds
        passMemoryBytes = mem
        passWireBytesSent = 0
        passThrottlePercent = throttlePercent
        if usesSimGridRounds { startSimGridRound(index: index, memoryBytes: mem); return }
        let pages = mem / pageBytes
        let header = Double(parameters.pageHeaderBytes)
        if index == 0 {
            // Bulk stage: every page, zero pages as a header + one byte, each zero page scanned in full.
            let zeroPages = pages * parameters.zeroPageFraction
            passWireBytes = (pages - zeroPages) * (pageBytes + header) + zeroPages * Double(parameters.zeroPageWireBytes)
            scanSecondsRemaining = parameters.zeroScanBytesPerSecond > 0
                ? zeroPages * pageBytes / parameters.zeroScanBytesPerSecond : 0
        } else {
            var perPage = pageBytes + header
            if let x = parameters.xbzrle {
                let hit = x.effectiveHitRatio(passBytes: mem)
                perPage = hit * (x.encodedFraction * pageBytes + header) + (1 - hit) * (pageBytes + header)
            }
            passWireBytes = pages * perPage
            scanSecondsRemaining = 0
        }
        if index > 0 { emit(.keepSending(pass: index, bytes: mem)) }
    }

    mutating func endPass() {
        if usesSimGridRounds { endSimGridRound(); return }
        let dirtyBytes = guest.sync() * pageBytes
        memoryBytesSent += passMemoryBytes
        dirtySyncCount += 1
        dirtyBytesAtLastSync = dirtyBytes
        let estimate = window.lastWindowBytesPerSecond
        passes.append(PassRecord(index: passIndex, startSeconds: passStartSeconds - startSeconds,
                                 durationSeconds: nowSeconds - passStartSeconds, bytesSent: passWireBytesSent,
                                 dirtyBytesAtSync: dirtyBytes, throttlePercent: passThrottlePercent,
                                 downtimeLimitSeconds: downtimeLimitSeconds,
                                 bandwidthEstimateBytesPerSecond: estimate ?? 0))
        emit(.sync(pass: passIndex, dirtyBytes: dirtyBytes))

        if var ac = autoConverge {
            if let p = ac.onSync(nowSeconds: nowSeconds, dirtyBytes: dirtyBytes, totalBytesSent: bytesSent) {
                emit(.raiseThrottle(percent: p))
            }
            autoConverge = ac
        }
        if dirtyBytes < progressWatermarkBytes {
            progressWatermarkBytes = dirtyBytes
            lastProgressSeconds = nowSeconds
        }

        // Fields read in place (a copy of the policy retained its array once per pass).
        // Xen's last-iteration test (xc_domain_save), evaluated after each live iteration.
        let passesDone = passIndex + 1
        let pagesThisPass = passMemoryBytes / pageBytes
        let pagesTotal = memoryBytesSent / pageBytes
        let xenStop = (parameters.management.maxLivePasses.map { passesDone >= $0 } ?? false)
            || (parameters.management.minPagesPerPass.map { pagesThisPass < Double($0) } ?? false)
            || (parameters.management.maxSentFactor.map { pagesTotal > Double(parameters.totalPages) * $0 } ?? false)
        if xenStop {
            switch parameters.management.limitAction {
            case .stopAndCopy: beginStopAndCopy(finalMemoryBytes: dirtyBytes, reason: .xenLimitStop)
            case .abort: emit(.abort(.xenLimits)); finish(.aborted, .aborted(.xenLimits))
            }
            return
        }
        if parameters.management.switchoverRuleEnabled {
            let threshold = SwitchoverRule.thresholdBytes(
                windowBandwidthBytesPerSecond: estimate,
                availSwitchoverBandwidthBytesPerSecond: parameters.availSwitchoverBandwidthBytesPerSecond,
                downtimeLimitSeconds: downtimeLimitSeconds)
            if SwitchoverRule.shouldSwitchOver(pendingBytes: dirtyBytes, thresholdBytes: threshold) {
                beginStopAndCopy(finalMemoryBytes: dirtyBytes, reason: .precopy)
                return
            }
        }
        if let pc = parameters.postcopy, let n = pc.afterPasses, passesDone >= n {
            beginPostcopy(remainingMemoryBytes: dirtyBytes)
            return
        }
        startPass(index: passIndex + 1, memoryBytes: dirtyBytes)
    }
}
