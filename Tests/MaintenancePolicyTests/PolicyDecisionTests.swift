import Testing
import FleetModel
@testable import MaintenancePolicy

/// An instance of `shape` with attributes edited by `edit`.
func policyInstance(_ shape: String, _ edit: (inout InstanceAttributes) -> Void = { _ in }) -> Instance {
    var a = InstanceAttributes()
    edit(&a)
    return Instance(id: InstanceID(0), name: "i", shape: shape, demand: Resources(ocpus: 2, memoryBytes: 16 << 30),
                    initialHost: HostID(0), attributes: a)
}

/// One row of a decision table: an instance, and the chain, reason and criteria expected.
struct PolicyCase: CustomTestStringConvertible, Sendable {
    var name: String
    var instance: Instance
    var hostShape: String?
    var actions: [PlannedAction]
    var reason: String
    var incompatibilities: [EligibilityCriterion] = []
    var testDescription: String { name }
}

let ociLive = PlannedAction.live(LiveStep(attempts: 1, engine: .nova, autoConverge: false, postcopy: false, timeoutAction: .abort))
let ociAttempted = PlannedAction.live(LiveStep(attempts: 1, engine: .nova, autoConverge: false, postcopy: false,
                                            timeoutAction: .abort, attemptSuccessProbability: 0.9))
let rebootChain: [PlannedAction] = [.reboot(.vmStandard), .manual]

