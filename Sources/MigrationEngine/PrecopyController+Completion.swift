/// The end of a migration: stop-and-copy, post-copy (blackout, active push, fault estimate),
/// and the outcome.
extension PrecopyController {
    // MARK: stop-and-copy

    /// Stop the guest and send the final dirty set and device state at link speed (not at
    /// max-bandwidth: migration_completion lifts the rate limit for the final stage).
    mutating func beginStopAndCopy(finalMemoryBytes: Double, reason: OutcomeReason) {
        if usesSimGridRounds { beginSimGridStage3(finalMemoryBytes: finalMemoryBytes, reason: reason); return }
        var final = finalMemoryBytes
        if parameters.stopLatencySeconds > 0 && !guestStopped {
            // The guest keeps dirtying until its vCPUs are stopped.
            let before = guest.dirtyPages
            guest.advance(seconds: parameters.stopLatencySeconds, runFraction: runFraction)
            final = min(memoryBytes, final + (guest.dirtyPages - before) * pageBytes)
        }
        var wire = final / pageBytes * (pageBytes + Double(parameters.pageHeaderBytes))
        var checkSeconds = 0.0
        if usesQemuLoop {
            let f = loopFinalStage()
            final = f.memoryBytes; wire = f.bytes; checkSeconds = f.checkSeconds
        }
        if reason != .pausedAndCopied { emit(.switchOver(finalDirtyBytes: final)) }
        phase = .stopAndCopy
        guestStopped = true
        stopStartSeconds = nowSeconds
        stopReason = reason
        transferBytesRemaining = wire + Double(parameters.deviceStateBytes)
        transferFixedSecondsRemaining = parameters.stopLatencySeconds + parameters.switchoverOverheadSeconds + checkSeconds
        transferCapBytesPerSecond = nil
    }

    // MARK: post-copy

    mutating func beginPostcopy(remainingMemoryBytes: Double) {
        emit(.startPostcopy(remainingBytes: remainingMemoryBytes))
        phase = .postcopyBlackout
        guestStopped = true
        postcopyStartSeconds = nowSeconds
        postcopyMemoryBytes = remainingMemoryBytes
        // Blackout: device state plus the discard bitmap (one bit per guest page), then resume
        // on the target (postcopy_start). Independent of the dirty rate.
        transferBytesRemaining = Double(parameters.deviceStateBytes) + Double(parameters.totalPages) / 8
        transferFixedSecondsRemaining = parameters.switchoverOverheadSeconds
        transferCapBytesPerSecond = nil
    }

    mutating func beginPostcopyActive() {
        downtimeSeconds = nowSeconds - postcopyStartSeconds
        phase = .postcopyActive
        postcopyActiveStartSeconds = nowSeconds
        transferBytesRemaining = postcopyMemoryBytes / pageBytes * (pageBytes + Double(parameters.pageHeaderBytes))
        transferFixedSecondsRemaining = 0
        transferCapBytesPerSecond = parameters.postcopy?.maxPostcopyBandwidthBytesPerSecond
    }

    mutating func endPostcopy() {
        let degraded = nowSeconds - postcopyActiveStartSeconds
        // Faults: the guest (unthrottled on the target) touches pages at its write rate; the share
        // still on the source falls linearly from remaining/memory to 0 over the push, so on
        // average half of it is missing. Each fault waits one round trip.
        // A page faults at most once (it is then local), so faults never exceed the pages
        // left on the source; and a guest waiting on faults cannot wait longer than the
        // degraded period itself (faults are served one after another per vCPU, and the
        // model does not count vCPUs).
        let missingShare = memoryBytes > 0 ? postcopyMemoryBytes / memoryBytes : 0
        let missingPages = postcopyMemoryBytes / pageBytes
        let faults = min(guest.writePagesPerSecond * degraded * missingShare / 2, missingPages)
        let rtt = parameters.postcopy?.faultRoundTripSeconds ?? 0
        postcopyReport = PostcopyReport(startSeconds: postcopyStartSeconds - startSeconds,
                                        blackoutSeconds: downtimeSeconds, degradedSeconds: degraded,
                                        bytesPushed: postcopyMemoryBytes, expectedFaults: faults,
                                        faultStallSeconds: min(faults * rtt, degraded))
        finish(.completed, .postcopy)
    }

    // MARK: end

    mutating func finish(_ state: OutcomeState, _ reason: OutcomeReason) {
        phase = .finished
        if state == .lost, postcopyReport == nil {
            postcopyReport = PostcopyReport(startSeconds: postcopyStartSeconds - startSeconds,
                                            blackoutSeconds: downtimeSeconds,
                                            degradedSeconds: max(0, nowSeconds - postcopyActiveStartSeconds),
                                            bytesPushed: 0, expectedFaults: 0, faultStallSeconds: 0)
        }
        outcome = MigrationOutcome(state: state, reason: reason, totalTimeSeconds: nowSeconds - startSeconds,
                                   downtimeSeconds: downtimeSeconds, bytesSent: bytesSent, passes: passes,
                                   dirtySyncCount: dirtySyncCount, finalThrottlePercent: throttlePercent,
                                   postcopy: postcopyReport)
        emit(.finished)
    }
}
