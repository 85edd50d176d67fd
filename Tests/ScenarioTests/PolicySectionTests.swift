import Testing
import FleetModel
import MaintenancePolicy
import Stochastics
@testable import Scenario

/// Read a document whose root holds `policy:`.
func readPolicy(_ yaml: String) -> (value: MaintenancePolicyConfig?, diagnostics: [ScenarioDiagnostic]) {
    read(yaml, schema: .stochastics) { root in root.mapping("policy") { PolicySection.read($0) } }
}

func readAttributes(_ yaml: String) -> (value: InstanceAttributes?, diagnostics: [ScenarioDiagnostic]) {
    read(yaml, schema: .stochastics) { root in root.mapping("attributes") { InstanceAttributesSection.read($0) } }
}

private func instance(_ shape: String, vnics: Int) -> Instance {
    var a = InstanceAttributes()
    a.vnicCount = vnics
    return Instance(id: InstanceID(0), name: "i", shape: shape, demand: Resources(ocpus: 1, memoryBytes: 1 << 30),
                    initialHost: HostID(0), attributes: a)
}

@Suite struct PolicySectionTests {
    let day = 86_400.0

    @Test func aPresetAloneIsThePreset() {
        for preset in PolicyPreset.allCases {
            let (value, diagnostics) = readPolicy("policy:\n  preset: \(preset.rawValue)\n")
            #expect(diagnostics.isEmpty)
            #expect(value == MaintenancePolicyConfig.preset(preset))
        }
    }

    @Test func ociPresetOverriddenKeyByKey() {
        let yaml = """
        policy:
          preset: oci
          live:
            attempts: 2
            postcopy: true
            timeout_action: force_complete
            engine: libvirt
          oci:
            max_vnics: 8
            realms: [commercial, government]
            live_shapes: [VM.Standard.E4.Flex, VM.Standard2.*]
            attempted_image_success: 75%
            allow_dedicated_host: true
          reboot:
            notice_to_due: {dist: uniform, min: 10d, max: 12d}
            proactive: 30%
            platform_window: {dist: uniform, min: 0s, max: 6h}
            boot: 2min
            dense_io_rebuild: {dist: lognormal, median: 3h, p99: 6h}
            failure_probability: 1%
          manual:
            deadline: 7d
            never_act: 0.2
            changed_identifiers: [mac]
        """
        let (value, diagnostics) = readPolicy(yaml)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        guard let p = value else { return }
        var expected = MaintenancePolicyConfig.oci
        expected.live.attempts = 2
        expected.live.postcopyPermitted = true
        expected.live.timeoutAction = .forceComplete
        expected.live.engine = .libvirt
        expected.oci.maxVNICs = 8
        expected.oci.realms = ["commercial", "government"]
        expected.oci.liveShapes = ["VM.Standard.E4.Flex", "VM.Standard2.*"]
        expected.oci.attemptedImageSuccessProbability = 0.75
        expected.oci.allowDedicatedHost = true
        expected.reboot.noticeToDueSeconds = .uniform(min: 10 * day, max: 12 * day)
        expected.reboot.proactiveProbability = 0.3
        expected.reboot.platformWindowSeconds = .uniform(min: 0, max: 6 * 3_600)
        expected.reboot.bootSeconds = .constant(120)
        expected.reboot.denseIORebuildSeconds = try! .lognormal(median: 3 * 3_600, p99: 6 * 3_600)
        expected.reboot.failureProbability = 0.01
        expected.manual.deadlineSeconds = 7 * day
        expected.manual.neverActFraction = 0.2
        expected.manual.changedIdentifiers = [.macAddresses]
        #expect(p == expected)
    }

    @Test func lxdPresetOverriddenKeyByKey() {
        let yaml = """
        policy:
          preset: lxd
          live: {fallback: none}
          lxd:
            transfer_mode: relay
            evacuation_pool: {per_host_cpus: 8}
            on_no_target: stop
            stop_timeout: 2min
            restore: false
            non_migratable_devices: [gpu, pci]
            container_live_in_auto: false
        """
        let (value, diagnostics) = readPolicy(yaml)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        var expected = MaintenancePolicyConfig.lxd
        expected.live.fallback = .none
        expected.lxd.transferMode = .relay
        expected.lxd.pool = .perHostCPUs(8)
        expected.lxd.onNoTarget = .stop
        expected.lxd.gracefulStopTimeoutSeconds = 120
        expected.lxd.restore = false
        expected.lxd.nonMigratableDevices = ["gpu", "pci"]
        expected.lxd.containerLiveInAuto = false
        #expect(value == expected)
        // A fixed pool is a plain number.
        let fixed = readPolicy("policy:\n  preset: incus\n  lxd: {evacuation_pool: 4}\n")
        #expect(fixed.value?.lxd.pool == .fixed(4))
        #expect(fixed.value?.lxd.onNoTarget == .stop)  // the rest is still Incus
    }

    /// Issue 5: one line of a policy file (6 -> 8 VNICs) changes the decision for a 7-VNIC
    /// instance from reboot migration to live migration.
    @Test func oneLineChangeMovesASevenVNICInstanceToLiveMigration() {
        let base = "policy:\n  preset: oci\n  oci:\n    max_vnics: 6\n"
        let changed = base.replacingOccurrences(of: "max_vnics: 6", with: "max_vnics: 8")
        let seven = instance("VM.Standard.E4.Flex", vnics: 7)
        let before = readPolicy(base).value?.plan(for: seven, hostShape: nil)
        let after = readPolicy(changed).value?.plan(for: seven, hostShape: nil)
        #expect(before?.first.name == "reboot")
        #expect(before?.incompatibilities == [.vnics])
        #expect(after?.first.name == "live")
        #expect(after?.incompatibilities == [])
    }

