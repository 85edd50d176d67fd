import FleetModel
import MaintenancePolicy
import MigrationEngine
import SimKernel
import Stochastics
import Testing
@testable import FleetSimulation

/// Live migrations on the shared network, end to end through the campaign.
@Suite struct LiveCampaignTests {
    static let nic = 100e6  // bytes/s: slow enough that fixed engine costs are < 0.2 % of a move

    /// Host A (source, in the campaign) and targets B and C, one rack, NICs of `nic`.
    func config(instances: [(String, Int64)], outbound: Int) -> SimulationConfig {
        let hosts = ["A", "B", "C"].map {
            HostSpec(name: $0, shapeFamily: "E4", ocpus: 64, memoryBytes: 256 << 30, nicBytesPerSecond: Self.nic)
        }
        let vms = instances.map { InstanceSpec(name: $0.0, shape: "E4", ocpus: 1, memoryBytes: $0.1 << 30, host: "A") }
        var campaign = CampaignConfig(hosts: .names(["A"]), maxOutboundPerHost: outbound, maintenanceDuration: .constant(60))
        campaign.move = .live
        // Uncapped (libvirt's default), so the NIC share alone sets the rate.
        campaign.liveMigration = LiveMigrationConfig(preset: .libvirt, maxBandwidthBytesPerSecond: .some(nil))
        return SimulationConfig(name: "live", seed: 1, horizon: .days(1), fleet: FleetSpec(hosts: hosts, instances: vms),
                                campaign: campaign, rebootMigration: fixedReboot)
    }

    /// Wire bytes of a guest of `gib` with no dirtying: every page plus its 8-byte header
    /// (QEMU's save_page_header).
    func wireBytes(_ gib: Int64) -> Double { Double(gib << 30) * (1 + 8.0 / 4096) }

    func endTimes(_ out: RunOutput) -> [Double] {
        out.facts.compactMap { if case let .attemptEnded(_, _, .live, .completed, _, _, _, _, t) = $0 { return t.seconds } else { return nil } }
    }

    /// Two migrations out of one host share its NIC: each gets half the rate until the
    /// smaller one finishes, then the survivor gets all of it. Closed form: the 4 GiB guest
    /// ends at 2·X4/R, the 8 GiB one at 2·X4/R + (X8 − X4)/R.
    @Test func twoMigrationsShareTheNICAndTheSurvivorSpeedsUp() throws {
        let out = try runCampaign(config(instances: [("small", 4), ("large", 8)], outbound: 2))
        #expect(out.violations.isEmpty, "\(out.violations)")
        let ends = endTimes(out)
        try #require(ends.count == 2)
        let r = Self.nic
        let small = 2 * wireBytes(4) / r
        let large = small + (wireBytes(8) - wireBytes(4)) / r
        #expect(abs(ends[0] - small) / small < 0.002, "small ended at \(ends[0]), closed form \(small)")
        #expect(abs(ends[1] - large) / large < 0.002, "large ended at \(ends[1]), closed form \(large)")
    }

    /// One at a time (Nova's limit): no sharing, each at the full rate, back to back, each
    /// exactly as long as the engine alone takes on a fixed wire of the NIC's rate.
    @Test func oneOutboundMigrationAtATimeRunsAtFullRate() throws {
        let c = config(instances: [("small", 4), ("large", 8)], outbound: 1)
        let out = try runCampaign(c)
        let ends = endTimes(out)
        try #require(ends.count == 2)
        func alone(_ gib: Int64) -> Double {
            let p = c.campaign.liveMigration.parameters(memoryBytes: gib << 30, zeroPageFraction: 0)
            let guest = GuestWorkload.uniform(memoryBytes: gib << 30, rate: .bytesPerSecond(0))
            return MigrationRun.run(parameters: p, guest: .analytic(guest), wire: .fixed(bytesPerSecond: Self.nic)).totalTimeSeconds
        }
        #expect(abs(ends[0] - alone(4)) < 1e-6)
        #expect(abs(ends[1] - (alone(4) + alone(8))) < 1e-6)
        // And the engine's time is the wire time to within its fixed costs.
        #expect(abs(alone(4) - wireBytes(4) / Self.nic) / alone(4) < 0.005)
    }

    /// Every live migration's bytes went over the wire it was given, and every link's bytes
    /// equal its flows' (the checker's conservation rule), on a generated fleet with
    /// oversubscribed uplinks and guests that dirty memory.
    @Test func liveCampaignKeepsTheBooks() throws {
        var c = try generatedConfig(hosts: 16, instances: 160, seed: 4, maxHosts: 4, outbound: 2)
        c.campaign.move = .live
        c.fleet.instanceGroups[0].guest = GuestSpec(dirtyBytesPerSecond: try .lognormal(median: 20 * 1_048_576, p99: 400 * 1_048_576))
        c.network = NetworkLayout(oversubscription: 8)
        let out = try runCampaign(c)
        #expect(out.violations.isEmpty, "\(out.violations.prefix(3))")
        var flows = 0
        for case .flowEnded in out.facts { flows += 1 }
        #expect(flows > 0)
    }

    /// The engine's quiet bounds change how often the model asks for decision points, not
    /// what happens: the same facts, fact by fact, with and without them, on fleets whose
    /// shared uplinks re-rate the flows many times per pass (QEMU loop, Nova's timers).
    @Test(arguments: [(UInt64(4), ManagementPreset.nova), (5, .qemu), (6, .libvirt)])
    func quietBoundsKeepEveryFact(seed: UInt64, preset: ManagementPreset) throws {
        var c = try generatedConfig(hosts: 16, instances: 200, seed: seed, maxHosts: 6, outbound: 2)
        c.campaign.move = .live
        c.campaign.liveMigration = LiveMigrationConfig(preset: preset, maxBandwidthBytesPerSecond: .some(nil))
        c.fleet.instanceGroups[0].guest = GuestSpec(dirtyBytesPerSecond: try .lognormal(median: 20 * 1_048_576, p99: 400 * 1_048_576))
        c.network = NetworkLayout(oversubscription: 8)
        var reference = c
        reference.campaign.liveMigration.quietBounds = false
        let bounded = try runCampaign(c)
        let exact = try runCampaign(reference)
        #expect(bounded.violations.isEmpty, "\(bounded.violations.prefix(3))")
        #expect(transcript(bounded.facts) == transcript(exact.facts))
        // Bounds were waited on: each is an event of its own.
        #expect(bounded.result.eventsProcessed > exact.result.eventsProcessed)
    }
}
