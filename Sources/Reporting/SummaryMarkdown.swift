import FleetSimulation

extension CampaignReport {
    /// The Markdown summary printed on standard output and written as `summary.md`.
    ///
    /// Two kinds of statistics, never mixed in one table: "per replication" tables give the
    /// mean of one number per replication with its 95% interval across replications; "pooled"
    /// tables put every instance (or attempt) of every replication into one distribution.
    /// Every row states its unit once, in its unit column.
    public func summaryMarkdown() -> String {
        var md = identityMarkdown()
        md += campaignMarkdown()
        md += outcomesMarkdown()
        md += movesMarkdown()
        md += failuresMarkdown()
        md += pooledMarkdown()
        return md
    }

    private func identityMarkdown() -> String {
        let id = identity
        var md = "# fleetsim: \(id.scenarioName)\n\n"
        md += "Scenario `\(id.scenarioFile)`, seed \(id.seed), \(id.replications) replication\(id.replications == 1 ? "" : "s"), "
        md += "horizon \(NumberText.duration(id.horizonSeconds)), rng \(id.generator), resample \(id.resample).\n"
        if !id.overrides.isEmpty {
            md += "Command line: " + id.overrides.map { "\($0.key)=\($0.value)" }.joined(separator: ", ") + ".\n"
        }
        md += "Fleet: \(id.hosts) hosts, \(id.instances) instances; the campaign drains \(id.campaignHosts) hosts.\n\n"
        return md
    }

    private func campaignMarkdown() -> String {
        let n = replications.count
        var md = "## Campaign (per replication: mean of \(n), 95% t-interval across replications, min, max)\n\n"
        md += "| metric | unit | mean | 95% CI | min | max |\n|---|---|---:|---:|---:|---:|\n"
        md += durationRow("makespan (all hosts back)", campaignMakespanSeconds)
        md += durationRow("drain makespan (all hosts empty)", drainMakespanSeconds)
        md += durationRow("mean downtime per moved instance", meanDowntimeSeconds)
        md += durationRow("p99 downtime per moved instance", p99DowntimeSeconds)
        md += row("instances the campaign dealt with", unit: "instances", instancesInCampaign) { NumberText.fixed($0, $0 == $0.rounded() ? 0 : 1) }
        if [campaignMakespanSeconds, drainMakespanSeconds, meanDowntimeSeconds, p99DowntimeSeconds].contains(where: \.clamped) {
            md += "\n\\* The t-interval reached below 0 (few replications, a skewed metric); it is cut at 0, the metric's least value.\n"
        }
        if completedReplications < replications.count {
            md += "\n\(replications.count - completedReplications) of \(replications.count) replications did not finish the campaign before the horizon.\n"
        }
        return md
    }

    private func outcomesMarkdown() -> String {
        let population = instancesInCampaign.mean ?? 0
        var md = "\n## Outcomes (the \(mean(population)) instances the campaign dealt with, mean per replication)\n\n"
        md += "| final state | instances | rate (pooled) | 95% CI (Wilson) |\n|---|---:|---:|---:|\n"
        for state in FinalState.allCases where state != .untouched {
            let w = rate(of: state)
            md += "| \(state.rawValue) | \(mean(meanCount(of: state))) | "
            md += "\(w.map { NumberText.percent($0.proportion) } ?? "n/a") | "
            md += "\(w.map { NumberText.percent($0.lower) + " – " + NumberText.percent($0.upper) } ?? "n/a") |\n"
        }
        let bystanders = FinalState.allCases.map { ($0, meanBystanderCount(of: $0)) }.filter { $0.1 > 0 }
        if !bystanders.isEmpty {
            let total = bystanders.reduce(0) { $0 + $1.1 }
            md += "\nBystanders (the \(mean(total)) instances outside the campaign, mean per replication): "
            md += bystanders.map { "\($0.0.rawValue) \(mean($0.1))" }.joined(separator: ", ") + ".\n"
        }
        return md
    }

