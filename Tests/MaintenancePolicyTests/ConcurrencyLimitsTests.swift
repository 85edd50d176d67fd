import Testing
import FleetModel
@testable import MaintenancePolicy

@Suite struct ConcurrencyLimitsTests {
    let a = HostID(0), b = HostID(1), c = HostID(2), d = HostID(3), e = HostID(4)
    let nic = 25e9 / 8

    func acquire(_ slots: inout MigrationSlots, _ s: HostID, _ t: HostID,
                 sourceNIC: Double = 25e9 / 8, targetNIC: Double = 25e9 / 8) -> Bool {
        slots.tryAcquire(source: s, target: t, sourceNICBytesPerSecond: sourceNIC, targetNICBytesPerSecond: targetNIC)
    }

    @Test func presetsAsShipped() {
        #expect(ConcurrencyLimits.preset(.nova) == ConcurrencyLimits(outboundPerHost: 1))
        #expect(ConcurrencyLimits.preset(.kubevirt) == ConcurrencyLimits(outboundPerHost: 2, global: 5))
        #expect(ConcurrencyLimits.preset(.lxd) == ConcurrencyLimits(outboundPerHost: 1))
        #expect(ConcurrencyLimits.preset(.incus).outboundPerHost == 4)            // assumed 64 threads
        #expect(ConcurrencyLimits.preset(.incus, incusCPUThreads: 8).outboundPerHost == 1)
        #expect(ConcurrencyLimits.preset(.incus, incusCPUThreads: 256).outboundPerHost == 16)
        #expect(ConcurrencyLimits.preset(.unlimited) == ConcurrencyLimits())
        let v = ConcurrencyLimits.preset(.vsphere)
        #expect(v.perHost == 8 && v.outboundPerHost == nil && v.global == nil)
        #expect(ConcurrencyLimits.Preset.allCases.map(\.rawValue) == ["nova", "kubevirt", "vsphere", "lxd", "incus", "unlimited"])
    }

    @Test func vsphereHostLimitFollowsTheNIC() {
        let v = ConcurrencyLimits.preset(.vsphere)
        #expect(v.hostLimit(nicBytesPerSecond: ConcurrencyLimits.oneGbEBytesPerSecond) == 4)
        #expect(v.hostLimit(nicBytesPerSecond: ConcurrencyLimits.tenGbEBytesPerSecond) == 8)
        #expect(v.hostLimit(nicBytesPerSecond: 100e9 / 8) == 8)     // capped by the host cost, 8
        #expect(v.hostLimit(nicBytesPerSecond: 0.1e9 / 8) == 4)     // below 1GigE: the lowest tier
        #expect(v.overriding(.perHost, with: 6).hostLimit(nicBytesPerSecond: 100e9 / 8) == 6)
    }

    @Test func vsphereSlotsOnMixedNICs() {
        var slots = MigrationSlots(limits: .preset(.vsphere), hostCount: 10)
        let oneGbE = ConcurrencyLimits.oneGbEBytesPerSecond, tenGbE = ConcurrencyLimits.tenGbEBytesPerSecond
        // A 1GbE source takes 4 migrations (in and out together), a 10GbE one 8.
        for k in 0..<4 { #expect(acquire(&slots, a, HostID(2 + k), sourceNIC: oneGbE, targetNIC: tenGbE)) }
        #expect(!acquire(&slots, a, HostID(6), sourceNIC: oneGbE, targetNIC: tenGbE))
        #expect(slots.blocker(source: HostID(7), target: a, sourceNICBytesPerSecond: tenGbE,
                              targetNICBytesPerSecond: oneGbE) == .host(a))
        for k in 0..<8 { #expect(acquire(&slots, b, HostID(2 + k), sourceNIC: tenGbE, targetNIC: tenGbE), "\(k)") }
        #expect(!acquire(&slots, b, HostID(9), sourceNIC: tenGbE, targetNIC: tenGbE))
        #expect(slots.migrations(on: HostID(2)) == 2)
        slots.release(source: a, target: HostID(2))
        #expect(acquire(&slots, a, HostID(6), sourceNIC: oneGbE, targetNIC: tenGbE))
    }

    @Test func novaOneOutboundPerHost() {
        var slots = MigrationSlots(limits: .preset(.nova), hostCount: 5)
        #expect(acquire(&slots, a, c))
        #expect(!acquire(&slots, a, d))
        #expect(slots.blocker(source: a, target: d, sourceNICBytesPerSecond: nic, targetNICBytesPerSecond: nic) == .outbound(a))
        #expect(acquire(&slots, b, c))       // inbound is unlimited
        slots.release(source: a, target: c)
        #expect(acquire(&slots, a, d))
        #expect(slots.outbound == [1, 1, 0, 0, 0] && slots.inbound == [0, 0, 1, 1, 0] && slots.active == 2)
    }

    @Test func kubevirtTwoPerNodeFivePerCluster() {
        var slots = MigrationSlots(limits: .preset(.kubevirt), hostCount: 6)
        #expect(acquire(&slots, a, d))
        #expect(acquire(&slots, a, e))
        #expect(!acquire(&slots, a, HostID(5)))
        #expect(acquire(&slots, b, d))
        #expect(acquire(&slots, b, e))
        #expect(acquire(&slots, c, d))
        #expect(slots.blocker(source: c, target: e, sourceNICBytesPerSecond: nic, targetNICBytesPerSecond: nic) == .global)
        slots.release(source: b, target: d)
        #expect(acquire(&slots, c, e))
        #expect(slots.active == 5)
    }

    @Test func lxdOneAtATimeIncusAPool() {
        var lxd = MigrationSlots(limits: .preset(.lxd), hostCount: 3)
        #expect(acquire(&lxd, a, b))
        #expect(!acquire(&lxd, a, c))
        var incus = MigrationSlots(limits: .preset(.incus, incusCPUThreads: 32), hostCount: 4)
        #expect(acquire(&incus, a, b) && acquire(&incus, a, c))
        #expect(!acquire(&incus, a, d))
    }

    @Test func inboundLimit() {
        var slots = MigrationSlots(limits: ConcurrencyLimits(inboundPerHost: 1), hostCount: 3)
        #expect(acquire(&slots, a, c))
        #expect(slots.blocker(source: b, target: c, sourceNICBytesPerSecond: nic, targetNICBytesPerSecond: nic) == .inbound(c))
        #expect(acquire(&slots, b, a))
    }

    @Test func overridesKeyByKey() {
        let limits = ConcurrencyLimits(preset: .kubevirt, overrides: [.global: nil, .inboundPerHost: 3])
        #expect(limits == ConcurrencyLimits(outboundPerHost: 2, inboundPerHost: 3))
        #expect(ConcurrencyLimits.preset(.nova).overriding(.outboundPerHost, with: 4).outboundPerHost == 4)
        #expect(ConcurrencyLimits.Key.allCases.map(\.rawValue) == ["outbound_per_host", "inbound_per_host", "per_host", "global"])
        var unlimited = MigrationSlots(limits: .preset(.unlimited), hostCount: 2)
        for _ in 0..<1_000 { #expect(acquire(&unlimited, a, b)) }
        #expect(unlimited.active == 1_000)
    }

    @Test func releasingAnUnheldSlotTraps() async {
        await #expect(processExitsWith: .failure) {
            var slots = MigrationSlots(limits: .preset(.unlimited), hostCount: 2)
            slots.release(source: HostID(0), target: HostID(1))
        }
    }
}
