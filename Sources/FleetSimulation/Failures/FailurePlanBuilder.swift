import FleetModel
import SimKernel
import Stochastics

/// Collects raw outage intervals from every source, then merges them into the plan's events.
struct FailurePlanBuilder {
    struct Interval {
        var start: SimTime
        var end: SimTime
        var cause: FailureCause
        /// For links: the capacity left; 1 for hosts and racks.
        var fraction: Double = 1
        /// Insertion order, the last tie-breaker.
        var sequence: Int
    }

    let names: FailureNames
    let seed: UInt64
    let horizon: SimTime
    let generator: GeneratorKind
    var hostIntervals: [[Interval]]
    var rackPowerIntervals: [[Interval]]
    var linkIntervals: [LinkID: [Interval]] = [:]
    var sequence = 0

    init(names: FailureNames, seed: UInt64, horizon: SimTime, generator: GeneratorKind) {
        self.names = names
        self.seed = seed
        self.horizon = horizon
        self.generator = generator
        hostIntervals = Array(repeating: [], count: names.fleet.hosts.count)
        rackPowerIntervals = Array(repeating: [], count: names.topology.rackNames.count)
    }

    func stream(_ entity: String, _ purpose: String) -> RandomStream {
        RandomStream(scenarioSeed: seed, entity: entity, purpose: purpose, kind: generator)
    }

    mutating func next() -> Int {
        sequence += 1
        return sequence
    }

    // MARK: - Sources

    mutating func addHostFailures(_ config: HostFailures) throws(FleetBuildError) {
        for (i, s) in config.scheduled.enumerated() {
            let keyPath = "failures.hosts.scheduled[\(i)]"
            let h = try names.host(s.host, keyPath: keyPath + ".host")
            // A repair drawn for a scheduled failure comes from a stream named after the host
            // and the failure time, so reordering or adding entries changes nothing else.
            let repair = s.repairAfter ?? FailurePlan.duration(
                seconds: config.repairSeconds.sample(stream(s.host, "failure-repair@\(s.at.nanoseconds)")))
            hostIntervals[h.int].append(Interval(start: s.at, end: s.at + repair,
                                                 cause: FailureCause(kind: .host, origin: keyPath), sequence: next()))
        }
        guard let ttf = config.timeToFailureSeconds else { return }
        for host in names.fleet.hosts {
            let s = stream(host.name, "failure-host")
            var t = SimTime.zero
            var n = 0
            while true {
                let fails = t + FailurePlan.duration(seconds: ttf.sample(s))
                let repair = FailurePlan.duration(seconds: config.repairSeconds.sample(s))
                guard fails < horizon else { break }
                try checkCount(n, keyPath: "failures.hosts", what: "failures of host '\(host.name)'")
                hostIntervals[host.id.int].append(Interval(
                    start: fails, end: fails + repair,
                    cause: FailureCause(kind: .host, origin: "random:\(host.name)#\(n)"), sequence: next()))
                t = fails + repair
                n += 1
            }
        }
    }

    mutating func addRackFaults(_ config: RackFailures) throws(FleetBuildError) {
        for (i, s) in config.scheduled.enumerated() {
            let keyPath = "failures.racks.scheduled[\(i)]"
            let r = try names.rack(s.rack, keyPath: keyPath + ".rack")
            addRackFault(r, kind: s.kind, start: s.at, end: s.at + s.duration, origin: keyPath)
        }
        for kind in RackFaultKind.allCases {
            guard let process = config.random(kind) else { continue }
            for r in names.topology.rackNames.indices {
                let entity = names.qualifiedRackName(r)
                try poisson(entity: entity, purpose: "failure-rack-\(kind.rawValue)", rate: process.ratePerRackPerSecond,
                            duration: process.outageSeconds, fraction: nil,
                            keyPath: "failures.racks.\(kind.rawValue)") { b, start, end, _, n in
                    b.addRackFault(r, kind: kind, start: start, end: end, origin: "random:\(entity)#\(n)")
                }
            }
        }
    }

    mutating func addRackFault(_ r: Int, kind: RackFaultKind, start: SimTime, end: SimTime, origin: String) {
        switch kind {
        case .power:
            let cause = FailureCause(kind: .rackPower, origin: origin)
            rackPowerIntervals[r].append(Interval(start: start, end: end, cause: cause, sequence: next()))
            for h in names.rackHosts[r] {
                hostIntervals[h.int].append(Interval(start: start, end: end, cause: cause, sequence: next()))
            }
        case .tor:
            let cause = FailureCause(kind: .rackToR, origin: origin)
            for link in names.torLinks(r) {
                linkIntervals[link, default: []].append(Interval(start: start, end: end, cause: cause, fraction: 0, sequence: next()))
            }
        }
    }

    mutating func addLinkFaults(_ config: LinkFaults) throws(FleetBuildError) {
        for (i, s) in config.scheduled.enumerated() {
            let keyPath = "failures.links.scheduled[\(i)]"
            let links = try names.links(s.link, keyPath: keyPath + ".link")
            addLinkFault(links, start: s.at, end: s.at + s.duration, fraction: s.remainingFraction, origin: keyPath)
        }
        for linkClass in LinkClass.allCases {
            guard let process = config.random[linkClass] else { continue }
            var members: [(entity: String, links: [LinkID])] = []
            switch linkClass {
            case .nic: members = names.fleet.hosts.map { ("nic:" + $0.name, names.nicLinks($0.id)) }
            case .rack:
                members = names.topology.rackNames.indices.map {
                    ("uplink:" + names.qualifiedRackName($0), [names.topology.rackUp[$0], names.topology.rackDown[$0]])
                }
            case .spine: if let spine = names.topology.spine { members = [("spine", [spine])] }
            case .client: members = [("client", [names.topology.client])]
            }
            for member in members {
                try poisson(entity: member.entity, purpose: "failure-link", rate: process.ratePerLinkPerSecond,
                            duration: process.durationSeconds, fraction: process.remainingFraction,
                            keyPath: "failures.links.\(linkClass.rawValue)") { b, start, end, fraction, n in
                    b.addLinkFault(member.links, start: start, end: end, fraction: fraction, origin: "random:\(member.entity)#\(n)")
                }
            }
        }
    }