let ociCases: [PolicyCase] = [
    PolicyCase(name: "all criteria hold", instance: policyInstance("VM.Standard.E4.Flex"),
               actions: [ociLive] + rebootChain, reason: "eligible for live migration"),
    PolicyCase(name: "realm", instance: policyInstance("VM.Standard.E4.Flex") { $0.realm = "government" },
               actions: rebootChain, reason: "not eligible for live migration: realm", incompatibilities: [.realm]),
    PolicyCase(name: "shape (GPU VM: reboot)", instance: policyInstance("VM.GPU.A10.1"),
               actions: rebootChain, reason: "not eligible for live migration: shape", incompatibilities: [.shape]),
    PolicyCase(name: "shape (DenseIO VM: DenseIO reboot)", instance: policyInstance("VM.DenseIO.E4.Flex"),
               actions: [.reboot(.vmDenseIO), .manual], reason: "not eligible for live migration: shape",
               incompatibilities: [.shape]),
    PolicyCase(name: "shape (neither standard, GPU nor DenseIO: manual)",
               instance: policyInstance("VM.Optimized3.Flex") { $0.shielded = true },
               actions: [.manual], reason: "not eligible for live migration: shielded", incompatibilities: [.shielded]),
    PolicyCase(name: "image custom (attempted)", instance: policyInstance("VM.Standard.E4.Flex") { $0.image = .custom },
               actions: [ociAttempted] + rebootChain, reason: "custom image: live migration attempted",
               incompatibilities: [.image]),
    PolicyCase(name: "image marketplace (attempted)",
               instance: policyInstance("VM.Standard3.Flex") { $0.image = .marketplace },
               actions: [ociAttempted] + rebootChain, reason: "marketplace image: live migration attempted",
               incompatibilities: [.image]),
    PolicyCase(name: "networking", instance: policyInstance("VM.Standard.E4.Flex") { $0.networking = .hardwareAssisted },
               actions: rebootChain, reason: "not eligible for live migration: networking", incompatibilities: [.networking]),
    PolicyCase(name: "shielded", instance: policyInstance("VM.Standard.E4.Flex") { $0.shielded = true },
               actions: rebootChain, reason: "not eligible for live migration: shielded", incompatibilities: [.shielded]),
    PolicyCase(name: "credential guard", instance: policyInstance("VM.Standard.E4.Flex") { $0.credentialGuard = true },
               actions: rebootChain, reason: "not eligible for live migration: credential_guard",
               incompatibilities: [.credentialGuard]),
    PolicyCase(name: "six VNICs pass", instance: policyInstance("VM.Standard.E4.Flex") { $0.vnicCount = 6 },
               actions: [ociLive] + rebootChain, reason: "eligible for live migration"),
    PolicyCase(name: "seven VNICs", instance: policyInstance("VM.Standard.E4.Flex") { $0.vnicCount = 7 },
               actions: rebootChain, reason: "not eligible for live migration: vnics", incompatibilities: [.vnics]),
    PolicyCase(name: "bare metal standard: reboot", instance: policyInstance("BM.Standard3.64") { $0.kind = .bareMetal },
               actions: [.reboot(.bareMetal), .manual], reason: "not eligible for live migration: shape, bare_metal",
               incompatibilities: [.shape, .bareMetal]),
    PolicyCase(name: "bare metal by shape alone", instance: policyInstance("BM.Standard.E5.192"),
               actions: [.reboot(.bareMetal), .manual], reason: "not eligible for live migration: shape, bare_metal",
               incompatibilities: [.shape, .bareMetal]),
    PolicyCase(name: "bare metal DenseIO: manual", instance: policyInstance("BM.DenseIO.E4.128") { $0.kind = .bareMetal },
               actions: [.manual], reason: "not eligible for live migration: shape, bare_metal",
               incompatibilities: [.shape, .bareMetal]),
    PolicyCase(name: "bare metal GPU: manual", instance: policyInstance("BM.GPU4.8") { $0.kind = .bareMetal },
               actions: [.manual], reason: "not eligible for live migration: shape, bare_metal",
               incompatibilities: [.shape, .bareMetal]),
    PolicyCase(name: "dedicated host (attribute)", instance: policyInstance("VM.Standard.E4.Flex") { $0.dedicatedHost = true },
               actions: rebootChain, reason: "not eligible for live migration: dedicated_host",
               incompatibilities: [.dedicatedHost]),
    PolicyCase(name: "dedicated host (DVH host shape)", instance: policyInstance("VM.Standard.E4.Flex"),
               hostShape: "DVH.Standard.E4.128",
               actions: rebootChain, reason: "not eligible for live migration: dedicated_host",
               incompatibilities: [.dedicatedHost]),
    PolicyCase(name: "ordinary host shape changes nothing", instance: policyInstance("VM.Standard.E4.Flex"),
               hostShape: "BM.Standard.E4.128", actions: [ociLive] + rebootChain, reason: "eligible for live migration"),
    PolicyCase(name: "several at once", instance: policyInstance("VM.Standard.E4.Flex") {
        $0.realm = "government"; $0.image = .custom; $0.shielded = true; $0.vnicCount = 8
    }, actions: rebootChain, reason: "not eligible for live migration: realm, shielded, vnics",
       incompatibilities: [.realm, .image, .shielded, .vnics]),
    PolicyCase(name: "DenseIO shielded: DenseIO reboot", instance: policyInstance("VM.DenseIO2.8") { $0.shielded = true },
               actions: [.reboot(.vmDenseIO), .manual], reason: "not eligible for live migration: shape, shielded",
               incompatibilities: [.shape, .shielded]),
] + [
    // Every shape and series of the seed's table.
    "VM.Standard1.4", "VM.Standard.A1.Flex", "VM.Standard.B1.1", "VM.Standard2.8", "VM.Standard3.Flex",
    "VM.Standard.E2.2", "VM.Standard.E2.1.Micro", "VM.Standard.E3.Flex", "VM.Standard.E4.Flex", "VM.Standard.E5.Flex",
    "VM.Optimized3.Flex",
].map { PolicyCase(name: "supported shape \($0)", instance: policyInstance($0),
                   actions: [ociLive] + rebootChain, reason: "eligible for live migration") }

let lxdLive = PlannedAction.live(LiveStep(attempts: 1, engine: .qemu, autoConverge: true, postcopy: false, timeoutAction: .abort))