    private func movesMarkdown() -> String {
        let n = Double(max(replications.count, 1))
        var md = "\n## Moves (mean per replication)\n\n"
        md += "| action | attempts | completed | aborted | instances moved by it |\n|---|---:|---:|---:|---:|\n"
        for action in MoveAction.allCases {
            let rows = replications.compactMap { r in r.attemptsByAction.first { $0.action == action } }
            let attempts = Double(rows.reduce(0) { $0 + $1.attempts }) / n
            guard attempts > 0 else { continue }
            let moved = Double(replications.reduce(0) { r, m in r + (m.movedBy.first { $0.action == action }?.count ?? 0) }) / n
            md += "| \(action.rawValue) | \(mean(attempts)) | \(mean(Double(rows.reduce(0) { $0 + $1.completed }) / n)) | "
            md += "\(mean(Double(rows.reduce(0) { $0 + $1.aborted }) / n)) | \(mean(moved)) |\n"
        }
        md += policyMarkdown()
        let lost = meanPerReplication { Double($0.dataLostInstances) }
        let changed = meanPerReplication { Double($0.identifiersChangedInstances) }
        if lost > 0 { md += "\nLocal NVMe data lost (DenseIO proactive reboot without backup): \(mean(lost)) instances per replication.\n" }
        if changed > 0 { md += "\nIdentifiers changed by manual migration: \(mean(changed)) instances per replication.\n" }
        let fallbacks = meanPerReplication { Double($0.fellBackToReboot) }
        if fallbacks > 0 { md += "\nFell back from live to reboot migration: \(mean(fallbacks)) instances per replication.\n" }
        if !abortReasons.isEmpty {
            md += "\nAborted attempts by reason (all replications): "
            md += abortReasons.map { "\($0.reason) \($0.count)" }.joined(separator: ", ") + ".\n"
        }
        md += trafficMarkdown()
        return md
    }

    private func policyMarkdown() -> String {
        var md = ""
        let reasons = meanCounts(\.planReasons)
        if !reasons.isEmpty && !(reasons.count == 1 && reasons[0].0.hasPrefix("campaign move")) {
            md += "\n### Why (policy plans, mean instances per replication)\n\n| plan reason | instances |\n|---|---:|\n"
            for (reason, value) in reasons { if case .number(let x) = value { md += "| \(reason) | \(mean(x)) |\n" } }
            let criteria = meanCounts(\.incompatibilities)
            if !criteria.isEmpty {
                md += "\nFailed live-migration criteria (\"View incompatibilities\"): "
                md += criteria.compactMap { (c, v) in if case .number(let x) = v { return "\(c) \(mean(x))" } else { return nil } }
                    .joined(separator: ", ") + ".\n"
            }
        }
        let finals = meanCounts { r in r.finalReasons.filter { $0.state != .moved }.map { ("\($0.state.rawValue): \($0.reason)", $0.count) } }
        if !finals.isEmpty {
            md += "\nNot moved, by reason (mean per replication): "
            md += finals.compactMap { (c, v) in if case .number(let x) = v { return "\(c) (\(mean(x)))" } else { return nil } }
                .joined(separator: "; ") + ".\n"
        }
        let notice = PooledDistribution(replications.flatMap(\.noticeToResolutionSeconds))
        if notice.count > 0, let p50 = notice.p50, let p90 = notice.p90, let max = notice.max {
            let unit = DurationUnit.fitting([max])
            md += "\nNotice to resolution (pooled, notified instances that moved), \(unit.symbol): p50 \(unit.format(p50)), "
            md += "p90 \(unit.format(p90)), max \(unit.format(max)).\n"
        }
        return md
    }

    private func trafficMarkdown() -> String {
        let live = meanPerReplication(\.liveMigrationBytes)
        let cold = meanPerReplication(\.coldCopyBytes)
        guard live > 0 || cold > 0 else { return "" }
        let tib = 1_099_511_627_776.0
        var md = "\nTraffic per replication (TiB): live migration \(NumberText.fixed(live / tib, 3))"
        if cold > 0 { md += ", cold moves' root-disk copies \(NumberText.fixed(cold / tib, 3))" }
        if let peak = peakUplinkUtilisation.max {
            md += "; busiest rack link, spine or client link peaked at \(NumberText.percent(peak)) of the capacity in force (sampled)"
        }
        return md + ".\n"
    }

