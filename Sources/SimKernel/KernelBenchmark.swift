/// The kernel micro-benchmark behind `fleetsim bench kernel`.
///
/// A hold model (the classic priority-queue benchmark, Jones 1986): `population` events are
/// pending; each processed event schedules one successor a pseudo-random delay ahead, and
/// every `cancelEvery`-th event also schedules and then cancels a decoy, the pattern flow
/// re-rating produces. It measures the pop/schedule/cancel path with a realistic queue size.
public enum KernelBenchmark {
    public struct Result: Sendable {
        public let events: Int
        public let seconds: Double
        public var eventsPerSecond: Double { Double(events) / seconds }
    }

    enum Tick { case tick(UInt64) }

    struct HoldModel: EventHandler {
        var state: UInt64
        let cancelEvery: Int
        var remaining: Int

        mutating func handle(_ payload: Tick, at time: SimTime, kernel: inout Kernel<Tick>) {
            remaining -= 1
            if remaining == 0 { kernel.stop() }
            guard case .tick(let id) = payload else { return }
            // xorshift64: cheap, deterministic delays of 1 ns .. ~1 ms
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            let delay = SimTime(nanoseconds: Int64(state % 1_000_000) + 1)
            kernel.schedule(after: delay, .tick(id &+ 1))
            if cancelEvery > 0, remaining % cancelEvery == 0 {
                let decoy = kernel.schedule(after: delay + delay, .tick(0))
                kernel.cancel(decoy)
            }
        }
    }

    /// Process `events` events with `population` pending; `clock` returns monotonic seconds.
    public static func run(events: Int, population: Int, cancelEvery: Int = 4,
                           clock: () -> Double) -> Result {
        var kernel = Kernel<Tick>()
        var model = HoldModel(state: 0x2545_F491_4F6C_DD1D, cancelEvery: cancelEvery, remaining: events)
        for i in 0..<population {
            kernel.schedule(at: SimTime(nanoseconds: Int64(i)), .tick(UInt64(i)))
        }
        let start = clock()
        kernel.run(until: .max, handler: &model)
        let elapsed = clock() - start
        return Result(events: kernel.eventsProcessed, seconds: elapsed)
    }
}
