import FleetModel
import MaintenancePolicy

/// Scenario knobs: `policy`, `policy.live` and `policy.lxd`. Every group key overrides one
/// field of the preset's knob group; its defaults are the presets' (`MaintenancePolicy/Policy/
/// *Knobs.swift`, where the seed quotes are), and the docs' default columns are checked
/// against them.
extension ScenarioKnobs {
    /// `policy`
    enum Policy {
        static var preset: Knob<PolicyPreset> {
            Knob(KnobDoc(
                "preset", type: "`oci`, `lxd`, `incus`, `generic`", default: "required",
                meaning: "the rule table and every knob's default ([Presets](#presets))"),
                 .enumeration(PolicyPreset.self, noun: "policy preset"))
        }
        static let live = KnobDoc(
            "live", type: "mapping", default: "the preset's",
            meaning: "live attempts, engine and fallback ([below](#policylive--live-attempts-and-fallback))")
        static let oci = KnobDoc(
            "oci", type: "mapping", default: "the preset's", meaning: "OCI live-migration eligibility")
        static let reboot = KnobDoc(
            "reboot", type: "mapping", default: "the preset's", meaning: "reboot migration: notices, due dates, customers")
        static let manual = KnobDoc(
            "manual", type: "mapping", default: "the preset's", meaning: "manual migration")
        static let lxd = KnobDoc(
            "lxd", type: "mapping", default: "the preset's", meaning: "LXD / Incus cluster evacuation")
        static var table: KnobTable {
            KnobTable(id: "policy", file: .policyReference, header: "| key | type | default | meaning |", knobs: [
                preset, live, oci, reboot, manual, lxd])
        }

        /// The groups a table's default columns state: one list of presets per column.
        static func columns<G>(_ presets: [[PolicyPreset]], _ group: KeyPath<MaintenancePolicyConfig, G>) -> [[G]] {
            presets.map { column in column.map { MaintenancePolicyConfig.preset($0)[keyPath: group] } }
        }
        /// A table with one `default` column: every preset carries that value.
        static let everyPreset = [PolicyPreset.allCases]
    }

    /// `policy.live`: columns oci, lxd / incus, generic.
    enum PolicyLive {
        typealias G = LiveMigrationKnobs
        static func knob<V>(_ doc: KnobDoc, _ path: WritableKeyPath<G, V>, _ field: FieldType<V>) -> GroupKnob<G, V> {
            GroupKnob(doc, path, field, columns: Policy.columns([[.oci], [.lxd, .incus], [.generic]], \.live))
        }
        static var attempts: GroupKnob<G, Int> {
            knob(KnobDoc("attempts", type: "count >= 1", defaults: ["`1`", "`1`", "`3`"],
                         meaning: "oci, generic: assumption; lxd: \"If a live migration attempt fails, the evacuation operation fails\" (`lxc cluster evacuate --help`)"),
                 \.attempts, .count(range: .atLeast(1)))
        }
        static var engine: GroupKnob<G, LiveEnginePreset> {
            knob(KnobDoc("engine", type: "`qemu`, `libvirt`, `nova`, `kubevirt`, `xen`", defaults: ["`nova`", "`qemu`", "`nova`"],
                         meaning: "oci: assumption (OCI publishes none; bare QEMU never gives up, so a management layer with timeouts is assumed); LXD drives QEMU itself"),
                 \.engine, .enumeration(LiveEnginePreset.self, noun: "engine preset"))
        }
        static var autoConverge: GroupKnob<G, Bool> {
            knob(KnobDoc("auto_converge", type: "bool", defaults: ["`false`", "`true`", "`false`"],
                         meaning: "lxd: auto-converge on, no post-copy (issue 5); nova `live_migration_permit_auto_converge = False`"),
                 \.autoConverge, .bool)
        }
        static var postcopy: GroupKnob<G, Bool> {
            knob(KnobDoc("postcopy", type: "bool", defaults: ["`false`", "`false`", "`false`"],
                         meaning: "nova `live_migration_permit_post_copy = False`; oci: assumption"),
                 \.postcopyPermitted, .bool)
        }
        static var timeoutAction: GroupKnob<G, LiveTimeoutAction> {
            knob(KnobDoc("timeout_action", type: "`abort`, `force_complete`", defaults: ["`abort`", "`abort`", "`abort`"],
                         meaning: "nova `live_migration_timeout_action = abort`; others: assumption"),
                 \.timeoutAction, .enumeration(LiveTimeoutAction.self, noun: "timeout action"))
        }
        static var fallback: GroupKnob<G, LiveFallback> {
            knob(KnobDoc("fallback", type: "`reboot`, `cold`, `stop`, `none`", defaults: ["`reboot`", "`cold`", "`cold`"],
                         meaning: "oci: seed 003 (\"schedules a due date for reboot migration\"); lxd: assumption (LXD itself fails the evacuation: `none`)"),
                 \.fallback, .enumeration(LiveFallback.self, noun: "fallback"))
        }
        static var knobs: [any GroupOverride<G>] { [attempts, engine, autoConverge, postcopy, timeoutAction, fallback] }
        static var table: KnobTable {
            KnobTable(id: "policy.live", file: .policyReference,
                      header: "| key | type | oci | lxd / incus | generic | source |", knobs: knobs)
        }
    }

