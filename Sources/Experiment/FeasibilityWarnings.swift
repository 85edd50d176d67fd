import FleetModel
import FleetSimulation
import MaintenancePolicy
import Foundation

/// Warnings about a scenario that is valid but cannot go the way its author probably expects,
/// found before it runs (`validate` and `run` print them; they do not stop anything).
///
/// Capacity is judged by totals (memory and OCPUs), ignoring fragmentation and placement
/// rules: a warning here is certain trouble, its absence is no guarantee.
/// - spare capacity: the campaign hosts most loaded, as many as may be in maintenance at
///   once, hold more than the rest of the fleet has free: instances will wait for capacity.
/// - capacity deadlock: one campaign host's instances do not fit in what every other host
///   has free: the campaign cannot empty it (named, with its largest instances).
/// - notices: under an OCI policy, reboot-migration notices whose due date (1st percentile of
///   notice-to-due) falls after the horizon cannot expire before the run ends.
public enum FeasibilityWarnings {
    public static func check(_ prepared: PreparedScenario) -> [String] {
        let fleet = prepared.fleet
        guard let campaign = try? CampaignRunner.campaignHosts(prepared.config, fleet: fleet), !campaign.isEmpty else { return [] }
        var used = Array(repeating: Resources.zero, count: fleet.hosts.count)
        var onHost = Array(repeating: [Int](), count: fleet.hosts.count)
        for (k, instance) in fleet.instances.enumerated() {
            used[instance.initialHost.int] += instance.demand
            onHost[instance.initialHost.int].append(k)
        }
        let free = fleet.hosts.indices.map { fleet.hosts[$0].capacity - used[$0] }
        let totalFree = free.reduce(Resources.zero, +)
        func text(_ r: Resources) -> String { "\(String(format: "%.1f", Double(r.memoryBytes) / 1_073_741_824)) GiB, \(String(format: "%.0f", r.ocpus)) OCPUs" }
        var warnings: [String] = []
        // Deadlock: a host whose instances cannot fit in everything else that is free.
        for h in campaign {
            let elsewhere = totalFree - free[h.int]
            let load = used[h.int]
            guard load.memoryBytes > elsewhere.memoryBytes || load.ocpus > elsewhere.ocpus + 1e-9 else { continue }
            let largest = onHost[h.int].sorted { (fleet.instances[$1].demand.memoryBytes, $0) < (fleet.instances[$0].demand.memoryBytes, $1) }
                .prefix(5).map { fleet.instances[$0].name }
            warnings.append("capacity deadlock: host \(fleet.hosts[h.int].name) holds \(text(load)) of instances (largest: \(largest.joined(separator: ", "))) but the other hosts have only \(text(elsewhere)) free: the campaign cannot empty it")
        }
        // Spare capacity at the campaign's concurrency.
        let k = max(1, min(prepared.config.campaign.maxHostsInMaintenance, campaign.count))
        let heaviest = campaign.sorted { (used[$1.int].memoryBytes, $0) < (used[$0.int].memoryBytes, $1) }.prefix(k)
        let out = heaviest.reduce(Resources.zero) { $0 + used[$1.int] }
        let outFree = heaviest.reduce(Resources.zero) { $0 + free[$1.int] }
        let rest = totalFree - outFree
        if out.memoryBytes > rest.memoryBytes || out.ocpus > rest.ocpus + 1e-9 {
            warnings.append("spare capacity: with \(k) host\(k == 1 ? "" : "s") in maintenance at once (campaign.max_hosts_in_maintenance), the most loaded (\(heaviest.map { fleet.hosts[$0.int].name }.joined(separator: ", "))) hold \(text(out)) of instances but the rest of the fleet has only \(text(rest)) free: instances will wait for capacity")
        }
        if let policy = prepared.config.policy, policy.rules != .lxd,
           let early = policy.reboot.noticeToDueSeconds.quantile(0.01), early >= prepared.config.horizon.seconds {
            warnings.append("notices: reboot-migration notices fall due after \(Self.days(early)) at the earliest (policy notice to due date, 1st percentile) but the horizon is \(Self.days(prepared.config.horizon.seconds)): instances that wait for their due date cannot be moved before the run ends")
        }
        return warnings
    }

    static func days(_ seconds: Double) -> String { String(format: "%.1f days", seconds / 86_400) }
}
