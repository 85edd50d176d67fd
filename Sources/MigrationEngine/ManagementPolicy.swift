/// What the management layer does when its completion timeout expires.
public enum TimeoutAction: String, Sendable, Equatable, CaseIterable {
    /// Cancel the migration; the guest keeps running on the source.
    case abort
    /// Pause the guest and finish the copy offline (`virsh migrate --timeout-suspend`, Nova
    /// `force_complete` without post-copy).
    case pauseAndComplete = "pause"
    /// Switch to post-copy (`virsh migrate --timeout-postcopy`, Nova `force_complete` when post-copy
    /// is permitted, KubeVirt with allowPostCopy).
    case switchToPostcopy = "postcopy"
}

/// What happens when Xen's iteration limits are hit.
public enum LimitAction: String, Sendable, Equatable {
    /// Suspend the domain and send what is left (xc_domain_save: `last_iter = 1`, suspend_and_state).
    case stopAndCopy = "stop-and-copy"
    /// Give up instead.
    case abort
}

/// One step of a downtime schedule: from `afterSeconds` of elapsed migration time on, the
/// downtime limit is `downtimeLimitSeconds`.
public struct DowntimeStep: Sendable, Equatable {
    public var afterSeconds: Double
    public var downtimeLimitSeconds: Double
    public init(afterSeconds: Double, downtimeLimitSeconds: Double) {
        self.afterSeconds = afterSeconds
        self.downtimeLimitSeconds = downtimeLimitSeconds
    }

    /// Nova's schedule (nova/virt/libvirt/migration.py downtime_steps): with D = max downtime,
    /// S = steps, delay = int(downtime_delay x data_gb): step i in 0...S is at int(delay x i)
    /// seconds with limit int(D/S + (D - D/S)/S x i) ms. Nova applies a step once the elapsed
    /// time exceeds its mark (update_downtime: `elapsed > step[0]`).
    public static func nova(maxDowntimeMilliseconds: Int, steps: Int, delaySecondsPerGiB: Int,
                            dataGiB: Double) -> [DowntimeStep] {
        let delay = Int(Double(delaySecondsPerGiB) * dataGiB)
        let base = Double(maxDowntimeMilliseconds) / Double(steps)
        let offset = (Double(maxDowntimeMilliseconds) - base) / Double(steps)
        return (0...steps).map { i in
            DowntimeStep(afterSeconds: Double(delay * i),
                         downtimeLimitSeconds: Double(Int(base + offset * Double(i))) / 1000)
        }
    }
}

/// The management layer on top of QEMU: libvirt, Nova, KubeVirt or Xen's toolstack.
public struct ManagementPolicy: Sendable, Equatable {
    /// Downtime limit changes over time (Nova's ramp); empty = the limit stays as set.
    public var downtimeSteps: [DowntimeStep] = []
    /// Seconds after the start before `timeoutAction` fires; nil = never.
    public var completionTimeoutSeconds: Double? = nil
    public var timeoutAction: TimeoutAction = .abort
    /// Abort when the dirty set at a sync has not reached a new minimum for this long; nil = never.
    public var progressTimeoutSeconds: Double? = nil
    /// Xen: at most this many live passes (xc_domain_save max_iters, DEF_MAX_ITERS 29).
    public var maxLivePasses: Int? = nil
    /// Xen: stop once total pages sent exceed this factor x guest pages (DEF_MAX_FACTOR 3).
    public var maxSentFactor: Double? = nil
    /// Xen: stop once a pass sent fewer than this many pages (`sent_this_iter + skip_this_iter < 50`).
    public var minPagesPerPass: Int? = nil
    public var limitAction: LimitAction = .stopAndCopy
    /// Whether QEMU's own bandwidth x downtime-limit switchover applies (Xen has no such rule).
    public var switchoverRuleEnabled = true
    public init() {}
}