    private func failuresMarkdown() -> String {
        let unplanned = meanPerReplication(\.unplannedDowntimeSeconds)
        let failures = meanPerReplication { Double($0.hostFailures) }
        guard unplanned > 0 || failures > 0 else { return "" }
        let planned = meanPerReplication(\.plannedDowntimeSeconds)
        let totals = DowntimeCause.allCases.indices.map { k in meanPerReplication { $0.downtimeByCauseSeconds[k].seconds } }
        var md = "\n## Failures (mean per replication)\n\n"
        md += "Host failures: \(mean(failures)).\n\n"
        md += "| fleet downtime, summed over instances | unit | planned | unplanned |\n|---|---|---:|---:|\n"
        func line(_ name: String, planned p: Double?, unplanned u: Double?) -> String {
            let unit = DurationUnit.fitting([p ?? 0, u ?? 0])
            return "| \(name) | \(unit.symbol) | \(p.map(unit.format) ?? "") | \(u.map(unit.format) ?? "") |\n"
        }
        md += line("all planned causes", planned: planned, unplanned: nil)
        md += line("all unplanned causes", planned: nil, unplanned: unplanned)
        for (k, cause) in DowntimeCause.allCases.enumerated() where totals[k] > 0 {
            md += line(cause.rawValue, planned: cause.isPlanned ? totals[k] : nil, unplanned: cause.isPlanned ? nil : totals[k])
        }
        let lost = replications.flatMap(\.lostInstances)
        md += lost.isEmpty ? "\nNo guest was lost in post-copy.\n"
            : "\nLost in post-copy (restarted from their boot volumes): \(lost.joined(separator: ", ")).\n"
        return md
    }

    private func pooledMarkdown() -> String {
        var md = "\n## Downtime and waiting (pooled: every instance or attempt of every replication)\n\n"
        md += "| distribution | n | unit | mean | p50 | p90 | p99 | max |\n|---|---:|---|---:|---:|---:|---:|---:|\n"
        md += pooledRow("planned downtime per moved instance", PooledDistribution(replications.flatMap(\.plannedDowntimePerMovedSeconds)))
        md += pooledRow("unplanned downtime per moved instance", PooledDistribution(replications.flatMap(\.unplannedDowntimePerMovedSeconds)))
        md += pooledRow("total downtime per moved instance", downtimeSeconds)
        md += pooledRow("queueing delay per attempt", queueingDelaySeconds)
        md += pooledRow("wait for capacity (instances that waited)", waitedForCapacitySeconds)
        return md
    }

    private func mean(_ x: Double) -> String { NumberText.fixed(x, x == x.rounded() ? 0 : 1) }

    private func durationRow(_ name: String, _ m: AcrossReplications) -> String {
        let unit = DurationUnit.fitting([m.max ?? 0])
        return row(name, unit: unit.symbol, m, unit.format)
    }

    private func row(_ name: String, unit: String, _ m: AcrossReplications, _ fmt: (Double) -> String) -> String {
        guard let mean = m.mean, let min = m.min, let max = m.max else { return "| \(name) | \(unit) | n/a | | | |\n" }
        var ci = "n/a (1 run)"
        if let low = m.ci95Low, let high = m.ci95High { ci = "\(fmt(low)) – \(fmt(high))" + (m.clamped ? "\\*" : "") }
        return "| \(name) | \(unit) | \(fmt(mean)) | \(ci) | \(fmt(min)) | \(fmt(max)) |\n"
    }

    private func pooledRow(_ name: String, _ d: PooledDistribution) -> String {
        guard d.count > 0, let mean = d.mean, let p50 = d.p50, let p90 = d.p90, let p99 = d.p99, let max = d.max else {
            return "| \(name) | 0 | | | | | | |\n"
        }
        let unit = DurationUnit.fitting([max])
        let f = unit.format
        return "| \(name) | \(d.count) | \(unit.symbol) | \(f(mean)) | \(f(p50)) | \(f(p90)) | \(f(p99)) | \(f(max)) |\n"
    }
}
