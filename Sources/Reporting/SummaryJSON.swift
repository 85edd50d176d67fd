import FleetSimulation

extension CampaignReport {
    /// `summary.json`: versioned schema, stable key order (see docs/report-schema.md).
    public func summaryJSON() -> JSONValue {
        let id = identity
        var outcomes: [(String, JSONValue)] = []
        for state in FinalState.allCases {
            var members: [(String, JSONValue)] = [("count_mean", .number(meanCount(of: state)))]
            if let w = rate(of: state) {
                members.append(("rate", .finite(w.proportion)))
                members.append(("rate_ci95_low", .finite(w.lower)))
                members.append(("rate_ci95_high", .finite(w.upper)))
            }
            outcomes.append((state.rawValue, .object(members)))
        }
        let n = Double(max(replications.count, 1))
        return .object([
            ("schema", .string(Self.schema)),
            ("schema_version", .int(Int64(Self.schemaVersion))),
            ("tool", .string("fleetsim \(id.toolVersion)")),
            ("scenario", .object([
                ("name", .string(id.scenarioName)),
                ("file", .string(id.scenarioFile)),
                ("seed", .uint(id.seed)),
                ("replications", .int(Int64(id.replications))),
                ("horizon_s", .number(id.horizonSeconds)),
                ("rng", .string(id.generator)),
            ])),
            ("fleet", .object([
                ("hosts", .int(Int64(id.hosts))),
                ("instances", .int(Int64(id.instances))),
                ("campaign_hosts", .int(Int64(id.campaignHosts))),
                ("instances_in_campaign", .number(replications.first.map { Double($0.instancesInCampaign) } ?? 0)),
            ])),
            ("campaign", .object([
                ("completed_replications", .int(Int64(completedReplications))),
                ("makespan_s", campaignMakespanSeconds.json),
                ("drain_makespan_s", drainMakespanSeconds.json),
            ])),
            ("outcomes", .object(outcomes)),
            ("attempts", .object(MoveAction.allCases.map { action in
                let rows = replications.compactMap { r in r.attemptsByAction.first { $0.action == action } }
                return (action.rawValue, .object([
                    ("attempts_mean", .number(Double(rows.reduce(0) { $0 + $1.attempts }) / n)),
                    ("completed_mean", .number(Double(rows.reduce(0) { $0 + $1.completed }) / n)),
                    ("aborted_mean", .number(Double(rows.reduce(0) { $0 + $1.aborted }) / n)),
                ]))
            })),
            ("abort_reasons", .object(abortReasons.map { ($0.reason, .number(Double($0.count) / n)) })),
            ("moved_by", .object(MoveAction.allCases.map { action in
                (action.rawValue, .number(Double(replications.reduce(0) { r, m in
                    r + (m.movedBy.first { $0.action == action }?.count ?? 0) }) / n))
            })),
            ("fell_back_to_reboot_mean", .number(Double(replications.reduce(0) { $0 + $1.fellBackToReboot }) / n)),
            ("network", .object([
                ("bytes_on_wire_mean", .number(replications.reduce(0) { $0 + $1.bytesOnWire } / n)),
                ("peak_uplink_utilisation", peakUplinkUtilisation.json),
            ])),
            ("downtime_s", .object([
                ("pooled", downtimeSeconds.json),
                ("mean_per_replication", meanDowntimeSeconds.json),
                ("p99_per_replication", p99DowntimeSeconds.json),
            ])),
            ("queueing_delay_s", queueingDelaySeconds.json),
            ("waited_for_capacity", .object([
                ("instances_mean", .number(Double(waitedForCapacitySeconds.count) / n)),
                ("wait_s", waitedForCapacitySeconds.json),
            ])),
            ("replications", .array(replications.map(\.json))),
        ])
    }
}

extension ReplicationMetrics {
    var json: JSONValue {
        let s = PooledDistribution(downtimeSeconds)
        var members: [(String, JSONValue)] = [
            ("replication", .int(Int64(replication))),
            ("seed", .uint(seed)),
            ("campaign_completed", .bool(campaignCompleted)),
            ("makespan_s", .finite(campaignMakespanSeconds)),
            ("drain_makespan_s", .finite(drainMakespanSeconds)),
            ("end_time_s", .number(endTimeSeconds)),
        ]
        for (state, count) in finalStateCounts { members.append((state.rawValue, .int(Int64(count)))) }
        members += [
            ("attempts", .int(Int64(attempts))),
            ("live_completed", .int(Int64(movedBy.first { $0.action == .live }?.count ?? 0))),
            ("fell_back_to_reboot", .int(Int64(fellBackToReboot))),
            ("bytes_on_wire", .number(bytesOnWire)),
            ("downtime_p50_s", .finite(s.p50)),
            ("downtime_p99_s", .finite(s.p99)),
            ("downtime_max_s", .finite(s.max)),
            ("hosts_drained", .int(Int64(hostsDrained))),
            ("events", .int(Int64(eventsProcessed))),
        ]
        return .object(members)
    }
}