let lxdCases: [PolicyCase] = [
    PolicyCase(name: "stop", instance: policyInstance("c1") { $0.evacuate = .stop; $0.migrationStateful = true },
               actions: [.stop], reason: "cluster.evacuate=stop"),
    PolicyCase(name: "migrate, local storage", instance: policyInstance("c1") { $0.evacuate = .migrate; $0.storage = .local },
               actions: [.cold(copyRootFS: true)], reason: "cluster.evacuate=migrate"),
    PolicyCase(name: "migrate, devices ignored", instance: policyInstance("c1") { $0.evacuate = .migrate; $0.devices = ["gpu"] },
               actions: [.cold(copyRootFS: false)], reason: "cluster.evacuate=migrate"),
    PolicyCase(name: "live-migrate VM", instance: policyInstance("c1") { $0.evacuate = .liveMigrate },
               actions: [lxdLive, .cold(copyRootFS: false)], reason: "cluster.evacuate=live-migrate"),
    PolicyCase(name: "live-migrate basic container with CRIU", instance: policyInstance("c1") {
        $0.evacuate = .liveMigrate; $0.kind = .container; $0.criu = true; $0.systemd = false; $0.networkDevice = false
    }, actions: [lxdLive, .cold(copyRootFS: false)], reason: "cluster.evacuate=live-migrate"),
    PolicyCase(name: "live-migrate container without CRIU", instance: policyInstance("c1") {
        $0.evacuate = .liveMigrate; $0.kind = .container; $0.storage = .local
    }, actions: [.cold(copyRootFS: true)], reason: "container without CRIU"),
    PolicyCase(name: "auto, gpu", instance: policyInstance("c1") { $0.devices = ["disk-root", "gpu"]; $0.migrationStateful = true },
               actions: [.stop], reason: "device gpu cannot migrate"),
    PolicyCase(name: "auto, usb", instance: policyInstance("c1") { $0.kind = .container; $0.devices = ["usb"] },
               actions: [.stop], reason: "device usb cannot migrate"),
    PolicyCase(name: "auto, host-path disk", instance: policyInstance("c1") { $0.devices = ["disk-host-path"] },
               actions: [.stop], reason: "device disk-host-path cannot migrate"),
    PolicyCase(name: "auto, unmanaged NIC", instance: policyInstance("c1") { $0.devices = ["nic-unmanaged"] },
               actions: [.stop], reason: "device nic-unmanaged cannot migrate"),
    PolicyCase(name: "auto, migratable device, stateful VM", instance: policyInstance("c1") {
        $0.devices = ["tpm", "nic-managed"]; $0.migrationStateful = true
    }, actions: [lxdLive, .cold(copyRootFS: false)], reason: "VM with migration.stateful=true"),
    PolicyCase(name: "auto, stateful VM, local storage", instance: policyInstance("c1") {
        $0.migrationStateful = true; $0.storage = .local
    }, actions: [lxdLive, .cold(copyRootFS: true)], reason: "VM with migration.stateful=true"),
    PolicyCase(name: "auto, non-stateful VM, remote storage", instance: policyInstance("c1"),
               actions: [.cold(copyRootFS: false)], reason: "VM without migration.stateful"),
    PolicyCase(name: "auto, non-stateful VM, local storage", instance: policyInstance("c1") { $0.storage = .local },
               actions: [.cold(copyRootFS: true)], reason: "VM without migration.stateful"),
    PolicyCase(name: "auto, basic container with CRIU", instance: policyInstance("c1") {
        $0.kind = .container; $0.criu = true; $0.systemd = false; $0.networkDevice = false
    }, actions: [lxdLive, .cold(copyRootFS: false)], reason: "basic container with CRIU"),
    PolicyCase(name: "auto, container with systemd", instance: policyInstance("c1") {
        $0.kind = .container; $0.criu = true; $0.systemd = true; $0.networkDevice = false; $0.storage = .local
    }, actions: [.cold(copyRootFS: true)], reason: "container runs systemd"),
    PolicyCase(name: "auto, container with network device", instance: policyInstance("c1") {
        $0.kind = .container; $0.criu = true; $0.systemd = false; $0.networkDevice = true
    }, actions: [.cold(copyRootFS: false)], reason: "container has a network device"),
    PolicyCase(name: "auto, container without CRIU, local storage", instance: policyInstance("c1") {
        $0.kind = .container; $0.storage = .local
    }, actions: [.cold(copyRootFS: true)], reason: "container without CRIU"),
    PolicyCase(name: "auto, container without CRIU, remote storage", instance: policyInstance("c1") {
        $0.kind = .container; $0.storage = .remote
    }, actions: [.cold(copyRootFS: false)], reason: "container without CRIU"),
]

