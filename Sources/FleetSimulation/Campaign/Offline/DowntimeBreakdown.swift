import SimKernel

/// One attempt's downtime split by what the stopped guest was waiting for. The parts sum to
/// the attempt's downtime exactly (integer nanoseconds), so reports can show both.
public struct DowntimeBreakdown: Sendable, Equatable, Codable {
    /// The guest stopping before anything moves (a reboot or cold move's stop, a manual
    /// migration's terminate, a stop in place for its whole length).
    public var stop: SimTime = .zero
    /// The middle of an offline move, with the guest down: a cold move's root-disk copy, a
    /// reboot migration's volume reassignment (and a DenseIO rebuild), a manual migration's
    /// relaunch and reattach.
    public var copy: SimTime = .zero
    /// Starting on the target: boot, or a manual migration's application restart.
    public var boot: SimTime = .zero
    /// A live migration's switchover (stop-and-copy, post-copy blackout), with any post-copy
    /// pause after a link cut.
    public var blackout: SimTime = .zero

    public init(stop: SimTime = .zero, copy: SimTime = .zero, boot: SimTime = .zero, blackout: SimTime = .zero) {
        self.stop = stop
        self.copy = copy
        self.boot = boot
        self.blackout = blackout
    }

    public enum Part: Sendable {
        case stop, copy, boot, blackout
    }

    public var total: SimTime { stop + copy + boot + blackout }

    public mutating func add(_ d: SimTime, to part: Part) {
        switch part {
        case .stop: stop += d
        case .copy: copy += d
        case .boot: boot += d
        case .blackout: blackout += d
        }
    }
}
