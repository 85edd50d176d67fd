import FleetModel
import FleetSimulation
import Foundation
import Reporting
import Scenario
import Stochastics
import Testing

/// 300 random valid scenarios, written as YAML and read like a user's file: policies none,
/// OCI and LXD; local and remote storage; instances returning or not; host failures, rack
/// outages, link degradations and migration faults on or off; engine presets (QEMU loop,
/// Nova, Xen per-pass, SimGrid rounds); bandwidths and dirty rates across three orders of
/// magnitude. Each runs with the invariant checker (no instance lost or duplicated, capacity
/// never exceeded, downtime and bytes accounted) and its outcome tables must add up: the
/// campaign's rows to `instances_in_campaign`, campaign plus bystanders to the fleet.
@Suite struct RandomScenarioPropertyTests {
    static let count = 300

    static func yaml(_ k: Int, _ rng: RandomStream) -> String {
        func pick<T>(_ xs: [T]) -> T { xs[rng.uniformInt(below: xs.count)] }
        let hosts = 4 + rng.uniformInt(below: 9)
        let instances = 4 + rng.uniformInt(below: 21)
        let policy = pick(["", "", "policy: {preset: oci}", "policy: {preset: lxd}"])
        let preset = pick(["qemu", "nova", "libvirt", "kubevirt", "xen", "simgrid"])
        let storage = pick(["local", "remote"])
        let campaignHosts = (0..<(1 + rng.uniformInt(below: max(1, hosts / 2)))).map { "h-\(String(format: "%04d", $0))" }
        var failures: [String] = []
        if rng.bernoulli(0.5) { failures.append("hosts: {mtbf: \(1 + rng.uniformInt(below: 5))d, repair: \(pick(["30min", "2h"]))}") }
        if rng.bernoulli(0.3) { failures.append("migrations: {abort_per_attempt: \(pick(["5%", "50%", "100%"])), setup_error: \(pick(["0", "10%"]))}") }
        if rng.bernoulli(0.3) {
            failures.append("links: {scheduled: [{link: {host: h-0000}, at: \(pick(["10s", "5min", "1h"])), duration: 30min, remaining: \(pick(["0", "10%"]))}]}")
        }
        return """
            name: random-\(k)
            seed: \(k)
            horizon: \(pick(["12h", "3d"]))
            fleet:
              network: {oversubscription: \(pick(["1", "4"])), nic_latency: \(pick(["0s", "10us"]))}
              host_groups:
                - {name: h, count: \(hosts), shape_family: E4, ocpus: 128, memory: \(pick(["256GiB", "512GiB"])), nic: \(pick(["1Gbit/s", "10Gbit/s", "100Gbit/s"])), hosts_per_rack: \(2 + rng.uniformInt(below: 4))}
              instance_groups:
                - name: vm
                  count: \(instances)
                  shape: E4
                  ocpus: \(pick(["1", "2", "8"]))
                  memory: \(pick(["1GiB", "8GiB", "32GiB"]))
                  attributes: {storage: \(storage)}
                  guest: {dirty: \(pick(["0", "5MiB/s", "100MiB/s", "2GiB/s"]))}
            campaign:
              hosts: [\(campaignHosts.joined(separator: ", "))]
              move: \(pick(["live", "reboot", "live"]))
              live_attempts: \(1 + rng.uniformInt(below: 3))
              return_instances: \(rng.bernoulli(0.4))
              max_hosts_in_maintenance: \(1 + rng.uniformInt(below: 3))
              maintenance_duration: \(pick(["10min", "2h"]))
              live_migration: {preset: \(preset)}
            \(policy)
            \(failures.isEmpty ? "" : "failures:\n" + failures.map { "  " + $0 }.joined(separator: "\n"))
            """
    }

    /// Six slices of 50, run in parallel; case k's scenario depends on k only.
    @Test(arguments: 0..<6)
    func invariantsHoldAndTablesAddUp(slice: Int) throws {
        var ran = 0, rejected: [String] = []
        let cases = (slice * Self.count / 6)..<((slice + 1) * Self.count / 6)
        for k in cases {
            let text = Self.yaml(k, RandomStream(seed: 20261205 &+ UInt64(k)))
            let loaded: LoadedScenario
            switch ScenarioLoader.load(yaml: text, file: "random-\(k).yaml") {
            case .success(let l): loaded = l
            case .failure(let e): rejected.append("\(k): \(e.rendered)"); continue
            }
            let config = loaded.config
            let fleet: Fleet
            do { fleet = try FleetBuilder.build(config.fleet, seed: config.seed) } catch { rejected.append("\(k): \(error)"); continue }
            let recorder = RunRecorder(fleet: fleet)
            let checker = InvariantChecker(fleet: fleet)
            let result = try CampaignRunner.run(config: config, fleet: fleet, replication: 0, observers: [recorder, checker])
            checker.finish()
            #expect(checker.violations.isEmpty, "case \(k): \(checker.violations.prefix(3))\n\(text)")
            let m = ReplicationMetrics(result: result, recorder: recorder)
            let campaign = m.finalStateCounts.filter { $0.state != .untouched }.reduce(0) { $0 + $1.count }
            let bystanders = m.bystanderStateCounts.reduce(0) { $0 + $1.count }
            #expect(campaign == m.instancesInCampaign, "case \(k): campaign rows \(campaign) vs \(m.instancesInCampaign)")
            #expect(campaign + bystanders == fleet.instances.count, "case \(k): every instance once")
            #expect(m.finalStateCounts.first { $0.state == .untouched }?.count ?? 0 == 0, "case \(k): untouched is a bystander state")
            ran += 1
        }
        // The generator only writes valid scenarios: every one must load and run.
        #expect(rejected.isEmpty, "\(rejected.prefix(3))")
        #expect(ran == cases.count)
    }
}
