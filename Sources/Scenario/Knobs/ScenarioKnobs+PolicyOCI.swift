import FleetModel
import MaintenancePolicy
import Stochastics

/// Scenario knobs: `policy.oci`, `policy.reboot` and `policy.manual` (seed 003). Every preset
/// carries OCI's values for these groups, so each table has one default column, checked
/// against all four presets.
extension ScenarioKnobs {
    /// `policy.oci`
    enum PolicyOCI {
        typealias G = OCIEligibilityKnobs
        static func knob<V>(_ doc: KnobDoc, _ path: WritableKeyPath<G, V>, _ field: FieldType<V>) -> GroupKnob<G, V> {
            GroupKnob(doc, path, field, columns: Policy.columns(Policy.everyPreset, \.oci))
        }
        static func shapes(_ key: String, type: String = "shapes", _ defaultText: String, _ source: String,
                           _ path: WritableKeyPath<G, [ShapePattern]>) -> GroupKnob<G, [ShapePattern]> {
            knob(KnobDoc(key, type: type, default: defaultText, meaning: source), path, PolicySection.shapes)
        }
        static var liveShapes: GroupKnob<G, [ShapePattern]> {
            shapes("live_shapes", type: "list of shapes; `X*` is a series (prefix)",
                   "`[VM.Standard1.*, VM.Standard.A1.Flex, VM.Standard.B1.*, VM.Standard2.*, VM.Standard3.Flex, VM.Standard.E2.*, VM.Standard.E2.1.Micro, VM.Standard.E3.Flex, VM.Standard.E4.Flex, VM.Standard.E5.Flex, VM.Optimized3.Flex]`",
                   "seed 003 shape table", \.liveShapes)
        }
        static var maxVNICs: GroupKnob<G, Int> {
            knob(KnobDoc("max_vnics", type: "count", default: "`6`", meaning: "\"Maximum total number of attached VNICs is six\""),
                 \.maxVNICs, .count)
        }
        static var realms: GroupKnob<G, [String]> {
            knob(KnobDoc("realms", type: "list of strings", default: "`[commercial]`", meaning: "\"Tenancy is in the commercial realm\""),
                 \.realms, .sequence(of: .string))
        }
        static var networking: GroupKnob<G, [InstanceAttributes.Networking]> {
            knob(KnobDoc("networking", type: "list of `paravirtualized`, `hardware_assisted`, `emulated`", default: "`[paravirtualized]`",
                         meaning: "\"Instance uses paravirtualized networking\""),
                 \.networking, .sequence(of: .enumeration(InstanceAttributes.Networking.self, noun: "networking type")))
        }
        static func allow(_ key: String, _ source: String, _ path: WritableKeyPath<G, Bool>) -> GroupKnob<G, Bool> {
            knob(KnobDoc(key, type: "bool", default: "`false`", meaning: source), path, .bool)
        }
        static var allowShielded: GroupKnob<G, Bool> {
            allow("allow_shielded", "\"Shielded instances: Not supported\"", \.allowShielded)
        }
        static var allowCredentialGuard: GroupKnob<G, Bool> {
            allow("allow_credential_guard", "\"Windows Defender Credential Guard is enabled: Not supported\"", \.allowCredentialGuard)
        }
        static var allowBareMetal: GroupKnob<G, Bool> {
            allow("allow_bare_metal", "\"bare metal instances ... do not support live migration\"", \.allowBareMetal)
        }
        static var allowDedicatedHost: GroupKnob<G, Bool> {
            allow("allow_dedicated_host", "\"instances on dedicated virtual machine hosts do not support live migration\"", \.allowDedicatedHost)
        }
        static var attemptedImageSuccess: GroupKnob<G, Double> {
            knob(KnobDoc("attempted_image_success", type: "fraction", default: "`0.9`",
                         meaning: "assumption; custom/Marketplace images are \"attempted\"; drawn before each attempt"),
                 \.attemptedImageSuccessProbability, .fraction)
        }
        static var rebootVMShapes: GroupKnob<G, [ShapePattern]> {
            shapes("reboot_vm_shapes", "`[VM.Standard*, VM.GPU*, VM.DenseIO*]`",
                   "\"VM instances that use standard, GPU, and dense I/O shapes\"", \.rebootVMShapes)
        }
        static var rebootBareMetalShapes: GroupKnob<G, [ShapePattern]> {
            shapes("reboot_bare_metal_shapes", "`[BM.Standard*]`", "\"bare metal instances that use standard shapes\"",
                   \.rebootBareMetalShapes)
        }
        static var denseIOShapes: GroupKnob<G, [ShapePattern]> {
            shapes("dense_io_shapes", "`[VM.DenseIO*, BM.DenseIO*]`", "\"DenseIO shapes (including Flex)\"", \.denseIOShapes)
        }
        static var dedicatedHostShapes: GroupKnob<G, [ShapePattern]> {
            shapes("dedicated_host_shapes", type: "shapes (host shapes)", "`[DVH.*]`", "OCI's dedicated VM host shape names",
                   \.dedicatedHostShapes)
        }
        static var knobs: [any GroupOverride<G>] {
            [liveShapes, maxVNICs, realms, networking, allowShielded, allowCredentialGuard, allowBareMetal, allowDedicatedHost,
             attemptedImageSuccess, rebootVMShapes, rebootBareMetalShapes, denseIOShapes, dedicatedHostShapes]
        }
        static var table: KnobTable {
            KnobTable(id: "policy.oci", file: .policyReference, header: "| key | type | default | source |", knobs: knobs)
        }
    }

