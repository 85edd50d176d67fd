import FleetSimulation

extension CampaignReport {
    /// The Markdown summary printed on standard output and written as `summary.md`.
    public func summaryMarkdown() -> String {
        let id = identity
        var md = "# fleetsim: \(id.scenarioName)\n\n"
        md += "Scenario `\(id.scenarioFile)`, seed \(id.seed), \(id.replications) replication\(id.replications == 1 ? "" : "s"), "
        md += "horizon \(NumberText.duration(id.horizonSeconds)), rng \(id.generator).\n"
        md += "Fleet: \(id.hosts) hosts, \(id.instances) instances; the campaign drains \(id.campaignHosts) hosts.\n\n"

        md += "## Campaign\n\n"
        md += "| metric | mean | 95% CI | min | max |\n|---|---:|---:|---:|---:|\n"
        md += row("makespan (all hosts back)", campaignMakespanSeconds, NumberText.duration)
        md += row("drain makespan (all hosts empty)", drainMakespanSeconds, NumberText.duration)
        md += row("mean downtime per moved instance", meanDowntimeSeconds, NumberText.duration)
        md += row("p99 downtime", p99DowntimeSeconds, NumberText.duration)
        if completedReplications < replications.count {
            md += "\n\(replications.count - completedReplications) of \(replications.count) replications did not finish the campaign before the horizon.\n"
        }

        md += "\n## Outcomes (instances on campaign hosts)\n\n"
        md += "| final state | count (mean) | rate | 95% CI |\n|---|---:|---:|---:|\n"
        for state in FinalState.allCases where state != .untouched {
            let w = rate(of: state)
            md += "| \(state.rawValue) | \(NumberText.fixed(meanCount(of: state), meanCount(of: state) == meanCount(of: state).rounded() ? 0 : 1)) | "
            md += "\(w.map { NumberText.percent($0.proportion) } ?? "n/a") | "
            md += "\(w.map { NumberText.percent($0.lower) + " – " + NumberText.percent($0.upper) } ?? "n/a") |\n"
        }

        let n = Double(max(replications.count, 1))
        md += "\n## Moves (mean per replication)\n\n"
        md += "| action | attempts | completed | aborted | instances moved by it |\n|---|---:|---:|---:|---:|\n"
        for action in MoveAction.allCases {
            let rows = replications.compactMap { r in r.attemptsByAction.first { $0.action == action } }
            let attempts = Double(rows.reduce(0) { $0 + $1.attempts }) / n
            guard attempts > 0 else { continue }
            let moved = Double(replications.reduce(0) { r, m in r + (m.movedBy.first { $0.action == action }?.count ?? 0) }) / n
            md += "| \(action.rawValue) | \(mean(attempts)) | \(mean(Double(rows.reduce(0) { $0 + $1.completed }) / n)) | "
            md += "\(mean(Double(rows.reduce(0) { $0 + $1.aborted }) / n)) | \(mean(moved)) |\n"
        }
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
            md += "\nNot moved, by reason: "
            md += finals.compactMap { (c, v) in if case .number(let x) = v { return "\(c) (\(mean(x)))" } else { return nil } }
                .joined(separator: "; ") + ".\n"
        }
        let notice = PooledDistribution(replications.flatMap(\.noticeToResolutionSeconds))
        if notice.count > 0 {
            md += "\nNotice to resolution (notified instances that moved): p50 \(NumberText.duration(notice.p50!)), "
            md += "p90 \(NumberText.duration(notice.p90!)), max \(NumberText.duration(notice.max!)).\n"
        }
        let lost = Double(replications.reduce(0) { $0 + $1.dataLostInstances }) / n
        let changed = Double(replications.reduce(0) { $0 + $1.identifiersChangedInstances }) / n
        if lost > 0 { md += "\nLocal NVMe data lost (DenseIO proactive reboot without backup): \(mean(lost)) instances per replication.\n" }
        if changed > 0 { md += "\nIdentifiers changed by manual migration: \(mean(changed)) instances per replication.\n" }
        let fallbacks = Double(replications.reduce(0) { $0 + $1.fellBackToReboot }) / n
        if fallbacks > 0 { md += "\nFell back from live to reboot migration: \(mean(fallbacks)) instances per replication.\n" }
        if !abortReasons.isEmpty {
            md += "\nAborted attempts by reason (all replications): "
            md += abortReasons.map { "\($0.reason) \($0.count)" }.joined(separator: ", ") + ".\n"
        }
        let bytes = replications.reduce(0) { $0 + $1.bytesOnWire } / n
        if bytes > 0 {
            md += "\nLive-migration traffic: \(NumberText.fixed(bytes / 1_099_511_627_776, 2)) TiB per replication"
            if let peak = peakUplinkUtilisation.max { md += "; busiest rack link or spine peaked at \(NumberText.percent(peak)) (sampled)" }
            md += ".\n"
        }

        let unplanned = replications.reduce(0.0) { $0 + $1.unplannedDowntimeSeconds } / n
        let failures = Double(replications.reduce(0) { $0 + $1.hostFailures }) / n
        if unplanned > 0 || failures > 0 {
            let planned = replications.reduce(0.0) { $0 + $1.plannedDowntimeSeconds } / n
            md += "\n## Failures (mean per replication)\n\n"
            md += "Host failures: \(mean(failures)). Downtime of the fleet: planned \(NumberText.duration(planned)), "
            md += "unplanned \(NumberText.duration(unplanned)).\n\n"
            md += "| downtime cause | planned | fleet total |\n|---|---|---:|\n"
            for (k, cause) in DowntimeCause.allCases.enumerated() {
                let total = replications.reduce(0.0) { $0 + $1.downtimeByCauseSeconds[k].seconds } / n
                guard total > 0 else { continue }
                md += "| \(cause.rawValue) | \(cause.isPlanned ? "yes" : "no") | \(NumberText.duration(total)) |\n"
            }
            let lost = replications.flatMap(\.lostInstances)
            md += lost.isEmpty ? "\nNo guest was lost in post-copy.\n"
                : "\nLost in post-copy (restarted from their boot volumes): \(lost.joined(separator: ", ")).\n"
        }

        md += "\n## Downtime and waiting (pooled over replications)\n\n"
        md += "| distribution | n | mean | p50 | p90 | p99 | max |\n|---|---:|---:|---:|---:|---:|---:|\n"
        md += pooledRow("downtime per moved instance", downtimeSeconds)
        md += pooledRow("queueing delay per attempt", queueingDelaySeconds)
        md += pooledRow("wait for capacity (instances that waited)", waitedForCapacitySeconds)
        return md
    }

    private func mean(_ x: Double) -> String { NumberText.fixed(x, x == x.rounded() ? 0 : 1) }

    private func row(_ name: String, _ m: AcrossReplications, _ fmt: (Double) -> String) -> String {
        guard let mean = m.mean else { return "| \(name) | n/a | | | |\n" }
        let ci = (m.ci95Low != nil && m.ci95High != nil) ? "\(fmt(m.ci95Low!)) – \(fmt(m.ci95High!))" : "n/a (1 run)"
        return "| \(name) | \(fmt(mean)) | \(ci) | \(fmt(m.min!)) | \(fmt(m.max!)) |\n"
    }

    private func pooledRow(_ name: String, _ d: PooledDistribution) -> String {
        guard d.count > 0 else { return "| \(name) | 0 | | | | | |\n" }
        let f = NumberText.duration
        return "| \(name) | \(d.count) | \(f(d.mean!)) | \(f(d.p50!)) | \(f(d.p90!)) | \(f(d.p99!)) | \(f(d.max!)) |\n"
    }
}
