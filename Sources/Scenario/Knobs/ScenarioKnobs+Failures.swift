import FleetSimulation
import SimKernel
import Stochastics

/// Scenario knobs: `failures` and its groups. Defaults of the optional keys are the failure
/// groups' own (`FleetSimulation/Failures/FailureConfig.swift`, where their sources are
/// cited); the docs' default cells are checked against `HostFailures()`, `MigrationFaults()`...
extension ScenarioKnobs {
    /// `failures`
    enum Failures {
        static func group(_ key: String, _ meaning: String) -> KnobDoc {
            KnobDoc(key, type: "mapping", default: "none", meaning: meaning + " ([below](#\(key)))")
        }
        static let hosts = group("hosts", "hosts that fail, at fixed times or at random")
        static let racks = group("racks", "racks that lose power or their top-of-rack switch")
        static let links = group("links", "links cut or degraded")
        static let migrations = group("migrations", "live attempts that abort or fail to set up")
        static let customers = group("customers", "customers who never act")
        static var table: KnobTable {
            KnobTable(id: "failures", file: .failureReference, header: "| key | type | default | meaning |", knobs: [
                hosts, racks, links, migrations, customers])
        }

        static let scheduled = "scheduled[i]"
        /// `at` of a scheduled entry: a duration from the start of the run.
        static func at(_ meaning: String) -> Knob<SimTime> {
            Knob(KnobDoc("at", type: "duration", default: "required", meaning: meaning, within: [scheduled]), .duration)
        }
        static var scheduledDuration: Knob<SimTime> {
            Knob(KnobDoc("duration", type: "duration > 0", default: "required", meaning: "how long it lasts", within: [scheduled]),
                 .duration(range: .positive))
        }
        static func scheduledList(_ what: String) -> KnobDoc {
            KnobDoc("scheduled", type: "sequence", default: "`[]`", meaning: "\(what) at fixed times")
        }
    }

    /// `failures.hosts`
    enum FailureHosts {
        static let scheduled = Failures.scheduledList("host failures")
        static var host: Knob<String> {
            Knob(KnobDoc("host", type: "host name", default: "required", meaning: "a host of the fleet", within: [Failures.scheduled]),
                 .string)
        }
        static var at: Knob<SimTime> { Failures.at("when it fails") }
        static var repairAfter: Knob<SimTime> {
            Knob(KnobDoc("repair", type: "duration", default: "drawn from `repair`", meaning: "how long until it is repaired",
                         within: [Failures.scheduled]), .duration)
        }
        /// Read by hand: a plain duration is a mean (exponential), a mapping a distribution.
        static let mtbf = KnobDoc(
            "mtbf", type: "duration of at least 1 min, or distribution", default: "none (no random failures)",
            meaning: "time to each host's next failure, counted from the start of the run and again from each repair (fail, repair, fail again until the horizon). A plain duration is a mean time between failures: exponential with that mean (constant hazard). A mapping is the time-to-failure distribution itself, e.g. `{dist: weibull, scale: 500d, shape: 1.5}`")
        static var repair: GroupKnob<HostFailures, Distribution> {
            GroupKnob(KnobDoc(
                "repair", type: "duration distribution", default: "`{dist: lognormal, median: 4h, p99: 3d}`",
                meaning: "**assumption**: a reboot or a part swapped from stock in hours, a part ordered in days. Used by random failures and by scheduled ones without their own"),
                      \.repairSeconds, distributionOf: .duration, columns: [[HostFailures()]])
        }
        static var table: KnobTable {
            KnobTable(id: "failures.hosts", file: .failureReference, header: "| key | type | default | meaning / source |", knobs: [
                scheduled, host, at, repairAfter, mtbf, repair])
        }
    }

