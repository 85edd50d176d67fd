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
/// (`FailurePlan.make`), not here. Every key, unit, default and source: the knob table
/// (Knobs/ScenarioKnobs+Failure*.swift), printed in docs/failure-reference.md. Call it from the loader as
/// `root.mapping("failures", required: false) { FailureSection.read($0) } ?? .none`.
public enum FailureSection {
    /// The shortest mean time between failures (and the fastest failure rate) accepted.
    static let minimumMTBFSeconds = 60.0

    /// The configuration, or nil when anything in it is wrong (every problem is reported).
    public static func read(_ m: MappingReader) -> FailureConfig? {
        typealias K = ScenarioKnobs.Failures
        let errorsBefore = PolicySection.errorCount(m.reader)
        var config = FailureConfig()
        config.hosts = m.mapping(K.hosts.key, required: false) { hosts($0) } ?? config.hosts
        config.racks = m.mapping(K.racks.key, required: false) { racks($0) } ?? config.racks
        config.links = m.mapping(K.links.key, required: false) { links($0) } ?? config.links
        config.migrations = m.mapping(K.migrations.key, required: false) {
            $0.overriding(MigrationFaults(), ScenarioKnobs.FailureMigrations.knobs)
        } ?? config.migrations
        config.customers = m.mapping(K.customers.key, required: false) {
            $0.overriding(CustomerFaults(), ScenarioKnobs.FailureCustomers.knobs)
        } ?? config.customers
        guard PolicySection.errorCount(m.reader) == errorsBefore else { return nil }
        return config
    }

    // MARK: - Groups (keys: Knobs/ScenarioKnobs+Failure*.swift)

    static func hosts(_ m: MappingReader) -> HostFailures {
        typealias K = ScenarioKnobs.FailureHosts
        var h = HostFailures()
        h.scheduled = m.sequence(K.scheduled.key, required: false) { item in
            item.mapping { e -> ScheduledHostFailure? in
                let host = e.required(K.host)
                let at = e.required(K.at)
                let repair = e.optional(K.repairAfter)
                guard let host, let at else { return nil }
                return ScheduledHostFailure(host: host, at: at, repairAfter: repair)
            }
        } ?? []
        if let mtbf = m.node(K.mtbf.key), !mtbf.isNull {
            // A mapping is the distribution of the time to failure itself; a plain duration is
            // a mean time between failures, i.e. exponential (constant hazard) with that mean.
            // At least a minute: an MTBF of 1 ns schedules a failure per host per nanosecond, a run
            // that never ends; real MTBFs are months.
            if mtbf.isMapping {
                h.timeToFailureSeconds = m.distribution(K.mtbf.key, .duration, range: .atLeast(minimumMTBFSeconds))
            } else {
                h.timeToFailureSeconds = mtbf.decode(.duration(range: .atLeast(minimumMTBFSeconds)))
                    .map { .exponential(mean: $0.seconds) }
            }
        }
        K.repair.apply(m, to: &h)
        return h
    }

    static func racks(_ m: MappingReader) -> RackFailures {
        typealias K = ScenarioKnobs.FailureRacks
        var r = RackFailures()
        r.scheduled = m.sequence(K.scheduled.key, required: false) { item in
            item.mapping { e -> ScheduledRackFault? in
                let rack = e.required(K.rack)
                let kind = e.required(K.kind)
                let at = e.required(K.at)
                let duration = e.required(K.duration)
                guard let rack, let kind, let at, let duration else { return nil }
                return ScheduledRackFault(rack: rack, kind: kind, at: at, duration: duration)
            }
        } ?? []
        r.power = m.mapping(K.power.key, required: false) { randomRack($0) }
        r.tor = m.mapping(K.tor.key, required: false) { randomRack($0) }
        return r
    }

    static func randomRack(_ m: MappingReader) -> RandomRackFaults? {
        let rate = m.required(ScenarioKnobs.FailureRacks.perRack)
        let outage = m.distribution(ScenarioKnobs.FailureRacks.outage)
        guard let rate, let outage else { return nil }
        return RandomRackFaults(ratePerRackPerSecond: rate, outageSeconds: outage)
    }

    static func links(_ m: MappingReader) -> LinkFaults {
        typealias K = ScenarioKnobs.FailureLinks
        var l = LinkFaults()
        l.scheduled = m.sequence(K.scheduled.key, required: false) { item in
            item.mapping { e -> ScheduledLinkFault? in
                let link = e.required(K.link)
                let at = e.required(K.at)
                let duration = e.required(K.duration)
                let remaining = e.required(K.remaining)
                guard let link, let at, let duration, let remaining else { return nil }
                return ScheduledLinkFault(link: link, at: at, duration: duration, remainingFraction: remaining)
            }
        } ?? []
        for linkClass in LinkClass.allCases {
            if let process = m.mapping(K.linkClass(linkClass).key, required: false, { randomLink($0) }) {
                l.random[linkClass] = process
            }
        }
        return l
    }

    static func randomLink(_ m: MappingReader) -> RandomLinkFaults? {
        typealias K = ScenarioKnobs.FailureLinks
        let rate = m.required(K.perLink)
        let duration = m.distribution(K.randomDuration)
        let remaining = m.distribution(K.randomRemaining)
        guard let rate, let duration, let remaining else { return nil }
        return RandomLinkFaults(ratePerLinkPerSecond: rate, durationSeconds: duration, remainingFraction: remaining)
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
