import FleetSimulation
import MaintenancePolicy
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
        guard let hosts, let duration else { return nil }
        return CampaignConfig(hosts: hosts, maxHostsInMaintenance: maxHosts, maxOutboundPerHost: maxOutbound,
                              maintenanceDuration: duration, placement: placement, onNoTarget: onNoTarget)
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