    /// `failures.racks`
    enum FailureRacks {
        static let scheduled = Failures.scheduledList("rack faults")
        static var rack: Knob<String> {
            Knob(KnobDoc("rack", type: "rack name", default: "required",
                         meaning: "a rack, or `FAULT-DOMAIN/rack` when two fault domains use the same rack name (an ambiguous name is an error listing the qualified ones)",
                         within: [Failures.scheduled]), .string)
        }
        static var kind: Knob<RackFaultKind> {
            Knob(KnobDoc("kind", type: "`power` or `tor`", default: "required", meaning: "what fails (below)", within: [Failures.scheduled]),
                 .enumeration(RackFaultKind.self, noun: "rack fault kind"))
        }
        static var at: Knob<SimTime> { Failures.at("when") }
        static var duration: Knob<SimTime> { Failures.scheduledDuration }
        static let power = KnobDoc("power", type: "mapping", default: "none", meaning: "random power losses of every rack")
        static let tor = KnobDoc("tor", type: "mapping", default: "none", meaning: "random top-of-rack switch failures of every rack")
        static var perRack: Knob<Double> {
            Knob(KnobDoc("per_rack", type: "rate, at most 1/1min", default: "required",
                         meaning: "faults per rack per unit time; the gaps are exponential (a Poisson process), counted from the end of the previous outage",
                         within: ["power", "tor"]), .rate)
        }
        static var outage: DistributionKnob {
            DistributionKnob(KnobDoc("outage", type: "duration distribution", default: "required",
                                     meaning: "how long each fault lasts; no default (no public figure fits every data centre)",
                                     within: ["power", "tor"]), .duration)
        }
        static var table: KnobTable {
            KnobTable(id: "failures.racks", file: .failureReference, header: "| key | type | default | meaning / source |", knobs: [
                scheduled, rack, kind, at, duration, power, tor, perRack, outage])
        }
    }

    /// `failures.links`
    enum FailureLinks {
        static let scheduled = Failures.scheduledList("link faults")
        static var link: Knob<LinkSelector> {
            Knob(KnobDoc("link", type: "selector", default: "required",
                         meaning: "`spine`, `client`, `{host: NAME}` (both directions of the host's NIC) or `{rack: NAME}` (the rack's uplink and downlink)",
                         within: [Failures.scheduled]), FailureSection.linkSelector)
        }
        static var at: Knob<SimTime> { Failures.at("when the fault starts") }
        static var duration: Knob<SimTime> { Failures.scheduledDuration }
        static var remaining: Knob<Double> {
            Knob(KnobDoc("remaining", type: "fraction", default: "required",
                         meaning: "capacity left: `0` is a cut, `10%` a degradation to a tenth", within: [Failures.scheduled]), .fraction)
        }
        /// The mapping of random faults of one link class.
        static func linkClass(_ linkClass: LinkClass) -> KnobDoc {
            let members: String
            switch linkClass {
            case .nic: members = "each host's NIC"
            case .rack: members = "each rack's uplink pair"
            case .spine: members = "the spine (if finite)"
            case .client: members = "the client link"
            }
            return KnobDoc(linkClass.rawValue, type: "mapping", default: "none", meaning: "random faults of \(members)")
        }
        static let perClass = ["<class>"]
        static var perLink: Knob<Double> {
            Knob(KnobDoc("per_link", type: "rate, at most 1/1min", default: "required",
                         meaning: "faults per member of the class per unit time (Poisson, gaps counted from the end of the previous fault)",
                         within: perClass), .rate)
        }
        static var randomDuration: DistributionKnob {
            DistributionKnob(KnobDoc("duration", type: "duration distribution", default: "required",
                                     meaning: "how long each fault lasts", within: perClass), .duration)
        }
        /// A cut unless stated: the common fault is a link down, not a degraded one.
        static var randomRemaining: DistributionKnob {
            DistributionKnob(KnobDoc("remaining", type: "fraction distribution", default: "`0`",
                                     meaning: "capacity left, drawn per fault, clamped to [0, 1]; a cut unless stated", within: perClass),
                             .fraction, default: .constant(0))
        }
        static var table: KnobTable {
            KnobTable(id: "failures.links", file: .failureReference, header: "| key | type | default | meaning |", knobs:
                [scheduled, link, at, duration, remaining] + LinkClass.allCases.map(linkClass) + [perLink, randomDuration, randomRemaining])
        }
    }
}
