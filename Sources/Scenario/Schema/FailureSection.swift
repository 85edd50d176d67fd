import FleetSimulation
import SimKernel
import Stochastics

/// `failures:` — what goes wrong during the run, in five groups, every one optional:
///
/// ```yaml
/// failures:
///   hosts:
///     scheduled:
///       - {host: e4-0003, at: 2h, repair: 4h}
///     mtbf: 1000d                      # exponential time to failure, every host
///     repair: {dist: lognormal, median: 4h, p99: 3d}
///   racks:
///     scheduled:
///       - {rack: e4-rack-01, kind: power, at: 3h, duration: 1h}
///     power: {per_rack: 0.5/365d, outage: {dist: lognormal, median: 1h, p99: 8h}}
///   links:
///     scheduled:
///       - {link: spine, at: 1h, duration: 1h, remaining: 10%}
///       - {link: {host: e4-0007}, at: 5h, duration: 10min, remaining: 0}
///     nic: {per_link: 1/90d, duration: 5min, remaining: 0}
///   migrations:
///     abort_per_attempt: 2%
///     abort_per_gib: 0.05%
///     setup_error: 1%
///     link_stall_timeout: 30s
///   customers:
///     never_respond: 10%
/// ```
///
/// Names (hosts, racks) are checked against the fleet when the plan is built
/// (`FailurePlan.make`), not here. Every key, unit, default and source:
/// docs/failure-reference.md. Call it from the loader as
/// `root.mapping("failures", required: false) { FailureSection.read($0) } ?? .none`.
public enum FailureSection {
    /// The shortest mean time between failures (and the fastest failure rate) accepted.
    static let minimumMTBFSeconds = 60.0

    /// The configuration, or nil when anything in it is wrong (every problem is reported).
    public static func read(_ m: MappingReader) -> FailureConfig? {
        let errorsBefore = PolicySection.errorCount(m.reader)
        var config = FailureConfig()
        config.hosts = m.mapping("hosts", required: false) { hosts($0) } ?? config.hosts
        config.racks = m.mapping("racks", required: false) { racks($0) } ?? config.racks
        config.links = m.mapping("links", required: false) { links($0) } ?? config.links
        config.migrations = m.mapping("migrations", required: false) { migrations($0) } ?? config.migrations
        config.customers = m.mapping("customers", required: false) { customers($0) } ?? config.customers
        guard PolicySection.errorCount(m.reader) == errorsBefore else { return nil }
        return config
    }

    // MARK: - Groups

    static func hosts(_ m: MappingReader) -> HostFailures {
        var h = HostFailures()
        h.scheduled = m.sequence("scheduled", required: false) { item in
            item.mapping { e -> ScheduledHostFailure? in
                let host = e.required("host", .string)
                let at = e.required("at", .duration)
                let repair = e.optional("repair", .duration)
                guard let host, let at else { return nil }
                return ScheduledHostFailure(host: host, at: at, repairAfter: repair)
            }
        } ?? []
        if let mtbf = m.node("mtbf"), !mtbf.isNull {
            // A mapping is the distribution of the time to failure itself; a plain duration is
            // a mean time between failures, i.e. exponential (constant hazard) with that mean.
            // At least a minute: an MTBF of 1 ns schedules a failure per host per nanosecond, a run
            // that never ends; real MTBFs are months.
            if mtbf.isMapping {
                h.timeToFailureSeconds = m.distribution("mtbf", .duration, range: .atLeast(minimumMTBFSeconds))
            } else {
                h.timeToFailureSeconds = mtbf.decode(.duration(range: .atLeast(minimumMTBFSeconds)))
                    .map { .exponential(mean: $0.seconds) }
            }
        }
        h.repairSeconds = m.distribution("repair", .duration, default: h.repairSeconds) ?? h.repairSeconds
        return h
    }

    static func racks(_ m: MappingReader) -> RackFailures {
        var r = RackFailures()
        r.scheduled = m.sequence("scheduled", required: false) { item in
            item.mapping { e -> ScheduledRackFault? in
                let rack = e.required("rack", .string)
                let kind = e.required("kind", .enumeration(RackFaultKind.self, noun: "rack fault kind"))
                let at = e.required("at", .duration)
                let duration = e.required("duration", .duration(range: .positive))
                guard let rack, let kind, let at, let duration else { return nil }
                return ScheduledRackFault(rack: rack, kind: kind, at: at, duration: duration)
            }
        } ?? []
        r.power = m.mapping("power", required: false) { randomRack($0) }
        r.tor = m.mapping("tor", required: false) { randomRack($0) }
        return r
    }

    static func randomRack(_ m: MappingReader) -> RandomRackFaults? {
        let rate = m.required("per_rack", FieldType<Double>.rate)
        let outage = m.distribution("outage", .duration)
        guard let rate, let outage else { return nil }
        return RandomRackFaults(ratePerRackPerSecond: rate, outageSeconds: outage)
    }

    static func links(_ m: MappingReader) -> LinkFaults {
        var l = LinkFaults()
        l.scheduled = m.sequence("scheduled", required: false) { item in
            item.mapping { e -> ScheduledLinkFault? in
                let link = e.required("link", linkSelector)
                let at = e.required("at", .duration)
                let duration = e.required("duration", .duration(range: .positive))
                let remaining = e.required("remaining", .fraction)
                guard let link, let at, let duration, let remaining else { return nil }
                return ScheduledLinkFault(link: link, at: at, duration: duration, remainingFraction: remaining)
            }
        } ?? []
        for linkClass in LinkClass.allCases {
            if let process = m.mapping(linkClass.rawValue, required: false, { randomLink($0) }) {
                l.random[linkClass] = process
            }
        }
        return l
    }

