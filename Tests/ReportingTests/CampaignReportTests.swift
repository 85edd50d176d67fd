import FleetModel
import FleetSimulation
import Foundation
import SimKernel
import Stochastics
import Testing
@testable import Reporting

/// Reports built from real (small) campaign runs.
enum SmallCampaign {
    static let gib: Int64 = 1_073_741_824

    /// Six hosts, two per rack, racks over three fault domains (FD-1 holds hosts 0 and 1);
    /// twelve instances spread two per host; the campaign drains FD-1.
    static func config(seed: UInt64 = 7, horizon: SimTime = .days(30), onNoTarget: NoTargetAction = .wait,
                       instanceGroups: [InstanceGroupSpec]? = nil, explicitInstances: [InstanceSpec] = [],
                       hosts: HostSelection = .faultDomain("FD-1"), hostCount: Int = 6) -> SimulationConfig {
        let fleet = FleetSpec(
            region: "test",
            hostGroups: [HostGroupSpec(name: "e4", count: hostCount, shapeFamily: "E4", ocpus: 16, memoryBytes: 128 * gib,
                                       nicBytesPerSecond: 25e9 / 8, faultDomains: ["FD-1", "FD-2", "FD-3"],
                                       hostsPerRack: 2)],
            instanceGroups: instanceGroups ?? [
                InstanceGroupSpec(name: "vm", count: 12, shape: "E4", ocpus: .constant(2),
                                  memoryBytes: .uniform(min: Double(8 * gib), max: Double(32 * gib))),
            ],
            instances: explicitInstances)
        return SimulationConfig(
            name: "small", seed: seed, horizon: horizon, fleet: fleet,
            campaign: CampaignConfig(hosts: hosts, maxHostsInMaintenance: 1, maxOutboundPerHost: 2,
                                     maintenanceDuration: .constant(3_600), onNoTarget: onNoTarget),
            rebootMigration: RebootMigrationConfig(stopSeconds: .uniform(min: 5, max: 20),
                                                   reassignSeconds: .constant(30),
                                                   bootSeconds: try! .lognormal(median: 40, p99: 120)))
    }

    struct Outcome {
        let fleet: Fleet
        let report: CampaignReport
        let recorders: [(replication: Int, recorder: RunRecorder)]
        let results: [RunResult]
        let checkers: [InvariantChecker]
    }

    /// Run `replications` replications the way the CLI does.
    static func run(_ config: SimulationConfig, replications: Int) throws -> Outcome {
        let fleet = try FleetBuilder.build(config.fleet, seed: config.seed, generator: config.generator)
        let campaignHosts = try CampaignRunner.campaignHosts(config, fleet: fleet)
        var metrics: [ReplicationMetrics] = []
        var recorders: [(Int, RunRecorder)] = []
        var results: [RunResult] = []
        var checkers: [InvariantChecker] = []
        for r in 0..<replications {
            let recorder = RunRecorder(fleet: fleet)
            let checker = InvariantChecker(fleet: fleet)
            let result = try CampaignRunner.run(config: config, fleet: fleet, replication: r, observers: [recorder, checker])
            checker.finish()
            metrics.append(ReplicationMetrics(result: result, recorder: recorder))
            recorders.append((r, recorder))
            results.append(result)
            checkers.append(checker)
        }
        let identity = RunIdentity(scenarioName: config.name, scenarioFile: "small.yaml", seed: config.seed,
                                   replications: replications, horizonSeconds: config.horizon.seconds,
                                   generator: config.generator.rawValue, hosts: fleet.hosts.count,
                                   instances: fleet.instances.count, campaignHosts: campaignHosts.count,
                                   toolVersion: "test")
        return Outcome(fleet: fleet, report: CampaignReport(identity: identity, replications: metrics),
                       recorders: recorders, results: results, checkers: checkers)
    }
}

