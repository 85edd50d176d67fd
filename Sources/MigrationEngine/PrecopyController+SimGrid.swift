/// SimGrid's VM live-migration model (SimGrid 3.32, src/plugins/vm/VmLiveMigration.cpp,
/// `MigrationTx::operator()` and `get_updated_size`), for researchers who compare with results
/// published from it. What it does, restated from the source:
///
/// - Stage 1 sends the whole RAM as one message; the bandwidth measured over it (bytes over
///   the message's wall time, latency included) times `max_downtime` (default 30 ms) is the
///   threshold, truncated to whole bytes.
/// - The bytes dirtied during a round are the guest's write rate times the round's length,
///   truncated to whole bytes and capped at the working set (90 % of RAM): no page
///   granularity, a page written twice counts twice.
/// - Stage 2 repeats while the threshold is below what is left: send it as one message,
///   re-measure the bandwidth, recompute threshold and dirty bytes.
/// - Stage 3 suspends the VM and sends the rest as one message; the destination resumes the
///   VM on receipt (the downtime ends there) and acknowledges with an empty message, which
///   ends the migration one route latency later.
///
/// Every message costs the route latency before its bytes flow (SimGrid's CM02 network model);
/// `messageLatencySeconds` carries it. Rounds reuse the per-pass machinery: the latency is
/// spent as a scan that sends nothing, then the bytes go at the flow's rate.
extension PrecopyController {
    var usesSimGridRounds: Bool { parameters.precopyLoop == .simgrid }

    /// A round of `memoryBytes` bare bytes, after one message latency.
    mutating func startSimGridRound(index: Int, memoryBytes mem: Double) {
        passWireBytes = mem
        scanSecondsRemaining = parameters.messageLatencySeconds
        if index > 0 { emit(.keepSending(pass: index, bytes: mem)) }
    }

    /// The round's message arrived: measure, compute what was dirtied, and either send it in
    /// another round or stop the guest (`threshold < remaining` keeps stage 2 going).
    mutating func endSimGridRound() {
        let durationSeconds = nowSeconds - passStartSeconds
        _ = guest.sync()
        let workingSetBytes = (Double(parameters.memoryBytes) * parameters.workingSetFraction).rounded(.down)
        let writtenBytes = (guest.writePagesPerSecond * pageBytes * durationSeconds).rounded(.down)
        let dirtyBytes = min(writtenBytes, workingSetBytes)
        let measuredBytesPerSecond = durationSeconds > 0 ? passMemoryBytes / durationSeconds : .infinity
        let thresholdBytes = (measuredBytesPerSecond * downtimeLimitSeconds).rounded(.down)
        memoryBytesSent += passMemoryBytes
        dirtySyncCount += 1
        dirtyBytesAtLastSync = dirtyBytes
        passes.append(PassRecord(index: passIndex, startSeconds: passStartSeconds - startSeconds,
                                 durationSeconds: durationSeconds, bytesSent: passWireBytesSent,
                                 dirtyBytesAtSync: dirtyBytes, throttlePercent: passThrottlePercent,
                                 downtimeLimitSeconds: downtimeLimitSeconds,
                                 bandwidthEstimateBytesPerSecond: measuredBytesPerSecond.isFinite ? measuredBytesPerSecond : 0))
        emit(.sync(pass: passIndex, dirtyBytes: dirtyBytes))
        if thresholdBytes < dirtyBytes {
            startPass(index: passIndex + 1, memoryBytes: dirtyBytes)
        } else {
            beginStopAndCopy(finalMemoryBytes: dirtyBytes, reason: .precopy)
        }
    }

    /// Stage 3: the rest as one message (latency, then bytes).
    mutating func beginSimGridStage3(finalMemoryBytes: Double, reason: OutcomeReason) {
        if reason != .pausedAndCopied { emit(.switchOver(finalDirtyBytes: finalMemoryBytes)) }
        phase = .stopAndCopy
        guestStopped = true
        stopStartSeconds = nowSeconds
        stopReason = reason
        transferBytesRemaining = finalMemoryBytes
        transferFixedSecondsRemaining = parameters.messageLatencySeconds
        transferCapBytesPerSecond = nil
    }

    /// Stage 3 arrived: the destination resumes the guest and acknowledges with an empty
    /// message, which ends the migration one route latency later.
    mutating func beginSimGridAcknowledgement() {
        phase = .acknowledging
        transferBytesRemaining = 0
        transferFixedSecondsRemaining = parameters.messageLatencySeconds
    }
}
