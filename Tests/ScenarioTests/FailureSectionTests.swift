import Testing
import FleetModel
import FleetSimulation
import SimKernel
import Stochastics
@testable import Scenario

/// Read a document whose root holds `failures:`.
func readFailures(_ yaml: String) -> (value: FailureConfig?, diagnostics: [ScenarioDiagnostic]) {
    read(yaml, schema: .stochastics) { root in root.mapping("failures") { FailureSection.read($0) } }
}

private let day = 86_400.0

@Suite struct FailureSectionTests {
    @Test func anEmptySectionInjectsNothing() {
        let (value, diagnostics) = readFailures("failures: {}\n")
        #expect(diagnostics.isEmpty)
        #expect(value == FailureConfig.none)
    }

    @Test func everyGroupIsRead() throws {
        let yaml = """
        failures:
          hosts:
            scheduled:
              - {host: e4-03, at: 2h, repair: 4h}
              - {host: e4-05, at: 1d}
            mtbf: 1000d
            repair: {dist: lognormal, median: 2h, p99: 1d}
          racks:
            scheduled:
              - {rack: e4-rack-01, kind: power, at: 3h, duration: 1h}
              - {rack: FD-2/e4-rack-02, kind: tor, at: 5h, duration: 20min}
            power: {per_rack: 0.5/365d, outage: {dist: lognormal, median: 1h, p99: 8h}}
            tor: {per_rack: 2/w, outage: 30min}
          links:
            scheduled:
              - {link: spine, at: 1h, duration: 1h, remaining: 10%}
              - {link: {host: e4-07}, at: 5h, duration: 10min, remaining: 0}
              - {link: {rack: e4-rack-00}, at: 6h, duration: 10min, remaining: 0.5}
              - {link: client, at: 7h, duration: 1s, remaining: 0%}
            nic: {per_link: 1/90d, duration: 5min}
            spine: {per_link: 3 / 30d, duration: {dist: exponential, mean: 10min}, remaining: {dist: uniform, min: 0%, max: 50%}}
          migrations:
            abort_per_attempt: 2%
            abort_per_gib: 0.05%
            setup_error: 1%
            setup_error_delay: 2min
            reboot_failure: 3%
            link_stall_timeout: 45s
          customers:
            never_respond: 10%
        """
        let (value, diagnostics) = readFailures(yaml)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let c = try #require(value)
        #expect(c.hosts.scheduled == [ScheduledHostFailure(host: "e4-03", at: .hours(2), repairAfter: .hours(4)),
                                      ScheduledHostFailure(host: "e4-05", at: .days(1))])
        #expect(c.hosts.timeToFailureSeconds == .exponential(mean: 1_000 * day))
        #expect(c.hosts.repairSeconds == (try .lognormal(median: 7_200, p99: day)))
        #expect(c.racks.scheduled == [ScheduledRackFault(rack: "e4-rack-01", kind: .power, at: .hours(3), duration: .hours(1)),
                                      ScheduledRackFault(rack: "FD-2/e4-rack-02", kind: .tor, at: .hours(5), duration: .minutes(20))])
        #expect(c.racks.power?.ratePerRackPerSecond == 0.5 / (365 * day))
        #expect(c.racks.tor == RandomRackFaults(ratePerRackPerSecond: 2 / (7 * day), outageSeconds: .constant(1_800)))
        #expect(c.links.scheduled.map(\.link) == [.spine, .hostNIC("e4-07"), .rackUplink("e4-rack-00"), .client])
        #expect(c.links.scheduled.map(\.remainingFraction) == [0.1, 0, 0.5, 0])
        #expect(c.links.random[.nic] == RandomLinkFaults(ratePerLinkPerSecond: 1 / (90 * day), durationSeconds: .constant(300),
                                                         remainingFraction: .constant(0)))
        #expect(c.links.random[.spine]?.ratePerLinkPerSecond == 3 / (30 * day))
        #expect(c.links.random[.spine]?.remainingFraction == .uniform(min: 0, max: 0.5))
        #expect(c.links.random[.rack] == nil)
        #expect(c.migrations == MigrationFaults(abortPerAttempt: 0.02, abortPerGiB: 0.0005, setupErrorProbability: 0.01,
                                               rebootFailureProbability: 0.03, linkStallTimeout: .seconds(45),
                                               setupErrorDelaySeconds: .constant(120)))
        #expect(c.customers.neverRespondFraction == 0.1)
    }

    @Test func mtbfAsAMappingIsTheTimeToFailureDistribution() throws {
        let yaml = """
        failures:
          hosts:
            mtbf: {dist: weibull, scale: 500d, shape: 1.5}
        """
        let (value, diagnostics) = readFailures(yaml)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(value?.hosts.timeToFailureSeconds == .weibull(scale: 500 * day, shape: 1.5))
    }

    @Test func anUnknownKeyIsSuggested() throws {
        let (value, diagnostics) = readFailures("failures:\n  migrations:\n    abort_per_attmpt: 2%\n")
        #expect(value == nil)
        let d = try #require(diagnostics.first)
        #expect(d.code == .unknownKey)
        #expect(d.path.description == "failures.migrations.abort_per_attmpt")
        #expect(d.suggestion == "abort_per_attempt")
        let (_, top) = readFailures("failures:\n  host:\n    mtbf: 10d\n")
        #expect(top.first?.suggestion == "hosts")
    }

    @Test func aMissingUnitIsAnError() throws {
        let (_, stall) = readFailures("failures:\n  migrations:\n    link_stall_timeout: 30\n")
        #expect(stall.first?.code == .missingUnit)
        #expect(stall.first?.path.description == "failures.migrations.link_stall_timeout")
        let (_, rate) = readFailures("failures:\n  racks:\n    power: {per_rack: 0.5, outage: 1h}\n")
        let d = try #require(rate.first)
        #expect(d.code == .missingUnit)
        #expect(d.path.description == "failures.racks.power.per_rack")
        #expect(d.description.contains("0.5/365d"))
        let (_, mtbf) = readFailures("failures:\n  hosts:\n    mtbf: 1000\n")
        #expect(mtbf.first?.code == .missingUnit)
    }

    @Test func aYearIsWrittenInDays() throws {
        let (_, diagnostics) = readFailures("failures:\n  racks:\n    power: {per_rack: 0.5/y, outage: 1h}\n")
        let d = try #require(diagnostics.first)
        #expect(d.code == .unknownUnit)
        #expect(d.suggestion == "365d")
    }

    @Test func badValuesAreReportedWhereTheyAre() throws {
        let yaml = """
        failures:
          racks:
            scheduled:
              - {rack: r1, kind: powr, at: 1h, duration: 1h}
          links:
            scheduled:
              - {link: spin, at: 1h, duration: 1h, remaining: 10%}
              - {link: {host: a, rack: b}, at: 1h, duration: 1h, remaining: 10%}
              - {link: spine, at: 1h, duration: 1h, remaining: 150%}
              - {link: spine, at: 1h, duration: 1h}
        """
        let (value, diagnostics) = readFailures(yaml)
        #expect(value == nil)
        let byPath = Dictionary(diagnostics.map { ($0.path.description, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byPath["failures.racks.scheduled[0].kind"]?.suggestion == "power")
        #expect(byPath["failures.links.scheduled[0].link"]?.suggestion == "spine")
        #expect(byPath["failures.links.scheduled[1].link.rack"]?.code == .invalidValue)
        #expect(byPath["failures.links.scheduled[2].remaining"]?.code == .outOfRange)
        #expect(byPath["failures.links.scheduled[3].remaining"]?.code == .missingKey)
    }

    /// Names are checked when the plan is built: the error names the entry's key path, which
    /// the loader turns into a line and column.
    @Test func anUnknownHostNameIsAnErrorAtItsEntry() throws {
        let yaml = """
        failures:
          hosts:
            scheduled:
              - {host: h1, at: 1h}
              - {host: h3, at: 1h}
        """
        let config = try #require(readFailures(yaml).value)
        let hosts = ["h1", "h2"].map {
            HostSpec(name: $0, shapeFamily: "E4", ocpus: 8, memoryBytes: 64 << 30, nicBytesPerSecond: 1e9)
        }
        let fleet = try FleetBuilder.build(FleetSpec(hosts: hosts), seed: 1)
        var allocator = BandwidthAllocator()
        let topology = NetworkTopology(fleet: fleet, layout: NetworkLayout(), allocator: &allocator)
        do {
            _ = try FailurePlan.make(config: config, fleet: fleet, topology: topology, replicationSeed: 1, horizon: .days(1))
            Issue.record("expected an unknown-host error")
        } catch {
            #expect(error.keyPath == "failures.hosts.scheduled[1].host")
            #expect(error.message.contains("no host named 'h3'"))
            #expect(error.message.contains("did you mean"))
            #expect(FieldPath(parsing: error.keyPath).description == "failures.hosts.scheduled[1].host")
        }
    }
}
