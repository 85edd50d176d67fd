import FleetSimulation
import MaintenancePolicy
import MigrationEngine
import Stochastics

/// `campaign:` — which hosts are drained, how many at once, where instances go.
enum CampaignSection {
    /// How long a drained host stays down: a fleetsim assumption (firmware or kernel update
    /// plus checks), not a published figure. Scenarios should state their own.
    static let defaultMaintenance = Distribution.constant(2 * 3_600)

    static func read(_ m: MappingReader) -> CampaignConfig? {
        let hosts = m.required("hosts", hostSelection)
        let maxHosts = m.optional("max_hosts_in_maintenance", .count(range: .atLeast(1)), default: 1)
        let maxOutbound = m.optional("max_outbound_per_host", .count(range: .atLeast(1)), default: 1)
        let duration = m.distribution("maintenance_duration", .duration, default: defaultMaintenance)
        let placement = m.optional("placement", .enumeration(PlacementStrategy.self, noun: "placement strategy"),
                                   default: .leastLoaded)
        let onNoTarget = m.optional("on_no_target", .enumeration(NoTargetAction.self, noun: "action"), default: .wait)
        let order = m.optional("order", .oneOf(["list", "by_fault_domain", "by_rack", "rolling"], noun: "order"), default: "list")
        let rolling = m.optional("rolling_fraction", .quantity(.fraction, range: .between(0.0001, 1)))
        if rolling != nil && order != "rolling", let node = m.node("rolling_fraction") {
            node.report(.invalidValue, expected: "rolling_fraction only with order: rolling", found: "order: \(order)")
        }
        let move = m.optional("move", .enumeration(MoveKind.self, noun: "move"), default: .reboot)
        let live = m.mapping("live_migration", required: false) { liveMigration($0) } ?? LiveMigrationConfig(preset: defaultLivePreset)
        // At most 100: each attempt is a full first pass or a setup delay, so 10^6 attempts of
        // an instance whose attempts all abort would run for hours and keep 10^6 records each;
        // no orchestrator retries a live migration more than a handful of times.
        let liveAttempts = m.optional("live_attempts", .count(range: .between(1, 100)), default: 1)
        let maxInbound = m.optional("max_inbound_per_host", .count(range: .atLeast(1)))
        let maxGlobal = m.optional("max_concurrent_migrations", .count(range: .atLeast(1)))
        let limits = m.mapping("limits", required: false) { concurrencyLimits($0) }
        let spread = m.optional("spread", .enumeration(FaultDomainSpread.self, noun: "spread"), default: .none)
        let returnInstances = m.optional("return_instances", .bool, default: false)
        let noticesAtStart = m.optional("notices_at_campaign_start", .bool, default: true)
        guard let hosts, let duration else { return nil }
        var c = CampaignConfig(hosts: hosts, maxHostsInMaintenance: maxHosts, maxOutboundPerHost: maxOutbound,
                               maintenanceDuration: duration, placement: placement, onNoTarget: onNoTarget)
        switch order {
        case "by_fault_domain": c.order = .byFaultDomain
        case "by_rack": c.order = .byRack
        case "rolling": c.order = .rolling(fraction: rolling ?? 0.1)
        default: c.order = .list
        }
        c.move = move
        c.liveMigration = live
        c.liveAttempts = liveAttempts
        // Explicit limits, then the one-key shortcuts on top.
        if let limits { c.limits = limits }
        if m.contains("max_outbound_per_host") { c.limits.outboundPerHost = maxOutbound }
        if let maxInbound { c.limits.inboundPerHost = maxInbound }
        if let maxGlobal { c.limits.global = maxGlobal }
        c.spread = spread
        c.returnInstances = returnInstances
        c.noticesAtCampaignStart = noticesAtStart
        return c
    }

    /// Whether the campaign states its concurrency limits (else the policy's preset decides).
    static func statesLimits(_ m: MappingReader) -> Bool {
        m.contains("limits") || m.contains("max_outbound_per_host")
    }