    // MARK: - Errors

    @Test func unknownKnobSuggestsTheClosest() {
        let (value, diagnostics) = readPolicy("policy:\n  preset: oci\n  oci:\n    max_vnic: 8\n")
        #expect(value == nil)
        #expect(diagnostics.map(\.code) == [.unknownKey])
        #expect(diagnostics.first?.path.description == "policy.oci.max_vnic")
        #expect(diagnostics.first?.suggestion == "max_vnics")
        #expect((diagnostics.first?.line, diagnostics.first?.column) == (4, 5))
        // A misspelt group, too.
        let group = readPolicy("policy:\n  preset: lxd\n  lxdd: {restore: false}\n").diagnostics
        #expect(group.map(\.suggestion) == ["lxd"])
    }

    @Test func unknownPresetAndEnumValuesSuggestTheClosest() {
        let preset = readPolicy("policy:\n  preset: ocl\n").diagnostics
        #expect(preset.map(\.code) == [.unknownName])
        #expect(preset.first?.suggestion == "oci")
        let mode = readPolicy("policy:\n  preset: lxd\n  lxd: {transfer_mode: pul}\n").diagnostics
        #expect(mode.map(\.code) == [.unknownName])
        #expect(mode.first?.suggestion == "pull")
        #expect(mode.first?.path.description == "policy.lxd.transfer_mode")
    }

    @Test func missingPresetIsReported() {
        let (value, diagnostics) = readPolicy("policy:\n  oci: {max_vnics: 8}\n")
        #expect(value == nil)
        #expect(diagnostics.map(\.code) == [.missingKey])
        #expect(diagnostics.first?.path.description == "policy.preset")
    }

    @Test func badUnits() {
        let missing = readPolicy("policy:\n  preset: lxd\n  lxd: {stop_timeout: 30}\n").diagnostics
        #expect(missing.map(\.code) == [.missingUnit])
        #expect(missing.first?.path.description == "policy.lxd.stop_timeout")
        let unknown = readPolicy("policy:\n  preset: oci\n  manual: {deadline: 7dys}\n").diagnostics
        #expect(unknown.map(\.code) == [.unknownUnit])
        #expect(unknown.first?.path.description == "policy.manual.deadline")
        let distribution = readPolicy("policy:\n  preset: oci\n  reboot: {boot: {dist: lognormal, median: 45, p99: 3min}}\n")
        #expect(distribution.value == nil)
        #expect(distribution.diagnostics.map(\.code) == [.missingUnit])
        #expect(distribution.diagnostics.first?.path.description == "policy.reboot.boot.median")
        let fraction = readPolicy("policy:\n  preset: oci\n  reboot: {proactive: 130%}\n").diagnostics
        #expect(fraction.map(\.code) == [.outOfRange])
    }

    @Test func everyProblemInOnePass() {
        let yaml = """
        policy:
          preset: oci
          live: {attempts: 0}
          oci: {live_shapes: ["VM.*.Flex"], allow_shielded: maybe}
          reboot: {notice_to_due: {dist: uniform, min: 16d, max: 14d}}
        """
        let (value, diagnostics) = readPolicy(yaml)
        #expect(value == nil)
        #expect(diagnostics.count == 4, "\(diagnostics.map(\.description))")
        #expect(Set(diagnostics.map(\.path.description)).isSuperset(of: [
            "policy.live.attempts", "policy.oci.live_shapes[0]", "policy.oci.allow_shielded",
        ]))
    }

    // MARK: - Instance attributes

    @Test func attributesEveryKey() {
        let yaml = """
        attributes:
          kind: container
          image: custom
          networking: emulated
          shielded: true
          credential_guard: true
          vnics: 3
          realm: government
          dedicated_host: true
          devices: [gpu, usb]
          storage: local
          root_disk: 20GiB
          evacuate: live-migrate
          migration_stateful: true
          criu: true
          systemd: false
          network_device: false
          stay_stopped: true
          reserved_public_ip: true
          nvme_backed_up: true
        """
        let (value, diagnostics) = readAttributes(yaml)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        var e = InstanceAttributes()
        e.kind = .container
        e.image = .custom
        e.networking = .emulated
        e.shielded = true
        e.credentialGuard = true
        e.vnicCount = 3
        e.realm = "government"
        e.dedicatedHost = true
        e.devices = ["gpu", "usb"]
        e.storage = .local
        e.rootDiskBytes = 20 << 30
        e.evacuate = .liveMigrate
        e.migrationStateful = true
        e.criu = true
        e.systemd = false
        e.networkDevice = false
        e.stayStoppedAfterMigration = true
        e.reservedPublicIP = true
        e.nvmeBackedUp = true
        #expect(value == e)
        #expect(readAttributes("attributes: {}\n").value == InstanceAttributes())
    }

    @Test func attributeErrors() {
        let typo = readAttributes("attributes:\n  credential_gaurd: true\n").diagnostics
        #expect(typo.map(\.code) == [.unknownKey])
        #expect(typo.first?.suggestion == "credential_guard")
        let evacuate = readAttributes("attributes:\n  evacuate: live_migrate\n").diagnostics
        #expect(evacuate.map(\.code) == [.unknownName])
        #expect(evacuate.first?.suggestion == "live-migrate")
        let disk = readAttributes("attributes:\n  root_disk: 20\n")
        #expect(disk.value == nil)
        #expect(disk.diagnostics.map(\.code) == [.missingUnit])
        let kind = readAttributes("attributes:\n  kind: baremetal\n").diagnostics
        #expect(kind.first?.suggestion == "bare_metal")
    }
}
