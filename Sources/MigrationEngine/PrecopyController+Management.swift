/// The management layer's timers on top of QEMU (libvirt, Nova, KubeVirt): the downtime ramp,
/// the completion and progress timeouts, and what a timeout does.
extension PrecopyController {
    // MARK: management timers

    mutating func handleTimers() {
        // Fields read in place: `let m = parameters.management` copied the policy (and retained
        // its array) at every decision point.
        while nextDowntimeStep < parameters.management.downtimeSteps.count,
              nowSeconds >= startSeconds + parameters.management.downtimeSteps[nextDowntimeStep].afterSeconds {
            let limit = parameters.management.downtimeSteps[nextDowntimeStep].downtimeLimitSeconds
            nextDowntimeStep += 1
            if limit != downtimeLimitSeconds {
                downtimeLimitSeconds = limit
                emit(.changeDowntimeLimit(seconds: limit))
            }
        }
        if let c = parameters.management.completionTimeoutSeconds, !timeoutFired, nowSeconds >= startSeconds + c {
            timeoutFired = true
            applyTimeoutAction(parameters.management.timeoutAction)
            if phase != .precopy && phase != .setup { return }
        }
        if let p = parameters.management.progressTimeoutSeconds, nowSeconds >= lastProgressSeconds + p {
            emit(.abort(.progressTimeout))
            finish(.aborted, .aborted(.progressTimeout))
        }
    }

    /// Memory bytes still to send if the guest stopped now: the unsent part of the current pass
    /// plus what was dirtied since the last sync.
    var pendingMemoryBytes: Double {
        if usesQemuLoop { return loopPendingMemoryBytes }
        let unsent = passWireBytes > 0 ? passMemoryBytes * max(0, 1 - passWireBytesSent / passWireBytes) : 0
        return min(memoryBytes, unsent + guest.dirtyPages * pageBytes)
    }

    mutating func applyTimeoutAction(_ action: TimeoutAction) {
        switch action {
        case .abort:
            emit(.abort(.completionTimeout))
            finish(.aborted, .aborted(.completionTimeout))
        case .pauseAndComplete:
            if phase == .setup { beginPrecopy() }
            emit(.pauseAndComplete)
            beginStopAndCopy(finalMemoryBytes: pendingMemoryBytes, reason: .pausedAndCopied)
        case .switchToPostcopy:
            if phase == .setup { beginPrecopy() }
            if parameters.postcopy != nil {
                beginPostcopy(remainingMemoryBytes: pendingMemoryBytes)
            } else {
                emit(.pauseAndComplete)
                beginStopAndCopy(finalMemoryBytes: pendingMemoryBytes, reason: .pausedAndCopied)
            }
        }
    }
}