/// Split CSV text into records of fields (RFC 4180, quoted fields may hold commas, quotes
/// and line breaks).
func parseCSV(_ text: String) -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var quoted = false
    var chars = Array(text.unicodeScalars)[...]
    while let c = chars.popFirst() {
        if quoted {
            if c == "\"" {
                if chars.first == "\"" { field.unicodeScalars.append("\""); chars.removeFirst() } else { quoted = false }
            } else {
                field.unicodeScalars.append(c)
            }
        } else if c == "\"" {
            quoted = true
        } else if c == "," {
            record.append(field); field = ""
        } else if c == "\n" {
            record.append(field); field = ""
            records.append(record); record = []
        } else {
            field.unicodeScalars.append(c)
        }
    }
    if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
    return records
}

@Suite struct CampaignReportTests {
    @Test func countsAreConsistentAfterARealRun() throws {
        let outcome = try SmallCampaign.run(SmallCampaign.config(), replications: 2)
        #expect(outcome.fleet.instances.count == 12)
        #expect(outcome.checkers.allSatisfy { $0.violations.isEmpty })
        let onCampaignHosts = outcome.fleet.instances.filter { outcome.fleet[$0.initialHost].location.faultDomain == "FD-1" }.count
        #expect(onCampaignHosts > 0 && onCampaignHosts < 12)
        for m in outcome.report.replications {
            let moved = m.count(.moved), skipped = m.count(.skipped)
            let unresolved = m.count(.unresolved), untouched = m.bystanderCount(.untouched)
            #expect(m.count(.untouched) == 0)
            #expect(moved + skipped + unresolved == m.instancesInCampaign)
            #expect(moved + skipped + unresolved + untouched == m.instances)
            #expect(m.instances == 12)
            // Plenty of room and time: every instance of the drained fault domain moved.
            #expect(moved == onCampaignHosts)
            #expect(untouched == 12 - onCampaignHosts)
            #expect(skipped == 0 && unresolved == 0)
            #expect(m.instancesInCampaign == onCampaignHosts)
            #expect(m.campaignCompleted)
            #expect(m.hostsDrained == 2)
            #expect(m.attempts == moved && m.attemptsCompleted == moved)
            #expect(m.downtimeSeconds.count == moved)
            // stop (5-20 s) + reassign (30 s) + boot (> 0): at least 35 s each.
            #expect(m.downtimeSeconds.allSatisfy { $0 > 35 })
            // Two hosts one after the other, each down an hour after draining.
            let makespan = try #require(m.campaignMakespanSeconds)
            #expect(makespan > 2 * 3_600 && makespan < 3 * 3_600)
            let drain = try #require(m.drainMakespanSeconds)
            #expect(drain > 3_600 && drain < makespan)
            #expect(m.eventsProcessed > 0)
        }
        // Replications draw differently but move the same instances.
        let r0 = outcome.report.replications[0], r1 = outcome.report.replications[1]
        #expect(r0.seed != r1.seed)
        #expect(r0.downtimeSeconds != r1.downtimeSeconds)
        #expect(outcome.report.meanCount(of: .moved) == Double(onCampaignHosts))
        #expect(outcome.report.completedReplications == 2)
        let movedRate = try #require(outcome.report.rate(of: .moved))
        #expect(movedRate.proportion == 1)
        #expect(outcome.report.rate(of: .untouched) == nil)
    }

    @Test func sameSeedSameReport() throws {
        let a = try SmallCampaign.run(SmallCampaign.config(seed: 11), replications: 2)
        let b = try SmallCampaign.run(SmallCampaign.config(seed: 11), replications: 2)
        #expect(a.report.summaryJSON().rendered() == b.report.summaryJSON().rendered())
        #expect(InstanceCSV.render(a.recorders) == InstanceCSV.render(b.recorders))
        #expect(a.report.summaryMarkdown() == b.report.summaryMarkdown())
        let c = try SmallCampaign.run(SmallCampaign.config(seed: 12), replications: 2)
        #expect(a.report.summaryJSON().rendered() != c.report.summaryJSON().rendered())
    }

