/// What the kernel calls for each event. A generic parameter, not an existential, so the
/// compiler specialises the run loop for the model's concrete type.
public protocol EventHandler<Payload> {
    associatedtype Payload
    mutating func handle(_ payload: Payload, at time: SimTime, kernel: inout Kernel<Payload>)
}

/// The simulation clock and its pending events.
public struct Kernel<Payload> {
    public var queue = EventQueue<Payload>()
    @usableFromInline var currentTime: SimTime = .zero
    @usableFromInline var processed: Int = 0
    @usableFromInline var stopRequested = false
    /// Watchdog: a model that keeps scheduling events at the instant it is handling never
    /// lets time advance (a livelock, not a long run). After this many events at one
    /// simulated instant `run` stops and records where (`stall`). 10 M is ~2 s of a busy
    /// model on one core, far beyond any legitimate burst (the largest shipped scenario peaks
    /// at ~10^5 events at one instant, its start).
    public var maxEventsAtOneInstant = 10_000_000
    /// Set when the watchdog stopped the run: the instant and the event being handled.
    @inlinable public var stall: (time: SimTime, payload: Payload)? { stallRecord }
    @usableFromInline var stallRecord: (time: SimTime, payload: Payload)?
    /// The time of the event being handled (or of the last one handled).
    @inlinable public var now: SimTime { currentTime }
    /// Events handed to the handler so far.
    @inlinable public var eventsProcessed: Int { processed }

    public init() {}

    /// Schedule `payload` at `now + delay`. Negative delays are a model bug.
    @inlinable @discardableResult
    public mutating func schedule(after delay: SimTime, _ payload: Payload) -> EventHandle {
        precondition(delay.nanoseconds >= 0, "cannot schedule into the past (delay \(delay))")
        return queue.schedule(at: now + delay, payload)
    }

    /// Schedule at an absolute time, which must not be in the past.
    @inlinable @discardableResult
    public mutating func schedule(at time: SimTime, _ payload: Payload) -> EventHandle {
        precondition(time >= now, "cannot schedule into the past (\(time) < \(now))")
        return queue.schedule(at: time, payload)
    }

    @inlinable @discardableResult
    public mutating func cancel(_ handle: EventHandle) -> Bool { queue.cancel(handle) }

    /// Stop `run` after the current event, leaving later events pending.
    @inlinable public mutating func stop() { stopRequested = true }

    /// Process events in time order (ties in scheduling order) until none is left at or before `horizon`.
    /// Afterwards `now` is the time of the last event processed, or `horizon` if the queue
    /// still holds later events (the run was cut by the horizon).
    @inlinable
    public mutating func run<H: EventHandler>(until horizon: SimTime, handler: inout H) where H.Payload == Payload {
        stopRequested = false
        var atThisInstant = 0
        while let (time, payload) = queue.pop(notAfter: horizon) {
            if time == currentTime {
                atThisInstant &+= 1
                if atThisInstant > maxEventsAtOneInstant { stallRecord = (time, payload); return }
            } else {
                atThisInstant = 0
            }
            currentTime = time
            processed &+= 1
            handler.handle(payload, at: time, kernel: &self)
            if stopRequested { return }
        }
        if !queue.isEmpty && horizon != .max { currentTime = Swift.max(currentTime, horizon) }
    }
}
