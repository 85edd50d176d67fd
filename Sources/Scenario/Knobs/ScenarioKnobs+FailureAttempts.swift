import FleetSimulation
import SimKernel
import Stochastics

/// Scenario knobs: `failures.migrations` and `failures.customers`, each overriding one field
/// of `MigrationFaults()` / `CustomerFaults()` (whose comments cite the sources of the
/// defaults: Nova's `vif_plugging_timeout`, libvirt's keepalive).
extension ScenarioKnobs {
    /// `failures.migrations`
    enum FailureMigrations {
        typealias G = MigrationFaults
        static func knob<V>(_ doc: KnobDoc, _ path: WritableKeyPath<G, V>, _ field: FieldType<V>) -> GroupKnob<G, V> {
            GroupKnob(doc, path, field, columns: [[MigrationFaults()]])
        }
        static var abortPerAttempt: GroupKnob<G, Double> {
            knob(KnobDoc("abort_per_attempt", type: "fraction", default: "`0`",
                         meaning: "probability that a live attempt aborts on an internal error. Where: uniformly over the attempt's first pass (its first copy of guest memory), so every attempt that gets that far meets it with exactly this probability. `abortPoint(instance:attempt:firstPassBytes:)` gives the byte count"),
                 \.abortPerAttempt, .fraction)
        }
        static var abortPerGiB: GroupKnob<G, Double> {
            knob(KnobDoc("abort_per_gib", type: "fraction", default: "`0`",
                         meaning: "probability of an abort per GiB sent (exposure grows with the transfer: an API change during the migration, a control-plane hiccup): P(abort within x GiB) = 1 - (1 - p)^x. The point is drawn once per attempt as x = ln U / ln(1 - p) GiB"),
                 \.abortPerGiB, .fraction)
        }
        static var setupError: GroupKnob<G, Double> {
            knob(KnobDoc("setup_error", type: "fraction", default: "`0`",
                         meaning: "probability that the target fails to set up (a device or VIF attach times out); the attempt fails before any byte moves"),
                 \.setupErrorProbability, .fraction)
        }
        static var setupErrorDelay: GroupKnob<G, Distribution> {
            GroupKnob(KnobDoc(
                "setup_error_delay", type: "duration distribution", default: "`300s`",
                meaning: "how long a failing setup takes to fail. Source: Nova's `[DEFAULT] vif_plugging_timeout = 300` (nova/conf/compute.py), which the source compute waits for before the transfer when `[compute] live_migration_wait_for_vif_plug` is true (its default) and which fails the migration when `vif_plugging_is_fatal` (default true)"),
                      \.setupErrorDelaySeconds, distributionOf: .duration, columns: [[MigrationFaults()]])
        }
        /// Absent: the policy's `reboot.failure_probability` stands.
        static var rebootFailure: GroupKnob<G, Double?> {
            knob(KnobDoc("reboot_failure", type: "fraction", default: "the policy's",
                         meaning: "overrides `policy.reboot.failure_probability` (OCI: \"If reboot migration is unsuccessful, ... You must manually migrate the instance\")"),
                 \.rebootFailureProbability, FieldType<Double>.fraction.map { $0 as Double? })
        }
        static var linkStallTimeout: GroupKnob<G, SimTime> {
            knob(KnobDoc("link_stall_timeout", type: "duration", default: "`30s`",
                         meaning: "how long a pre-copy live migration waits on a cut link before it aborts. Source: libvirt's keepalive on the peer-to-peer migration connection: `keepalive_interval = 5`, `keepalive_count = 5` in qemu.conf, \"the connection is automatically closed approximately after keepalive_interval * (keepalive_count + 1) seconds\" = 30 s. Without it, QEMU's TCP stream would wait for the kernel's retransmission timeout (minutes). Management layers may give up earlier or later (Nova's `live_migration_progress_timeout` is disabled by default; KubeVirt's progress timeout is 150 s)"),
                 \.linkStallTimeout, .duration)
        }
        static var knobs: [any GroupOverride<G>] {
            [abortPerAttempt, abortPerGiB, setupError, setupErrorDelay, rebootFailure, linkStallTimeout]
        }
        static var table: KnobTable {
            KnobTable(id: "failures.migrations", file: .failureReference, header: "| key | type | default | meaning / source |",
                      knobs: knobs)
        }
    }

    /// `failures.customers`
    enum FailureCustomers {
        /// Absent: the policy's `manual.never_act` stands.
        static var neverRespond: GroupKnob<CustomerFaults, Double?> {
            GroupKnob(KnobDoc("never_respond", type: "fraction", default: "the policy's",
                              meaning: "overrides `policy.manual.never_act`: customers who never act on a manual-migration notice"),
                      \.neverRespondFraction, FieldType<Double>.fraction.map { $0 as Double? }, columns: [[CustomerFaults()]])
        }
        static var knobs: [any GroupOverride<CustomerFaults>] { [neverRespond] }
        static var table: KnobTable {
            KnobTable(id: "failures.customers", file: .failureReference, header: "| key | type | default | meaning |", knobs: knobs)
        }
    }
}
