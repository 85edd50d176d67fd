import FleetSimulation

extension CampaignReport {
    /// `summary.json`: versioned schema, stable key order (see docs/report-schema.md).
    public func summaryJSON() -> JSONValue {
        let n = Double(max(replications.count, 1))
        return .object([
            ("schema", .string(Self.schema)),
            ("schema_version", .int(Int64(Self.schemaVersion))),
            ("tool", .string("fleetsim \(identity.toolVersion)")),
            ("scenario", scenarioJSON()),
            ("fleet", fleetJSON()),
            ("campaign", .object([
                ("completed_replications", .int(Int64(completedReplications))),
                ("makespan_s", campaignMakespanSeconds.json),
                ("drain_makespan_s", drainMakespanSeconds.json),
            ])),
            ("outcomes", outcomesJSON()),
            ("bystanders", .object(FinalState.allCases.map { ($0.rawValue, .number(meanBystanderCount(of: $0))) })),
            ("attempts", attemptsJSON()),
            ("abort_reasons", .object(abortReasons.map { ($0.reason, .number(Double($0.count) / n)) })),
            ("moved_by", movedByJSON()),
            ("policy", policyJSON()),
            ("fell_back_to_reboot_mean", .number(Double(replications.reduce(0) { $0 + $1.fellBackToReboot }) / n)),
            ("network", networkJSON()),
            ("downtime_s", downtimeJSON()),
            ("failures", failuresJSON()),
            ("queueing_delay_s", queueingDelaySeconds.json),
            ("waited_for_capacity", .object([
                ("instances_mean", .number(Double(waitedForCapacitySeconds.count) / n)),
                ("wait_s", waitedForCapacitySeconds.json),
            ])),
            ("replications", .array(replications.map(\.json))),
        ])
    }

    private func scenarioJSON() -> JSONValue {
        let id = identity
        return .object([
            ("name", .string(id.scenarioName)),
            ("file", .string(id.scenarioFile)),
            ("seed", .uint(id.seed)),
            ("replications", .int(Int64(id.replications))),
            ("horizon_s", .number(id.horizonSeconds)),
            ("rng", .string(id.generator)),
            ("resample", .string(id.resample)),
            ("command_line", .object(id.overrides.map { ($0.key, .string($0.value)) })),
        ])
    }

    private func fleetJSON() -> JSONValue {
        .object([
            ("hosts", .int(Int64(identity.hosts))),
            ("instances", .int(Int64(identity.instances))),
            ("campaign_hosts", .int(Int64(identity.campaignHosts))),
            ("instances_in_campaign", .number(instancesInCampaign.mean ?? 0)),
            ("instances_in_campaign_per_replication", instancesInCampaign.json),
        ])
    }

    /// Mean count of each final state, with its rate and Wilson interval where defined.
    private func outcomesJSON() -> JSONValue {
        var outcomes: [(String, JSONValue)] = []
        for state in FinalState.allCases {
            // `untouched` keeps its version-1 meaning: instances whose host was not in the
            // campaign (bystanders that no failure touched either).
            let count = state == .untouched ? meanBystanderCount(of: state) : meanCount(of: state)
            var members: [(String, JSONValue)] = [("count_mean", .number(count))]
            if let w = rate(of: state) {
                members.append(("rate", .finite(w.proportion)))
                members.append(("rate_ci95_low", .finite(w.lower)))
                members.append(("rate_ci95_high", .finite(w.upper)))
            }
            outcomes.append((state.rawValue, .object(members)))
        }
        return .object(outcomes)
    }

    private func networkJSON() -> JSONValue {
        let n = Double(max(replications.count, 1))
        return .object([
            ("bytes_on_wire_mean", .number(replications.reduce(0) { $0 + $1.bytesOnWire } / n)),
            ("live_migration_bytes_mean", .number(meanPerReplication(\.liveMigrationBytes))),
            ("cold_copy_bytes_mean", .number(meanPerReplication(\.coldCopyBytes))),
            ("peak_uplink_utilisation", peakUplinkUtilisation.json),
        ])
    }

    private func downtimeJSON() -> JSONValue {
        .object([
            ("pooled", downtimeSeconds.json),
            ("mean_per_replication", meanDowntimeSeconds.json),
            ("p99_per_replication", p99DowntimeSeconds.json),
            ("planned_pooled", PooledDistribution(replications.flatMap(\.plannedDowntimePerMovedSeconds)).json),
            ("unplanned_pooled", PooledDistribution(replications.flatMap(\.unplannedDowntimePerMovedSeconds)).json),
        ])
    }
}

extension CampaignReport {
    /// Mean count per replication of each label, labels sorted.
    func meanCounts(_ rows: (ReplicationMetrics) -> [(String, Int)]) -> [(String, JSONValue)] {
        var totals: [String: Int] = [:]
        for r in replications { for (label, count) in rows(r) { totals[label, default: 0] += count } }
        let n = Double(max(replications.count, 1))
        return totals.keys.sorted().map { ($0, .number(Double(totals[$0]!) / n)) }
    }