    /// `policy.lxd`: columns lxd, incus.
    enum PolicyLXD {
        typealias G = LXDEvacuationKnobs
        static func knob<V>(_ doc: KnobDoc, _ path: WritableKeyPath<G, V>, _ field: FieldType<V>) -> GroupKnob<G, V> {
            GroupKnob(doc, path, field, columns: Policy.columns([[.lxd], [.incus]], \.lxd))
        }
        static var nonMigratableDevices: GroupKnob<G, [String]> {
            knob(KnobDoc("non_migratable_devices", type: "list of device types",
                         defaults: ["`[gpu, usb, disk-host-path, nic-unmanaged]`", "`[gpu, usb, disk-host-path, nic-unmanaged]`"],
                         meaning: "LXD `canMigrate` asks each device; the base device says no (`deviceCommon.CanMigrate` returns false). LXD spec: \"auto (will migrate unless the instance relies on devices which can't be moved)\""),
                 \.nonMigratableDevices, .sequence(of: .string))
        }
        static var transferMode: GroupKnob<G, TransferMode> {
            knob(KnobDoc("transfer_mode", type: "`pull`, `push`, `relay`", defaults: ["`pull`", "`pull`"],
                         meaning: "seed 000: \"`pull` (default)\""),
                 \.transferMode, .enumeration(TransferMode.self, noun: "transfer mode"))
        }
        static var evacuationPool: GroupKnob<G, EvacuationPool> {
            knob(KnobDoc("evacuation_pool", type: "count, or `{per_host_cpus: N}`", defaults: ["`1`", "`{per_host_cpus: 16}`"],
                         meaning: "LXD evacuates in a plain loop; Incus `max(runtime.NumCPU()/16, 1)` (cmd/incusd/api_cluster_evacuation.go)"),
                 \.pool, PolicySection.evacuationPool)
        }
        static var onNoTarget: GroupKnob<G, EvacuationNoTarget> {
            knob(KnobDoc("on_no_target", type: "`skip`, `stop`", defaults: ["`skip`", "`stop`"],
                         meaning: "\"If no target member is available, an instance is skipped\" (`lxc cluster evacuate --help`); incus: the brief's stop-in-place (Incus stops a cold-moved instance before choosing the target)"),
                 \.onNoTarget, .enumeration(EvacuationNoTarget.self, noun: "action"))
        }
        static var stopTimeout: GroupKnob<G, Double> {
            knob(KnobDoc("stop_timeout", type: "duration", defaults: ["`30s`", "`30s`"],
                         meaning: "`boot.host_shutdown_timeout`, default `evacuateHostShutdownDefaultTimeout = 30` (LXD and Incus), then a forced stop"),
                 \.gracefulStopTimeoutSeconds, .quantity(.duration))
        }
        static var restore: GroupKnob<G, Bool> {
            knob(KnobDoc("restore", type: "bool", defaults: ["`true`", "`true`"],
                         meaning: "`lxc cluster restore` moves instances back to `volatile.evacuate.origin`"),
                 \.restore, .bool)
        }
        static var containerLiveInAuto: GroupKnob<G, Bool> {
            knob(KnobDoc("container_live_in_auto", type: "bool", defaults: ["`true`", "`true`"],
                         meaning: "seed 000 (CRIU, basic containers); LXD's `canMigrate` restricts automatic live migration to VMs: set false to match it"),
                 \.containerLiveInAuto, .bool)
        }
        static var knobs: [any GroupOverride<G>] {
            [nonMigratableDevices, transferMode, evacuationPool, onNoTarget, stopTimeout, restore, containerLiveInAuto]
        }
        static var table: KnobTable {
            KnobTable(id: "policy.lxd", file: .policyReference, header: "| key | type | lxd | incus | source |", knobs: knobs)
        }
    }
}
