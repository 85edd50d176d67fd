import FleetModel
import FleetSimulation
import MaintenancePolicy
import Stochastics

/// Scenario knobs: `campaign` and `campaign.limits`.
extension ScenarioKnobs {
    /// `campaign`
    enum Campaign {
        static var hosts: Knob<HostSelection> {
            Knob(KnobDoc(
                "hosts", type: "`all`, a non-empty list of host names, `{fault_domain: NAME}` or `{rack: NAME}`", default: "required",
                meaning: "hosts to drain, in list order or fleet order"),
                 CampaignSection.hostSelection)
        }
        static var order: Knob<String> {
            Knob(KnobDoc(
                "order", type: "`list`, `by_fault_domain`, `by_rack`, `rolling`", default: "`list`",
                meaning: "`list`: in order, `max_hosts_in_maintenance` at a time. `by_fault_domain` (grouped by availability domain and fault domain) and `by_rack` (by fault domain and rack): one group at a time, the next starting when every host of the previous is back in service (how OCI schedules infrastructure maintenance), `max_hosts_in_maintenance` at a time within it. `rolling`: ceil(`rolling_fraction` x campaign hosts), at least 1, in maintenance at once, overriding `max_hosts_in_maintenance`"),
                 .oneOf(["list", "by_fault_domain", "by_rack", "rolling"], noun: "order"), default: "list")
        }
        /// fleetsim's choice: a tenth of the campaign's hosts at once.
        static var rollingFraction: Knob<Double> {
            Knob(KnobDoc(
                "rolling_fraction", type: "fraction in (0, 1]", default: "`0.1`",
                meaning: "only with `order: rolling` (an error otherwise); the default is fleetsim's"),
                 .quantity(.fraction, range: .between(0.0001, 1)), default: 0.1)
        }
        /// The conservative choice: one host out of service at a time.
        static var maxHostsInMaintenance: Knob<Int> {
            Knob(KnobDoc(
                "max_hosts_in_maintenance", type: "count >= 1", default: "`1`",
                meaning: "hosts draining or down at once (the conservative choice)"),
                 .count(range: .atLeast(1)), default: 1)
        }
        /// Nova's `max_concurrent_live_migrations` default (nova/conf/compute.py).
        static var maxOutboundPerHost: Knob<Int> {
            Knob(KnobDoc(
                "max_outbound_per_host", type: "count >= 1", default: "`1`",
                meaning: "shortcut for `limits.outbound_per_host`, applied on top of `limits` (Nova's `max_concurrent_live_migrations` default, nova/conf/compute.py)"),
                 .count(range: .atLeast(1)), default: 1)
        }
        static var maxInboundPerHost: Knob<Int> {
            Knob(KnobDoc(
                "max_inbound_per_host", type: "count >= 1", default: "none",
                meaning: "shortcut for `limits.inbound_per_host`"),
                 .count(range: .atLeast(1)))
        }
        static var maxConcurrentMigrations: Knob<Int> {
            Knob(KnobDoc(
                "max_concurrent_migrations", type: "count >= 1", default: "none",
                meaning: "shortcut for `limits.global`"),
                 .count(range: .atLeast(1)))
        }
        static let limits = KnobDoc(
            "limits", type: "mapping", default: "outbound 1 per host, nothing else (= preset `nova`)",
            meaning: "concurrent moves (below)")
        /// How long a drained host stays down: a fleetsim assumption (firmware or kernel update
        /// plus checks), not a published figure. Scenarios should state their own.
        static var maintenanceDuration: DistributionKnob {
            DistributionKnob(KnobDoc(
                "maintenance_duration", type: "distribution of durations", default: "`2h`",
                meaning: "how long a drained host stays down (a fleetsim assumption; state yours)"),
                 .duration, default: .constant(2 * 3_600))
        }
        static var placement: Knob<PlacementStrategy> {
            Knob(KnobDoc(
                "placement", type: "`least_loaded`, `best_fit`, `spread`, `fewest_instances`, `first_fit`", default: "`least_loaded`",
                meaning: "target choice: most free memory, then OCPUs (Nova's RAM and CPU weighers); tightest fit; fewest resident instances, ties by most free memory; fewest instances, ties by lowest host id (LXD's scheduler, but skipping hosts without room); first in fleet order. Hosts due for maintenance later in the campaign are chosen only when nothing else fits. No strategy overcommits a host"),
                 .enumeration(PlacementStrategy.self, noun: "placement strategy"), default: .leastLoaded)
        }
        static var spread: Knob<FaultDomainSpread> {
            Knob(KnobDoc(
                "spread", type: "`none`, `soft`, `hard`", default: "`none`",
                meaning: "anti-affinity groups across fault domains: `soft` prefers a target in a fault domain holding no other member of the group, `hard` requires one (else the instance has no target). Instances without a group are unaffected"),
                 .enumeration(FaultDomainSpread.self, noun: "spread"), default: .none)
        }
        static var onNoTarget: Knob<NoTargetAction> {
            Knob(KnobDoc(
                "on_no_target", type: "`wait`, `skip`, `stop`", default: "`wait`",
                meaning: "no host has room: wait for capacity (a host returns, a move completes); leave the instance in place and report it `skipped` (LXD's evacuation skips); or stop it in place (Incus). Under an `lxd` or `incus` policy, `policy.lxd.on_no_target` decides instead"),
                 .enumeration(NoTargetAction.self, noun: "action"), default: .wait)
        }
        static var move: Knob<MoveKind> {
            Knob(KnobDoc(
                "move", type: "`live`, `reboot`", default: "`reboot`",
                meaning: "without a policy: how every instance is moved (`live` falls back to reboot migration)"),
                 .enumeration(MoveKind.self, noun: "move"), default: .reboot)
        }
        static let liveMigration = KnobDoc(
            "live_migration", type: "mapping", default: "preset `nova`",
            meaning: "the live-migration engine (below)")
        /// At most 100: each attempt is a full first pass or a setup delay, so 10^6 attempts of
        /// an instance whose attempts all abort would run for hours and keep 10^6 records each;
        /// no orchestrator retries a live migration more than a handful of times.
        static var liveAttempts: Knob<Int> {
            Knob(KnobDoc(
                "live_attempts", type: "count 1-100", default: "`1`",
                meaning: "without a policy: live attempts per instance, each on a fresh target, before the fallback (1: no retry); also the attempts a return move gets (`return_instances`) before the instance is left where it is"),
                 .count(range: .between(1, 100)), default: 1)
        }
        static var returnInstances: Knob<Bool> {
            Knob(KnobDoc(
                "return_instances", type: "bool", default: "`false`",
                meaning: "move instances back to their host when it returns (`lxc cluster restore`, vSphere maintenance-mode exit with DRS)"),
                 .bool, default: false)
        }
        static var noticesAtCampaignStart: Knob<Bool> {
            Knob(KnobDoc(
                "notices_at_campaign_start", type: "bool", default: "`true`",
                meaning: "with a policy: send reboot- and manual-migration notices to every campaign instance that needs one when the campaign starts (OCI schedules the due date when it plans the maintenance), rather than when its host enters maintenance"),
                 .bool, default: true)
        }
        static var table: KnobTable {
            KnobTable(id: "campaign", file: .scenarioReference, header: "| key | type | default | meaning (source of the default) |", knobs: [
                hosts, order, rollingFraction, maxHostsInMaintenance, maxOutboundPerHost, maxInboundPerHost, maxConcurrentMigrations, limits, maintenanceDuration, placement, spread, onNoTarget, move, liveMigration, liveAttempts, returnInstances, noticesAtCampaignStart])
        }
    }

