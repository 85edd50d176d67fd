import FleetModel
import MaintenancePolicy
import MigrationEngine
import Testing
@testable import FleetSimulation

/// The setup memo hands back what it was given only for the very inputs it was made from:
/// any other memory size, zero-page share, step or guest makes a fresh one.
@Suite struct LiveSetupMemoTests {
    let step = LiveStep(attempts: 1, engine: .qemu, autoConverge: false, postcopy: false, timeoutAction: .abort)

    @Test func parametersOnlyForTheSameInputs() {
        var memo = LiveSetupMemo()
        let key = LiveSetupMemo.ParametersKey(memoryBytes: 1 << 30, zeroPageFraction: 0.2, step: step)
        #expect(memo.parameters.value(for: key) == nil)
        var p = MigrationParameters(memoryBytes: 1 << 30)
        p.zeroPageFraction = 0.2
        memo.parameters.remember(p, for: key)
        #expect(memo.parameters.value(for: key)?.memoryBytes == 1 << 30)
        var other = key
        other.memoryBytes += 4096
        #expect(memo.parameters.value(for: other) == nil)
        other = key
        other.zeroPageFraction = 0.3
        #expect(memo.parameters.value(for: other) == nil)
        other = key
        other.step.autoConverge = true
        #expect(memo.parameters.value(for: other) == nil)
    }

    @Test func guestModelOnlyForTheSameGuestAndFresh() {
        var memo = LiveSetupMemo()
        let guest = GuestDirtying(dirtyBytesPerSecond: 100e6)
        let key = LiveSetupMemo.GuestKey(memoryBytes: 1 << 30, pageSizeBytes: 4096, guest: guest)
        let model = DirtyModel.analytic(GuestWorkload.uniform(memoryBytes: 1 << 30, pageSizeBytes: 4096,
                                                              rate: .bytesPerSecond(100e6), distribution: .uniform))
        memo.guest.remember(model, for: key)
        // A copy handed out and driven does not dirty the memo's.
        var first = memo.guest.value(for: key)!
        first.advance(seconds: 1, runFraction: 1)
        #expect(first.dirtyPages > 0)
        #expect(memo.guest.value(for: key)!.dirtyPages == 0)
        var other = key
        other.guest.dirtyBytesPerSecond = 50e6
        #expect(memo.guest.value(for: other) == nil)
        other = key
        other.pageSizeBytes = 2 << 20
        #expect(memo.guest.value(for: other) == nil)
    }
}