    mutating func addLinkFault(_ links: [LinkID], start: SimTime, end: SimTime, fraction: Double, origin: String) {
        let cause = FailureCause(kind: .link, origin: origin)
        for link in links {
            linkIntervals[link, default: []].append(Interval(start: start, end: end, cause: cause,
                                                             fraction: min(1, max(0, fraction)), sequence: next()))
        }
    }

    /// A Poisson process of outages: exponential gaps (mean 1/rate) counted from the end of
    /// the previous outage, a drawn duration (and remaining fraction) each, until the horizon.
    /// Draws per event are always the same three, in the same order.
    mutating func poisson(entity: String, purpose: String, rate: Double, duration: Distribution, fraction: Distribution?,
                          keyPath: String,
                          _ add: (inout FailurePlanBuilder, SimTime, SimTime, Double, Int) -> Void) throws(FleetBuildError) {
        guard rate > 0, rate.isFinite else { return }
        let s = stream(entity, purpose)
        let gap = Distribution.exponential(mean: 1 / rate)
        var t = SimTime.zero
        var n = 0
        while true {
            let start = t + FailurePlan.duration(seconds: gap.sample(s))
            let length = FailurePlan.duration(seconds: duration.sample(s))
            let remaining = fraction?.sample(s) ?? 0
            guard start < horizon else { break }
            try checkCount(n, keyPath: keyPath, what: "faults of '\(entity)'")
            add(&self, start, start + length, remaining, n)
            t = start + length
            n += 1
        }
    }

    func checkCount(_ n: Int, keyPath: String, what: String) throws(FleetBuildError) {
        if n >= FailurePlan.maxEventsPerProcess {
            throw FleetBuildError(keyPath: keyPath, message: "more than \(FailurePlan.maxEventsPerProcess) \(what) before the horizon: is the time between failures much too short?")
        }
    }

    // MARK: - Merging

    func finish() -> ([FailureEvent], [HostOutage]) {
        var events: [(event: FailureEvent, sequence: Int)] = []
        var outages: [HostOutage] = []
        for (h, intervals) in hostIntervals.enumerated() {
            for merged in Self.merge(intervals) where merged.start < horizon {
                let host = HostID(h)
                let repaired = merged.end < horizon ? merged.end : nil
                outages.append(HostOutage(host: host, start: merged.start, end: repaired, cause: merged.cause))
                events.append((.hostFailed(host: host, cause: merged.cause, at: merged.start), merged.sequence))
                if let repaired { events.append((.hostRepaired(host: host, at: repaired), merged.sequence)) }
            }
        }
        for (r, intervals) in rackPowerIntervals.enumerated() {
            for merged in Self.merge(intervals) where merged.start < horizon {
                events.append((.rackPowerLost(rack: r, cause: merged.cause, at: merged.start), merged.sequence))
                if merged.end < horizon { events.append((.rackPowerRestored(rack: r, at: merged.end), merged.sequence)) }
            }
        }
        for (link, intervals) in linkIntervals {
            events += linkEvents(link, intervals)
        }
        events.sort { a, b in
            (a.event.time, a.event.rank, a.event.entityIndex, a.sequence) < (b.event.time, b.event.rank, b.event.entityIndex, b.sequence)
        }
        return (events.map(\.event), outages)
    }

    /// Overlapping or touching intervals as one, caused by the earliest (then first added).
    static func merge(_ intervals: [Interval]) -> [Interval] {
        let sorted = intervals.filter { $0.end > $0.start }.sorted { ($0.start, $0.sequence) < ($1.start, $1.sequence) }
        var out: [Interval] = []
        for interval in sorted {
            if let last = out.last, interval.start <= last.end {
                out[out.count - 1].end = max(last.end, interval.end)
            } else {
                out.append(interval)
            }
        }
        return out
    }

    /// The link's effective fraction (the lowest of the active faults) at each change.
    func linkEvents(_ link: LinkID, _ intervals: [Interval]) -> [(event: FailureEvent, sequence: Int)] {
        let active = intervals.filter { $0.end > $0.start && $0.fraction < 1 }
        let times = Set(active.flatMap { [$0.start, $0.end] }).filter { $0 < horizon }.sorted()
        var out: [(event: FailureEvent, sequence: Int)] = []
        var current = 1.0
        for t in times {
            let on = active.filter { $0.start <= t && t < $0.end }
            let worst = on.min { ($0.fraction, $0.start, $0.sequence) < ($1.fraction, $1.start, $1.sequence) }
            let fraction = worst?.fraction ?? 1
            guard fraction != current else { continue }
            current = fraction
            if let worst {
                out.append((.linkDegraded(link: link, remainingFraction: fraction, cause: worst.cause, at: t), worst.sequence))
            } else {
                out.append((.linkRestored(link: link, at: t), 0))
            }
        }
        return out
    }
}