@Suite struct PolicyDecisionTests {
    @Test(arguments: ociCases) func oci(_ c: PolicyCase) {
        let plan = MaintenancePolicyConfig.oci.plan(for: c.instance, hostShape: c.hostShape)
        #expect(plan.actions == c.actions)
        #expect(plan.reason.description == c.reason)
        #expect(plan.incompatibilities == c.incompatibilities)
    }

    @Test func ociTableWalksEveryCriterion() {
        let seen = Set(ociCases.flatMap(\.incompatibilities))
        #expect(seen == Set(EligibilityCriterion.allCases))
    }

    @Test(arguments: lxdCases) func lxd(_ c: PolicyCase) {
        let plan = MaintenancePolicyConfig.lxd.plan(for: c.instance, hostShape: c.hostShape)
        #expect(plan.actions == c.actions)
        #expect(plan.reason.description == c.reason)
        #expect(plan.incompatibilities.isEmpty)
        // Incus decides exactly as LXD; only pool and no-target handling differ.
        #expect(MaintenancePolicyConfig.incus.plan(for: c.instance, hostShape: nil) == plan)
    }

    @Test func lxdTableWalksEveryEvacuateValue() {
        let seen = Set(lxdCases.map(\.instance.attributes.evacuate))
        #expect(seen == Set(InstanceAttributes.Evacuate.allCases))
    }

    @Test func lxdLiteralAutoKeepsContainersCold() {
        var policy = MaintenancePolicyConfig.lxd
        policy.lxd.containerLiveInAuto = false
        let basic = policyInstance("c") { $0.kind = .container; $0.criu = true; $0.systemd = false; $0.networkDevice = false }
        let plan = policy.plan(for: basic, hostShape: nil)
        #expect(plan.actions == [.cold(copyRootFS: false)])
        #expect(plan.reason == .containerNotLiveInAuto)
    }

    @Test func lxdFallbackNoneLeavesOnlyTheLiveAttempt() {
        var policy = MaintenancePolicyConfig.lxd
        policy.live.fallback = .none
        let plan = policy.plan(for: policyInstance("v") { $0.migrationStateful = true }, hostShape: nil)
        #expect(plan.actions == [lxdLive])
    }

    @Test func extraNonMigratableDeviceForcesStop() {
        var policy = MaintenancePolicyConfig.lxd
        let vm = policyInstance("v") { $0.devices = ["pci"]; $0.migrationStateful = true }
        #expect(policy.plan(for: vm, hostShape: nil).first.name == "live")
        policy.lxd.nonMigratableDevices.append("pci")
        #expect(policy.plan(for: vm, hostShape: nil).actions == [.stop])
    }

    /// The one-line change of issue 5: allowing 8 VNICs turns a 7-VNIC instance's reboot
    /// migration into a live migration.
    @Test func allowingEightVNICsLiveMigratesASevenVNICInstance() {
        let seven = policyInstance("VM.Standard.E4.Flex") { $0.vnicCount = 7 }
        var policy = MaintenancePolicyConfig.oci
        let before = policy.plan(for: seven, hostShape: nil)
        policy.oci.maxVNICs = 8
        let after = policy.plan(for: seven, hostShape: nil)
        #expect(before.first == .reboot(.vmStandard))
        #expect(before.incompatibilities == [.vnics])
        #expect(after.first == ociLive)
        #expect(after.incompatibilities.isEmpty)
        // Nine is still too many.
        let nine = policyInstance("VM.Standard.E4.Flex") { $0.vnicCount = 9 }
        #expect(policy.plan(for: nine, hostShape: nil).incompatibilities == [.vnics])
    }

    @Test func ociKnobsRelaxCriteria() {
        var policy = MaintenancePolicyConfig.oci
        policy.oci.allowShielded = true
        policy.oci.realms.append("government")
        policy.oci.liveShapes.append("VM.GPU*")
        let i = policyInstance("VM.GPU.A10.1") { $0.shielded = true; $0.realm = "government" }
        #expect(policy.plan(for: i, hostShape: nil).reason == .eligible)
    }