    @Test func skippedInstancesWhenTheFleetIsFull() throws {
        // Two hosts, each full: nothing can move; with on_no_target skip, all are skipped.
        let full = InstanceGroupSpec(name: "vm", count: 16, shape: "E4", ocpus: .constant(2),
                                     memoryBytes: .constant(Double(16 * SmallCampaign.gib)))
        let config = SmallCampaign.config(onNoTarget: .skip, instanceGroups: [full], hosts: .all, hostCount: 2)
        let outcome = try SmallCampaign.run(config, replications: 1)
        #expect(outcome.checkers.allSatisfy { $0.violations.isEmpty })
        let m = try #require(outcome.report.replications.first)
        #expect(m.count(.skipped) == 16)
        #expect(m.count(.moved) + m.count(.skipped) + m.count(.unresolved) + m.count(.untouched) == 16)
        #expect(m.attempts == 0)
        #expect(m.downtimeSeconds.isEmpty)
        // Nothing moved: no downtime figures, reported as null.
        let json = outcome.report.summaryJSON().rendered()
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let pooled = try #require((parsed["downtime_s"] as? [String: Any])?["pooled"] as? [String: Any])
        #expect(pooled["n"] as? Int == 0)
        #expect(pooled["mean"] is NSNull)
    }

    @Test func unresolvedInstancesWhenTheHorizonCutsTheRunShort() throws {
        let outcome = try SmallCampaign.run(SmallCampaign.config(horizon: .seconds(10)), replications: 1)
        #expect(outcome.checkers.allSatisfy { $0.violations.isEmpty })
        let m = try #require(outcome.report.replications.first)
        #expect(!m.campaignCompleted)
        #expect(m.campaignMakespanSeconds == nil)
        #expect(m.count(.unresolved) > 0)
        #expect(m.count(.moved) + m.count(.skipped) + m.count(.unresolved) == m.instancesInCampaign)
        #expect(m.instancesInCampaign + m.bystanderCount(.untouched) == m.instances)
        #expect(outcome.report.completedReplications == 0)
        #expect(outcome.report.summaryMarkdown().contains("1 of 1 replications did not finish the campaign before the horizon."))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.report.summaryJSON().rendered().utf8)) as? [String: Any])
        let campaign = try #require(json["campaign"] as? [String: Any])
        #expect(campaign["completed_replications"] as? Int == 0)
        #expect((campaign["makespan_s"] as? [String: Any])?["mean"] is NSNull)
    }
}

@Suite struct SummaryJSONTests {
    @Test func schemaAndVersionComeFirstAndTheDocumentParses() throws {
        let outcome = try SmallCampaign.run(SmallCampaign.config(), replications: 2)
        let text = outcome.report.summaryJSON().rendered()
        #expect(text.hasPrefix("{\n  \"schema\": \"fleetsim.summary\",\n  \"schema_version\": 2,\n"))
        #expect(text.hasSuffix("}\n"))
        guard case .object(let members) = outcome.report.summaryJSON() else {
            Issue.record("summary is not an object"); return
        }
        #expect(members.map(\.0) == ["schema", "schema_version", "tool", "scenario", "fleet", "campaign", "outcomes",
                                     "bystanders", "attempts", "abort_reasons", "moved_by", "policy", "fell_back_to_reboot_mean", "network",
                                     "downtime_s", "failures", "queueing_delay_s", "waited_for_capacity", "replications"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(json["schema"] as? String == "fleetsim.summary")
        #expect(json["schema_version"] as? Int == CampaignReport.schemaVersion)
        #expect(json["tool"] as? String == "fleetsim test")
        let scenario = try #require(json["scenario"] as? [String: Any])
        #expect(scenario["name"] as? String == "small")
        #expect(scenario["seed"] as? Int == 7)
        #expect(scenario["replications"] as? Int == 2)
        #expect(scenario["horizon_s"] as? Int == 30 * 86_400)
        #expect(scenario["rng"] as? String == "mt19937")
        let fleet = try #require(json["fleet"] as? [String: Any])
        #expect(fleet["hosts"] as? Int == 6)
        #expect(fleet["instances"] as? Int == 12)
        #expect(fleet["campaign_hosts"] as? Int == 2)
        let outcomes = try #require(json["outcomes"] as? [String: Any])
        #expect(Set(outcomes.keys) == ["moved", "skipped", "stopped", "restarted", "lost", "crashed", "unresolved", "untouched"])
        let counts = try ["moved", "skipped", "unresolved", "untouched"].map { key in
            try #require((outcomes[key] as? [String: Any])?["count_mean"] as? Double)
        }
        #expect(counts.reduce(0, +) == 12)
        let replications = try #require(json["replications"] as? [[String: Any]])
        #expect(replications.count == 2)
        for r in replications {
            let sum = ["moved", "skipped", "unresolved", "untouched"].compactMap { r[$0] as? Int }.reduce(0, +)
            #expect(sum == 12)
        }
    }

