import FleetSimulation
import SimKernel
import Stochastics

/// Scenario knobs: the top level, `report` and `reboot_migration`.
extension ScenarioKnobs {
    /// `top`
    enum Top {
        /// Absent: the file name without extension (known only when reading).
        static var name: Knob<String> {
            Knob(KnobDoc(
                "name", type: "string", default: "the file name without extension",
                meaning: "shown in reports"),
                 .string)
        }
        static var description: Knob<String> {
            Knob(KnobDoc(
                "description", type: "string", default: "empty",
                meaning: "free text"),
                 .string, default: "")
        }
        /// A fixed default keeps a scenario without a seed reproducible.
        static var seed: Knob<Int> {
            Knob(KnobDoc(
                "seed", type: "count", default: "`1`",
                meaning: "the scenario seed; `fleetsim run --seed` overrides it. A fixed default keeps scenarios without a seed reproducible"),
                 .count, default: 1)
        }
        static var replications: Knob<Int> {
            Knob(KnobDoc(
                "replications", type: "count >= 1", default: "`1`",
                meaning: "independent replications; `--replications` overrides"),
                 .count(range: .atLeast(1)), default: 1)
        }
        /// A campaign that has not finished after 90 days is stuck; the report says so.
        static var horizon: Knob<SimTime> {
            Knob(KnobDoc(
                "horizon", type: "duration > 0", default: "`90d`",
                meaning: "simulated time after which the run stops; instances not yet resolved are reported `unresolved` (a campaign not finished after 90 days is stuck)"),
                 .duration(range: .positive), default: .days(90))
        }
        /// GSL's own default generator.
        static var rng: Knob<GeneratorKind> {
            Knob(KnobDoc(
                "rng", type: "`mt19937`, `ranlxd2`, `ranlxs0`, `taus2`, `gfsr4`", default: "`mt19937`",
                meaning: "GSL generator type; mt19937 is GSL's own default"),
                 .enumeration(GeneratorKind.self, noun: "generator"), default: .mt19937)
        }
        static var resample: Knob<ReplicationResample> {
            Knob(KnobDoc(
                "resample", type: "`none`, `workload`, `fleet`", default: "`workload`",
                meaning: "what varies between replications besides the run's own draws (see [Randomness](#randomness-and-reproducibility)): `none` draws the fleet and every guest's dirty rates once from the seed; `workload` keeps the fleet and draws every generated guest's dirty rates afresh per replication (the default: dirty rates are given as distributions, and a confidence interval should cover them); `fleet` draws the whole generated fleet (shapes, placement, workloads) afresh per replication"),
                 .enumeration(ReplicationResample.self, noun: "resample mode"), default: .default)
        }
        static let fleet = KnobDoc(
            "fleet", type: "mapping", default: "required",
            meaning: "network, hosts and instances, below")
        static let campaign = KnobDoc(
            "campaign", type: "mapping", default: "required",
            meaning: "what is drained and how, below")
        static let policy = KnobDoc(
            "policy", type: "mapping", default: "none",
            meaning: "the maintenance policy: which action each instance gets, and why ([policy reference](policy-reference.md)); see [Policy and `campaign.move`](#policy-and-campaignmove)")
        static let rebootMigration = KnobDoc(
            "reboot_migration", type: "mapping", default: "see below",
            meaning: "durations of reboot migration (and of cold moves' stop and boot)")
        static let report = KnobDoc(
            "report", type: "mapping", default: "see below",
            meaning: "report options")
        static let failures = KnobDoc(
            "failures", type: "mapping", default: "none",
            meaning: "hosts, racks, links, migration attempts and customers that fail during the run ([failure reference](failure-reference.md))")
        static var table: KnobTable {
            KnobTable(id: "top", file: .scenarioReference, header: "| key | type | default | meaning |", knobs: [
                name, description, seed, replications, horizon, rng, resample, fleet, campaign, policy, rebootMigration, report, failures])
        }
    }

    /// `report`
    enum Report {
        /// Ten minutes resolves a drain's traffic on the uplinks without flooding the report;
        /// `ScenarioLimits.linkSampleInterval` also bounds it by the horizon.
        static var linkSampleInterval: Knob<SimTime> {
            Knob(KnobDoc(
                "link_sample_interval", type: "duration, at least the horizon / 1,000,000", default: "`10min`",
                meaning: "how often the rack up/downlinks, the spine and the client link are sampled for `link_utilisation.csv` and `peak_uplink_utilisation` (fleetsim's choice: resolves a drain's traffic without flooding the report)"),
                 .duration(range: .positive), default: .minutes(10))
        }
        static var table: KnobTable {
            KnobTable(id: "report", file: .scenarioReference, header: "| key | type | default | meaning (source of the default) |", knobs: [
                linkSampleInterval])
        }
    }

    /// `reboot_migration`
    enum Reboot {
        /// A graceful guest stop. OCI promises only "a short downtime": fleetsim's assumption for a VM with a remote boot
        /// volume, as operators describe durations (median and p99).
        static var stop: DistributionKnob {
            DistributionKnob(KnobDoc(
                "stop", type: "distribution of durations", default: "`{dist: lognormal, median: 15s, p99: 1min}`"),
                 .duration, default: try! .lognormal(median: 15, p99: 60))
        }
        /// The control plane re-assigning the instance to a healthy host (an assumption).
        static var reassign: DistributionKnob {
            DistributionKnob(KnobDoc(
                "reassign", type: "distribution of durations", default: "`{dist: lognormal, median: 30s, p99: 2min}`"),
                 .duration, default: try! .lognormal(median: 30, p99: 120))
        }
        /// A guest boot (an assumption).
        static var boot: DistributionKnob {
            DistributionKnob(KnobDoc(
                "boot", type: "distribution of durations", default: "`{dist: lognormal, median: 45s, p99: 3min}`"),
                 .duration, default: try! .lognormal(median: 45, p99: 180))
        }
        static var table: KnobTable {
            KnobTable(id: "reboot_migration", file: .scenarioReference, header: "| key | type | default |", knobs: [
                stop, reassign, boot])
        }
    }
}