    /// `campaign.limits:` — a preset of a real orchestrator, then overrides key by key.
    static func concurrencyLimits(_ m: MappingReader) -> ConcurrencyLimits? {
        let preset = m.optional("preset", .enumeration(ConcurrencyLimits.Preset.self, noun: "preset"), default: .nova)
        var limits = ConcurrencyLimits.preset(preset)
        for key in ConcurrencyLimits.Key.allCases {
            guard let node = m.node(key.rawValue) else { continue }
            if node.scalarText(expected: "a count or 'unlimited'") == "unlimited" {
                limits = limits.overriding(key, with: nil)
            } else if let value = node.decode(.count) {
                limits = limits.overriding(key, with: value)
            }
        }
        return limits
    }

    /// Nova's management (downtime ramp, completion timeout, abort) is the default for fleet
    /// campaigns: a bare QEMU migration never gives up, which no fleet operator runs.
    static let defaultLivePreset = ManagementPreset.nova

    /// `campaign.live_migration:` — the engine's preset and overrides.
    static func liveMigration(_ m: MappingReader) -> LiveMigrationConfig? {
        let preset = m.optional("preset", .enumeration(ManagementPreset.self, noun: "preset"), default: defaultLivePreset)
        var cap: Double?? = nil
        if let node = m.node("max_bandwidth") {
            if node.scalarText(expected: "a rate or 'unlimited'") == "unlimited" {
                cap = .some(nil)
            } else if let value = node.decode(.quantity(.bytesPerSecond, range: .positive)) {
                cap = .some(value)
            }
        }
        let downtime = m.optional("downtime_limit", .duration(range: .positive))
        let autoConverge = m.optional("auto_converge", .bool)
        let postcopyAfter = m.optional("postcopy_after", .count)
        let page = ScenarioLimits.pageSize(m)
        let device = m.optional("device_state", .bytes)
        let qemuVersion = m.optional("qemu_version", .oneOf(["7.2", "8.2+"], noun: "QEMU version"))
        let firstPass = m.optional("first_pass_rate", as: .bytesPerSecond, range: .positive)
        var live = LiveMigrationConfig(preset: preset, maxBandwidthBytesPerSecond: cap,
                                       downtimeLimitSeconds: downtime.map(\.seconds), autoConverge: autoConverge,
                                       postcopyAfterPasses: postcopyAfter, pageSizeBytes: page, deviceStateBytes: device)
        live.qemuVersion = qemuVersion.flatMap(QemuVersion.init(rawValue:))
        live.firstPassBytesPerSecond = firstPass
        return live
    }

    /// `all`, a list of host names, or `{fault_domain: NAME}` / `{rack: NAME}`.
    static var hostSelection: FieldType<HostSelection> { FieldType<HostSelection>(
        expected: "'all', a list of host names, or a mapping {fault_domain: NAME} or {rack: NAME}"
    ) { cursor in
        let expected = "'all', a list of host names, or a mapping {fault_domain: NAME} or {rack: NAME}"
        if cursor.isScalar {
            guard let text = cursor.scalarText(expected: expected) else { return nil }
            if text == "all" { return .all }
            cursor.report(.invalidValue, expected: expected, found: NodeCursor.quote(text))
            return nil
        }
        if cursor.isSequence {
            guard let names = cursor.sequence(of: .string) else { return nil }
            if names.isEmpty {
                cursor.report(.invalidValue, expected: "at least one host name", found: "an empty list")
                return nil
            }
            return .names(names)
        }
        return cursor.mapping { m -> HostSelection? in
            switch m.oneOf(["fault_domain", "rack"], required: true) {
            case "fault_domain"?: return m.required("fault_domain", .string).map(HostSelection.faultDomain)
            case "rack"?: return m.required("rack", .string).map(HostSelection.rack)
            default: return nil
            }
        }
    } }
}