    private func attemptsJSON() -> JSONValue {
        let n = Double(max(replications.count, 1))
        var members: [(String, JSONValue)] = []
        for action in MoveAction.allCases {
            let rows = replications.compactMap { r in r.attemptsByAction.first { $0.action == action } }
            let attempts: Double = Double(rows.reduce(0) { $0 + $1.attempts }) / n
            let completed: Double = Double(rows.reduce(0) { $0 + $1.completed }) / n
            let aborted: Double = Double(rows.reduce(0) { $0 + $1.aborted }) / n
            members.append((action.rawValue, .object([("attempts_mean", .number(attempts)),
                                                      ("completed_mean", .number(completed)),
                                                      ("aborted_mean", .number(aborted))])))
        }
        return .object(members)
    }

    private func movedByJSON() -> JSONValue {
        let n = Double(max(replications.count, 1))
        var members: [(String, JSONValue)] = []
        for action in MoveAction.allCases {
            let total = replications.reduce(0) { r, m in r + (m.movedBy.first { $0.action == action }?.count ?? 0) }
            members.append((action.rawValue, .number(Double(total) / n)))
        }
        return .object(members)
    }

    /// Planned versus unplanned downtime, by cause, and what failures cost.
    private func failuresJSON() -> JSONValue {
        let n = Double(max(replications.count, 1))
        var causes: [(String, JSONValue)] = []
        for (k, cause) in DowntimeCause.allCases.enumerated() {
            let total = replications.reduce(0.0) { $0 + $1.downtimeByCauseSeconds[k].seconds }
            causes.append((cause.rawValue, .number(total / n)))
        }
        let planned: Double = replications.reduce(0.0) { $0 + $1.plannedDowntimeSeconds } / n
        let unplanned: Double = replications.reduce(0.0) { $0 + $1.unplannedDowntimeSeconds } / n
        let failures: Double = Double(replications.reduce(0) { $0 + $1.hostFailures }) / n
        return .object([
            ("host_failures_mean", .number(failures)),
            ("planned_downtime_s_mean", .number(planned)),
            ("unplanned_downtime_s_mean", .number(unplanned)),
            ("downtime_by_cause_s_mean", .object(causes)),
            ("unplanned_downtime_per_affected_instance_s",
             PooledDistribution(replications.flatMap(\.unplannedDowntimePerInstanceSeconds)).json),
            ("lost_in_postcopy", .array(replications.map { r in .array(r.lostInstances.map(JSONValue.string)) })),
        ])
    }

    private func policyJSON() -> JSONValue {
        let n = Double(max(replications.count, 1))
        var finals: [(String, JSONValue)] = []
        for state in FinalState.allCases {
            let rows = meanCounts { r in r.finalReasons.filter { $0.state == state }.map { ($0.reason, $0.count) } }
            if !rows.isEmpty { finals.append((state.rawValue, .object(rows))) }
        }
        let notice = PooledDistribution(replications.flatMap(\.noticeToResolutionSeconds))
        let lost: Double = Double(replications.reduce(0) { $0 + $1.dataLostInstances }) / n
        let changed: Double = Double(replications.reduce(0) { $0 + $1.identifiersChangedInstances }) / n
        return .object([
            ("plan_reasons", .object(meanCounts(\.planReasons))),
            ("incompatibilities", .object(meanCounts(\.incompatibilities))),
            ("final_reasons", .object(finals)),
            ("notice_to_resolution_s", notice.json),
            ("data_lost_mean", .number(lost)),
            ("identifiers_changed_mean", .number(changed)),
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
        for (state, count) in finalStateCounts {
            let n = state == .untouched ? bystanderCount(state) : count
            members.append((state.rawValue, .int(Int64(n))))
        }
        members += [
            ("instances_in_campaign", .int(Int64(instancesInCampaign))),
            ("bystanders_crashed", .int(Int64(bystanderCount(.crashed)))),
            ("attempts", .int(Int64(attempts))),
            ("live_completed", .int(Int64(movedBy.first { $0.action == .live }?.count ?? 0))),
            ("fell_back_to_reboot", .int(Int64(fellBackToReboot))),
            ("bytes_on_wire", .number(bytesOnWire)),
            ("live_migration_bytes", .number(liveMigrationBytes)),
            ("cold_copy_bytes", .number(coldCopyBytes)),
            ("downtime_p50_s", .finite(s.p50)),
            ("downtime_p99_s", .finite(s.p99)),
            ("downtime_max_s", .finite(s.max)),
            ("hosts_drained", .int(Int64(hostsDrained))),
            ("events", .int(Int64(eventsProcessed))),
        ]
        return .object(members)
    }
}