    @Test func ociLiveFallbackAndRetriesAreKnobs() {
        var policy = MaintenancePolicyConfig.oci
        policy.live.attempts = 3
        policy.live.engine = .nova
        policy.live.postcopyPermitted = true
        policy.live.timeoutAction = .forceComplete
        let plan = policy.plan(for: policyInstance("VM.Standard.E4.Flex"), hostShape: nil)
        #expect(plan.liveStep == LiveStep(attempts: 3, engine: .nova, autoConverge: false, postcopy: true,
                                          timeoutAction: .forceComplete))
        #expect(Array(plan.actions.dropFirst()) == rebootChain)
    }

    @Test func eligibleDenseIOShapeFallsBackToDenseIOReboot() {
        var policy = MaintenancePolicyConfig.oci
        policy.oci.liveShapes.append("VM.DenseIO.E4.Flex")
        let plan = policy.plan(for: policyInstance("VM.DenseIO.E4.Flex"), hostShape: nil)
        #expect(plan.actions == [ociLive, .reboot(.vmDenseIO), .manual])
    }

    @Test func genericPreset() {
        let g = MaintenancePolicyConfig.generic
        let nova = PlannedAction.live(LiveStep(attempts: 3, engine: .nova, autoConverge: false, postcopy: false,
                                            timeoutAction: .abort))
        #expect(g.plan(for: policyInstance("m1.large"), hostShape: nil) ==
                MovePlan(actions: [nova, .cold(copyRootFS: false)], reason: .virtualMachine))
        let container = policyInstance("c") { $0.kind = .container; $0.storage = .local }
        #expect(g.plan(for: container, hostShape: nil).actions == [.cold(copyRootFS: true)])
        let bm = g.plan(for: policyInstance("BM.Standard3.64") { $0.kind = .bareMetal }, hostShape: nil)
        #expect(bm.reason == .bareMetal)
        #expect(bm.liveStep == nil)
        var rebootFallback = g
        rebootFallback.live.fallback = .reboot
        #expect(rebootFallback.plan(for: policyInstance("m1.large"), hostShape: nil).actions == [nova, .reboot(.vmStandard), .manual])
    }

    @Test func presetsDifferWhereTheSeedsSay() {
        #expect(MaintenancePolicyConfig.lxd.lxd.pool == .fixed(1))
        #expect(MaintenancePolicyConfig.incus.lxd.pool == .perHostCPUs(16))
        #expect(MaintenancePolicyConfig.lxd.lxd.onNoTarget == .skip)
        #expect(MaintenancePolicyConfig.incus.lxd.onNoTarget == .stop)
        #expect(MaintenancePolicyConfig.lxd.lxd.transferMode == .pull)
        #expect(MaintenancePolicyConfig.lxd.lxd.gracefulStopTimeoutSeconds == 30)
        #expect(MaintenancePolicyConfig.oci.live.fallback == .reboot)
        #expect(MaintenancePolicyConfig.oci.oci.maxVNICs == 6)
        #expect(EvacuationPool.perHostCPUs(16).size(hostCPUs: 128) == 8)
        #expect(EvacuationPool.perHostCPUs(16).size(hostCPUs: 8) == 1)
        #expect(EvacuationPool.fixed(1).size(hostCPUs: 128) == 1)
        for preset in PolicyPreset.allCases {
            #expect(MaintenancePolicyConfig.preset(preset).preset == preset)
        }
    }

    @Test func shapePatterns() {
        let series: ShapePattern = "VM.Standard2.*"
        #expect(series.matches("VM.Standard2.1"))
        #expect(!series.matches("VM.Standard3.Flex"))
        #expect(!series.matches("VM.Standard2"))
        let exact: ShapePattern = "VM.Standard.E4.Flex"
        #expect(exact.matches("VM.Standard.E4.Flex"))
        #expect(!exact.matches("VM.Standard.E4.Flex2"))
        #expect(!MaintenancePolicyConfig.oci.oci.liveShapes.matches("VM.Standard.E6.Flex"))
    }
}