    @Test func seedsAreWrittenAsUnsignedIntegers() throws {
        // Seeds use the whole UInt64 range; a seed above Int64.max must not come out negative.
        let outcome = try SmallCampaign.run(SmallCampaign.config(seed: UInt64.max), replications: 2)
        let text = outcome.report.summaryJSON().rendered()
        #expect(text.contains("\"seed\": 18446744073709551615,"))
        for r in outcome.report.replications {
            #expect(text.contains("\"seed\": \(r.seed),"))
        }
        #expect(!text.contains("\"seed\": -"))
    }

    @Test func confidenceIntervalsWithTwoOrMoreReplications() throws {
        let outcome = try SmallCampaign.run(SmallCampaign.config(), replications: 3)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.report.summaryJSON().rendered().utf8)) as? [String: Any])
        let makespan = try #require((json["campaign"] as? [String: Any])?["makespan_s"] as? [String: Any])
        let mean = try #require(makespan["mean"] as? Double)
        let low = try #require(makespan["ci95_low"] as? Double)
        let high = try #require(makespan["ci95_high"] as? Double)
        #expect(low < mean && mean < high)
        #expect(makespan["n"] as? Int == 3)
        let meanDowntime = try #require((json["downtime_s"] as? [String: Any])?["mean_per_replication"] as? [String: Any])
        #expect(meanDowntime["ci95_low"] is Double && meanDowntime["ci95_high"] is Double)
        #expect(outcome.report.summaryMarkdown().contains(" – "))
        #expect(!outcome.report.summaryMarkdown().contains("n/a (1 run)"))
    }

    @Test func confidenceIntervalsAreNullWithOneReplication() throws {
        let outcome = try SmallCampaign.run(SmallCampaign.config(), replications: 1)
        let text = outcome.report.summaryJSON().rendered()
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let makespan = try #require((json["campaign"] as? [String: Any])?["makespan_s"] as? [String: Any])
        #expect(makespan["mean"] is Double)
        #expect(makespan["ci95_low"] is NSNull)
        #expect(makespan["ci95_high"] is NSNull)
        #expect(makespan["n"] as? Int == 1)
        #expect(outcome.report.summaryMarkdown().contains("n/a (1 run)"))
    }

    @Test func acrossReplicationsStatistics() throws {
        let three = AcrossReplications([1, 2, 3])
        #expect(three.count == 3 && three.mean == 2 && three.min == 1 && three.max == 3)
        // t(0.975, 2) = 4.302653; s = 1; half width = 4.302653 / sqrt(3).
        let half = 4.302652729911275 / 3.0.squareRoot()
        // 2 - half < 0: the interval is cut at 0, the least value of a non-negative metric.
        #expect(three.ci95Low == 0 && three.clamped)
        let unclamped = AcrossReplications([1, 2, 3], lowerBound: -.infinity)
        #expect(abs((unclamped.ci95Low ?? .nan) - (2 - half)) < 1e-9 && !unclamped.clamped)
        let narrow = AcrossReplications([10, 11, 12])
        #expect(abs((narrow.ci95Low ?? .nan) - (11 - half)) < 1e-9 && !narrow.clamped)
        #expect(abs((three.ci95High ?? .nan) - (2 + half)) < 1e-9)
        let one = AcrossReplications([5])
        #expect(one.mean == 5 && one.ci95Low == nil && one.ci95High == nil)
        let none = AcrossReplications([])
        #expect(none.count == 0 && none.mean == nil && none.min == nil)
        #expect(none.json == .object([("mean", .null), ("ci95_low", .null), ("ci95_high", .null),
                                      ("min", .null), ("max", .null), ("n", .int(0))]))
    }
}