    /// `policy.reboot`
    enum PolicyReboot {
        typealias G = RebootMigrationKnobs
        static func duration(_ key: String, _ defaultText: String, _ source: String,
                             _ path: WritableKeyPath<G, Distribution>) -> GroupKnob<G, Distribution> {
            GroupKnob(KnobDoc(key, type: "duration distribution", default: defaultText, meaning: source), path,
                      distributionOf: .duration, columns: Policy.columns(Policy.everyPreset, \.reboot))
        }
        static func fraction(_ key: String, _ defaultText: String, _ source: String,
                             _ path: WritableKeyPath<G, Double>) -> GroupKnob<G, Double> {
            GroupKnob(KnobDoc(key, type: "fraction", default: defaultText, meaning: source), path, .fraction,
                      columns: Policy.columns(Policy.everyPreset, \.reboot))
        }
        static var knobs: [any GroupOverride<G>] {
            [duration("notice_to_due", "`{dist: uniform, min: 14d, max: 16d}`",
                      "\"schedules a due date for reboot migration within 14 to 16 days\"", \.noticeToDueSeconds),
             fraction("proactive", "`50%`",
                      "assumption: share of customers who reboot before the due date (the rest never act)", \.proactiveProbability),
             duration("proactive_response", "`{dist: lognormal, median: 3d, p99: 14d}`",
                      "assumption: from the notice; a response after the due date counts as none", \.proactiveResponseSeconds),
             duration("platform_window", "`{dist: uniform, min: 0s, max: 24h}`",
                      "\"Within 24 hours after the maintenance due date\"", \.platformWindowSeconds),
             duration("stop", "`{dist: lognormal, median: 15s, p99: 1min}`",
                      "assumption (\"a short downtime\"); same as `reboot_migration:`", \.stopSeconds),
             duration("reassign", "`{dist: lognormal, median: 30s, p99: 2min}`", "assumption; same as `reboot_migration:`",
                      \.reassignSeconds),
             duration("boot", "`{dist: lognormal, median: 45s, p99: 3min}`", "assumption; same as `reboot_migration:`", \.bootSeconds),
             fraction("extension_probability", "`5%`", "assumption (\"You can extend the due date\")", \.extensionProbability),
             duration("extension", "`{dist: uniform, min: 1d, max: 14d}`", "assumption", \.extensionSeconds),
             duration("dense_io_rebuild", "`{dist: lognormal, median: 4h, p99: 8h}`",
                      "assumption (\"A downtime of several hours\")", \.denseIORebuildSeconds),
             fraction("failure_probability", "`0.5%`",
                      "assumption; a failure leads to manual migration (\"If reboot migration is unsuccessful ... You must manually migrate\")",
                      \.failureProbability)]
        }
        static var table: KnobTable {
            KnobTable(id: "policy.reboot", file: .policyReference, header: "| key | type | default | source |", knobs: knobs)
        }
    }

    /// `policy.manual`: every duration is an assumption (the seed gives the steps, not their length).
    enum PolicyManual {
        typealias G = ManualMigrationKnobs
        static var columns: [[G]] { Policy.columns(Policy.everyPreset, \.manual) }
        static func duration(_ key: String, _ defaultText: String, _ source: String,
                             _ path: WritableKeyPath<G, Distribution>) -> GroupKnob<G, Distribution> {
            GroupKnob(KnobDoc(key, type: "duration distribution", default: defaultText, meaning: source), path,
                      distributionOf: .duration, columns: columns)
        }
        static var knobs: [any GroupOverride<G>] {
            [duration("notification", "`{dist: lognormal, median: 5min, p99: 1h}`",
                      "assumption (\"Oracle Cloud Infrastructure sends a notification\")", \.notificationSeconds),
             duration("reaction", "`{dist: lognormal, median: 2d, p99: 14d}`",
                      "assumption: notification to the customer starting", \.reactionSeconds),
             GroupKnob(KnobDoc("never_act", type: "fraction", default: "`10%`", meaning: "assumption"),
                       \.neverActFraction, .fraction, columns: columns),
             GroupKnob(KnobDoc("deadline", type: "duration", default: "`30d`",
                               meaning: "assumption: after it (from the notification) the instance is unresolved through customer inaction"),
                       \.deadlineSeconds, .quantity(.duration, range: .positive), columns: columns),
             duration("terminate", "`{dist: lognormal, median: 2min, p99: 10min}`",
                      "assumption (step 7: terminate, preserving the boot volume)", \.terminateSeconds),
             duration("relaunch", "`{dist: lognormal, median: 3min, p99: 15min}`",
                      "assumption (step 8: launch from the boot volume)", \.relaunchSeconds),
             duration("reattach", "`{dist: lognormal, median: 5min, p99: 30min}`",
                      "assumption (steps 9-12: secondary VNICs and IPs, block volumes)", \.reattachSeconds),
             duration("restart_applications", "`{dist: lognormal, median: 5min, p99: 1h}`", "assumption (step 13)",
                      \.restartApplicationsSeconds),
             GroupKnob(KnobDoc("changed_identifiers", type: "list of `public_ip`, `mac`, `hardware_ids`, `private_ip`",
                               default: "`[public_ip, mac, hardware_ids]`",
                               meaning: "\"public IP addresses ... not assigned from a reserved public IP address pool will change. Private IP addresses do not change. MAC addresses, CPUIDs, and other unique hardware identifiers do change\""),
                       \.changedIdentifiers, .sequence(of: .enumeration(ChangedIdentifier.self, noun: "identifier")), columns: columns)]
        }
        static var table: KnobTable {
            KnobTable(id: "policy.manual", file: .policyReference, header: "| key | type | default | source |", knobs: knobs)
        }
    }
}
