import Testing
@testable import Scenario
import MigrationEngine

/// Issue 11: `guest.distribution`, `campaign.live_migration.qemu_version` and `first_pass_rate`.
@Suite struct EngineKeysTests {
    @Test func engineKeysAreRead() throws {
        let yaml = """
            fleet:
              hosts:
                - name: h1
                  shape_family: E4
                  ocpus: 8
                  memory: 64GiB
              instances:
                - name: i1
                  shape: VM.Standard.E4.Flex
                  ocpus: 1
                  memory: 4GiB
                  host: h1
                  guest: {dirty: 10MiB/s, distribution: sequential}
            campaign:
              hosts: all
              live_migration: {preset: qemu, qemu_version: "7.2", first_pass_rate: 256MiB/s}

            """
        let s = try #require(schemaLoadOK(yaml))
        #expect(s.config.fleet.instances.first?.guest.sequentialWrites == true)
        #expect(s.config.campaign.liveMigration.qemuVersion == .v7_2)
        #expect(s.config.campaign.liveMigration.firstPassBytesPerSecond == Double(256 * 1024 * 1024))
        let p = s.config.campaign.liveMigration.parameters(memoryBytes: 1 << 30, zeroPageFraction: 0)
        #expect(p.qemuVersion == .v7_2)
    }

    @Test func badDistributionIsAnError() {
        let yaml = minimalScenario.replacingOccurrences(of: "      memory: 64GiB\n", with: """
                  memory: 64GiB
              instances:
                - name: i1
                  shape: VM.Standard.E4.Flex
                  ocpus: 1
                  memory: 4GiB
                  host: h1
                  guest: {distribution: random}

            """)
        let (scenario, diagnostics) = schemaLoad(yaml)
        #expect(scenario == nil)
        #expect(diagnostics.contains { $0.description.contains("distribution") })
    }
}