@Suite struct InstanceCSVTests {
    @Test func oneRowPerAttemptAndOnePerUntouchedInstance() throws {
        let outcome = try SmallCampaign.run(SmallCampaign.config(), replications: 2)
        let records = parseCSV(InstanceCSV.render(outcome.recorders))
        #expect(records.first == InstanceCSV.header)
        let rows = records.dropFirst()
        #expect(rows.allSatisfy { $0.count == InstanceCSV.header.count })
        let column = Dictionary(uniqueKeysWithValues: InstanceCSV.header.enumerated().map { ($1, $0) })
        var expectedRows = 0
        for (_, rec) in outcome.recorders {
            let attempted = Set(rec.attempts.map(\.instance))
            expectedRows += rec.attempts.count + rec.fleet.instances.filter { !attempted.contains($0.id) }.count
        }
        #expect(rows.count == expectedRows)
        #expect(Set(rows.map { $0[column["replication"]!] }) == ["0", "1"])
        // Rows are ordered by replication, then instance.
        let keys = rows.map { ($0[column["replication"]!], $0[column["instance"]!]) }
        #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 <= $1 })
        for row in rows {
            let state = row[column["final_state"]!]
            if state == "moved" {
                #expect(row[column["action"]!] == "reboot")
                #expect(row[column["outcome"]!] == "completed")
                #expect(row[column["final_host"]!] == row[column["target_host"]!])
                #expect(row[column["source_host"]!] != row[column["target_host"]!])
                #expect((Double(row[column["downtime_s"]!]) ?? 0) > 0)
            } else {
                #expect(state == "untouched")
                #expect(row[column["attempt"]!] == "")
                #expect(row[column["final_host"]!] == row[column["source_host"]!])
                #expect(row[column["downtime_s"]!] == "0")
            }
        }
        // Ended - started equals stop + reassign + boot downtime for a reboot migration.
        for row in rows where row[column["final_state"]!] == "moved" {
            let started = try #require(Double(row[column["started_at_s"]!]))
            let ended = try #require(Double(row[column["ended_at_s"]!]))
            let downtime = try #require(Double(row[column["downtime_s"]!]))
            #expect(abs((ended - started) - downtime) < 2e-6)
        }
    }

    @Test func namesWithCommasAndQuotesAreQuoted() throws {
        let odd = InstanceSpec(name: "db, \"primary\"", shape: "E4", ocpus: 2, memoryBytes: 8 * SmallCampaign.gib,
                               host: "e4-0000")
        let config = SmallCampaign.config(instanceGroups: [], explicitInstances: [odd])
        let outcome = try SmallCampaign.run(config, replications: 1)
        let text = InstanceCSV.render(outcome.recorders)
        #expect(text.contains("\"db, \"\"primary\"\"\""))
        let records = parseCSV(text)
        #expect(records.count == 2)
        #expect(records[1].count == InstanceCSV.header.count)
        #expect(records[1][1] == "db, \"primary\"")
        #expect(records[1][InstanceCSV.header.firstIndex(of: "final_state")!] == "moved")
    }
}