    /// `campaign.limits`
    enum Limits {
        static var preset: Knob<ConcurrencyLimits.Preset> {
            Knob(KnobDoc(
                "preset", type: "`nova`, `kubevirt`, `vsphere`, `lxd`, `incus`, `unlimited`", default: "`nova`",
                meaning: "the values below"),
                 .enumeration(ConcurrencyLimits.Preset.self, noun: "preset"), default: .nova)
        }
        static let outboundPerHost = KnobDoc(
            "outbound_per_host", type: "count or `unlimited`", default: "preset",
            meaning: "moves leaving one host at once")
        static let inboundPerHost = KnobDoc(
            "inbound_per_host", type: "count or `unlimited`", default: "preset",
            meaning: "moves arriving at one host at once")
        static let perHost = KnobDoc(
            "per_host", type: "count or `unlimited`", default: "preset",
            meaning: "moves touching one host, leaving or arriving (under `vsphere` the NIC tier still applies; the smaller wins)")
        static let global = KnobDoc(
            "global", type: "count or `unlimited`", default: "preset",
            meaning: "moves in the whole fleet at once")
        static var table: KnobTable {
            KnobTable(id: "campaign.limits", file: .scenarioReference, header: "| key | type | default | meaning |", knobs: [
                preset, outboundPerHost, inboundPerHost, perHost, global])
        }
    }
}
