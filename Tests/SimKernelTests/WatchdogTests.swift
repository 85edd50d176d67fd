import Testing
@testable import SimKernel

/// The kernel's no-progress watchdog: a handler that keeps scheduling at the instant it is
/// handling stops the run with the instant and the event, instead of spinning for ever; a
/// long but progressing run is not stopped.
@Suite struct WatchdogTests {
    struct Spinner: EventHandler {
        var handled = 0
        let stopAfterNanoseconds: Int64
        mutating func handle(_ payload: Int, at time: SimTime, kernel: inout Kernel<Int>) {
            handled += 1
            // Time advances until `stopAfterNanoseconds`, then the model livelocks.
            let delay = time.nanoseconds < stopAfterNanoseconds ? SimTime(nanoseconds: 1) : .zero
            kernel.schedule(after: delay, payload + 1)
        }
    }

    @Test func aLivelockStopsWithItsInstant() {
        var kernel = Kernel<Int>()
        kernel.maxEventsAtOneInstant = 1_000
        kernel.schedule(at: .zero, 0)
        var model = Spinner(stopAfterNanoseconds: 50)
        kernel.run(until: .max, handler: &model)
        let stall = try? #require(kernel.stall)
        #expect(stall?.time == SimTime(nanoseconds: 50))
        #expect(model.handled == 50 + 1_000 + 1)
    }

    @Test func progressIsNotAStall() {
        var kernel = Kernel<Int>()
        kernel.maxEventsAtOneInstant = 10
        kernel.schedule(at: .zero, 0)
        var model = Spinner(stopAfterNanoseconds: .max)
        kernel.run(until: SimTime(nanoseconds: 100_000), handler: &model)
        #expect(kernel.stall == nil)
        #expect(model.handled == 100_001)
    }
}