    static func randomLink(_ m: MappingReader) -> RandomLinkFaults? {
        let rate = m.required("per_link", FieldType<Double>.rate)
        let duration = m.distribution("duration", .duration)
        let remaining = m.distribution("remaining", .fraction, default: .constant(0))
        guard let rate, let duration, let remaining else { return nil }
        return RandomLinkFaults(ratePerLinkPerSecond: rate, durationSeconds: duration, remainingFraction: remaining)
    }

    static func migrations(_ m: MappingReader) -> MigrationFaults {
        var f = MigrationFaults()
        f.abortPerAttempt = m.optional("abort_per_attempt", .fraction, default: f.abortPerAttempt)
        f.abortPerGiB = m.optional("abort_per_gib", .fraction, default: f.abortPerGiB)
        f.setupErrorProbability = m.optional("setup_error", .fraction, default: f.setupErrorProbability)
        f.setupErrorDelaySeconds = m.distribution("setup_error_delay", .duration, default: f.setupErrorDelaySeconds)
            ?? f.setupErrorDelaySeconds
        f.rebootFailureProbability = m.optional("reboot_failure", .fraction)
        f.linkStallTimeout = m.optional("link_stall_timeout", .duration, default: f.linkStallTimeout)
        return f
    }

    static func customers(_ m: MappingReader) -> CustomerFaults {
        CustomerFaults(neverRespondFraction: m.optional("never_respond", .fraction))
    }

    // MARK: - Field types

    /// `spine`, `client`, `{host: NAME}` (both directions of its NIC) or `{rack: NAME}` (the
    /// rack's uplink and downlink).
    static var linkSelector: FieldType<LinkSelector> {
        let expected = "spine, client, {host: NAME} or {rack: NAME}"
        return FieldType(expected: expected) { cursor in
            if cursor.isMapping {
                return cursor.mapping { m -> LinkSelector? in
                    switch m.oneOf(["host", "rack"], required: true) {
                    case "host": return m.required("host", .string).map(LinkSelector.hostNIC)
                    case "rack": return m.required("rack", .string).map(LinkSelector.rackUplink)
                    default: return nil
                    }
                }
            }
            guard let text = cursor.scalarText(expected: expected) else { return nil }
            switch text {
            case "spine": return .spine
            case "client": return .client
            default:
                cursor.report(.unknownName, expected: expected, found: "unknown link \(NodeCursor.quote(text))",
                              suggestion: Suggestions.closest(to: text, in: ["spine", "client"]))
                return nil
            }
        }
    }
}

extension FieldType where Value == Double {
    /// Events per second, from `COUNT/DURATION`: `0.5/365d`, `2/30d`, `1/h` (a bare unit is
    /// one of it). Durations have no year unit: a year is `365d`.
    public static var rate: FieldType<Double> {
        let expected = "a rate: a number of events per duration (e.g. 0.5/365d, 2/30d, 1/h)"
        return FieldType(expected: expected) { cursor in
            guard let text = cursor.scalarText(expected: expected) else { return nil }
            let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).map {
                String($0).trimmingBlanks()
            }
            guard parts.count == 2 else {
                cursor.report(.missingUnit, expected: expected, found: "\(NodeCursor.quote(text)) (missing '/duration')")
                return nil
            }
            let count: Double
            switch QuantityParser.parse(parts[0], as: .real) {
            case .success(let n): count = n
            case .failure:
                cursor.report(.badNumber, expected: expected,
                              found: "\(NodeCursor.quote(text)), whose count '\(parts[0])' is not a non-negative number")
                return nil
            }
            var per = parts[1]
            if let first = per.unicodeScalars.first, !("0"..."9").contains(first), first != "." { per = "1" + per }
            switch QuantityParser.parseDuration(per) {
            case .success(let t) where t > .zero:
                // At most one per minute, as for `mtbf`: a faster rate floods the run with events.
                guard count / t.seconds <= 1 / FailureSection.minimumMTBFSeconds else {
                    cursor.report(.outOfRange, expected: expected + " of at most 1/1min",
                                  found: "\(NodeCursor.quote(text)), which is more often")
                    return nil
                }
                return count / t.seconds
            case .success:
                cursor.report(.outOfRange, expected: expected, found: "\(NodeCursor.quote(text)), per a zero duration")
            case .failure(.unknownUnit(let unit, let suggestion)):
                // No year unit: say what to write instead.
                let year = ["y", "yr", "year", "years", "a"].contains(unit.lowercased())
                cursor.report(.unknownUnit, expected: "\(expected), the duration in \(QuantityKind.duration.unitList)",
                              found: "\(NodeCursor.quote(text)) (unknown unit '\(unit)')",
                              suggestion: year ? "365d" : suggestion)
            case .failure:
                cursor.report(.badNumber, expected: expected,
                              found: "\(NodeCursor.quote(text)), whose duration '\(parts[1])' is not a duration")
            }
            return nil
        }
    }
}
