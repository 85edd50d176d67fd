import FleetSimulation
import MaintenancePolicy
import MigrationEngine
import Stochastics

/// `campaign:` — which hosts are drained, how many at once, where instances go.
enum CampaignSection {
    static func read(_ m: MappingReader) -> CampaignConfig? {
        typealias K = ScenarioKnobs.Campaign
        let hosts = m.required(K.hosts)
        let maxHosts = m.value(K.maxHostsInMaintenance)
        let maxOutbound = m.value(K.maxOutboundPerHost)
        let duration = m.distribution(K.maintenanceDuration)
        let placement = m.value(K.placement)
        let onNoTarget = m.value(K.onNoTarget)
        let order = m.value(K.order)
        let rolling = m.optional(K.rollingFraction)
        if rolling != nil && order != "rolling", let node = m.node(K.rollingFraction.key) {
            node.report(.invalidValue, expected: "rolling_fraction only with order: rolling", found: "order: \(order)")
        }
        let move = m.value(K.move)
        let live = m.mapping(K.liveMigration.key, required: false) { liveMigration($0) }
            ?? LiveMigrationConfig(preset: ScenarioKnobs.LiveMigration.preset.defaultValue!)
        let liveAttempts = m.value(K.liveAttempts)
        let maxInbound = m.optional(K.maxInboundPerHost)
        let maxGlobal = m.optional(K.maxConcurrentMigrations)
        let limits = m.mapping(K.limits.key, required: false) { concurrencyLimits($0) }
        let spread = m.value(K.spread)
        let returnInstances = m.value(K.returnInstances)
        let noticesAtStart = m.value(K.noticesAtCampaignStart)
        guard let hosts, let duration else { return nil }
        var c = CampaignConfig(hosts: hosts, maxHostsInMaintenance: maxHosts, maxOutboundPerHost: maxOutbound,
                               maintenanceDuration: duration, placement: placement, onNoTarget: onNoTarget)
        switch order {
        case "by_fault_domain": c.order = .byFaultDomain
        case "by_rack": c.order = .byRack
        case "rolling": c.order = .rolling(fraction: rolling ?? K.rollingFraction.defaultValue!)
        default: c.order = .list
        }
        c.move = move
        c.liveMigration = live
        c.liveAttempts = liveAttempts
        // Explicit limits, then the one-key shortcuts on top.
        if let limits { c.limits = limits }
        if m.contains(K.maxOutboundPerHost.key) { c.limits.outboundPerHost = maxOutbound }
        if let maxInbound { c.limits.inboundPerHost = maxInbound }
        if let maxGlobal { c.limits.global = maxGlobal }
        c.spread = spread
        c.returnInstances = returnInstances
        c.noticesAtCampaignStart = noticesAtStart
        return c
    }

    /// Whether the campaign states its concurrency limits (else the policy's preset decides).
    static func statesLimits(_ m: MappingReader) -> Bool {
        m.contains(ScenarioKnobs.Campaign.limits.key) || m.contains(ScenarioKnobs.Campaign.maxOutboundPerHost.key)
    }

    /// `campaign.limits:` — a preset of a real orchestrator, then overrides key by key.
    static func concurrencyLimits(_ m: MappingReader) -> ConcurrencyLimits? {
        let preset = m.value(ScenarioKnobs.Limits.preset)
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

    /// `campaign.live_migration:` — the engine's preset and overrides.
    static func liveMigration(_ m: MappingReader) -> LiveMigrationConfig? {
        typealias K = ScenarioKnobs.LiveMigration
        let preset = m.value(K.preset)
        let cap = m.optional(K.maxBandwidth)
        let downtime = m.optional(K.downtimeLimit)
        let autoConverge = m.optional(K.autoConverge)
        let postcopyAfter = m.optional(K.postcopyAfter)
        let page = m.optional(K.pageSize)
        let device = m.optional(K.deviceState)
        let qemuVersion = m.optional(K.qemuVersion)
        let firstPass = m.optional(K.firstPassRate)
        var live = LiveMigrationConfig(preset: preset, maxBandwidthBytesPerSecond: cap,
                                       downtimeLimitSeconds: downtime.map(\.seconds), autoConverge: autoConverge,
                                       postcopyAfterPasses: postcopyAfter, pageSizeBytes: page, deviceStateBytes: device)
        live.qemuVersion = qemuVersion
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
