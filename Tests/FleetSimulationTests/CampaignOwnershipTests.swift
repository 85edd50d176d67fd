import Foundation
import Testing

/// The campaign model is a router over subsystems (docs/architecture.md, "Subsystems"); each
/// owns its state and the events it schedules. The compiler enforces part of it
/// (`FlowRegistry` and `LiveMigrations` keep their storage private); these tests enforce the
/// rest by reading the sources: a subsystem's state is written only by the files of its
/// folder (other subsystems call its methods), and each kernel event is scheduled only by
/// the subsystem that handles it.
@Suite struct CampaignOwnershipTests {
    static let campaign = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/FleetSimulation/Campaign")

    /// The model's property for each subsystem's state, and the folder that owns it.
    static let stateOwners: [(property: String, folder: String)] = [
        ("hosts", "Hosts"), ("returns", "Hosts"), ("plans", "Plans"), ("queues", "Dispatch"),
        ("live", "Live"), ("flows", "Network"), ("failures", "Failures"),
    ]

    /// Each `CampaignEvent` case and the folder allowed to schedule it.
    static let eventOwners: [String: String] = [
        "hostReturn": "Hosts", "stepDue": "Plans", "manualDeadline": "Plans",
        "liveStep": "Live", "linkStall": "Live", "setupFailed": "Live",
        "stageDone": "Offline", "transferDone": "Offline",
        "rerate": "Network", "linkSample": "Network", "failure": "Failures",
    ]

    /// (folder relative to Campaign/, file name, code lines without comments).
    static func sources() throws -> [(folder: String, file: String, lines: [String])] {
        let files = try FileManager.default.subpathsOfDirectory(atPath: campaign.path).filter { $0.hasSuffix(".swift") }
        return try files.sorted().map { path in
            let text = try String(contentsOf: campaign.appendingPathComponent(path), encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
                let code = line.components(separatedBy: "//").first ?? ""
                return code
            }
            let folder = path.contains("/") ? String(path.split(separator: "/")[0]) : ""
            return (folder, path, lines)
        }
    }

    /// A write to `property.field`: an assignment, a compound assignment, or a method call on
    /// the field (append, prepend, `slots.release`, ...) other than a few known reads.
    static func writes(to property: String, in line: String) -> Bool {
        let reads = "contains|firstIndex|first|last|migrations|hostLimit|filter|map|reduce|allSatisfy|sorted"
        let pattern = #"(?<![\w.])"# + property
            + #"\.\w+(\[[^\]]*\])?(\s*(=(?!=)|\+=|-=|&\+=)|\.(?!("# + reads + #")\()\w+\()"#
        return line.range(of: pattern, options: .regularExpression) != nil
    }

    @Test func subsystemStateIsWrittenOnlyByItsFolder() throws {
        var offences: [String] = []
        for source in try Self.sources() {
            for (property, folder) in Self.stateOwners where source.folder != folder {
                for (n, line) in source.lines.enumerated() where Self.writes(to: property, in: line) {
                    offences.append("\(source.file):\(n + 1) writes \(property) (owned by \(folder)/): \(line.trimmingCharacters(in: .whitespaces))")
                }
            }
        }
        #expect(offences.isEmpty, "\(offences.joined(separator: "\n"))")
    }

    @Test func eachEventIsScheduledByItsSubsystem() throws {
        var offences: [String] = []
        var seen = Set<String>()
        for source in try Self.sources() {
            for (n, line) in source.lines.enumerated() where line.contains("kernel.schedule(") {
                for (event, folder) in Self.eventOwners where line.range(of: #"[(\s]\."# + event + #"\b"#, options: .regularExpression) != nil {
                    seen.insert(event)
                    if source.folder != folder {
                        offences.append("\(source.file):\(n + 1) schedules .\(event) (owned by \(folder)/)")
                    }
                }
            }
        }
        #expect(offences.isEmpty, "\(offences.joined(separator: "\n"))")
        // The scan must see every event's scheduling, or it checks nothing.
        #expect(seen == Set(Self.eventOwners.keys), "not found: \(Set(Self.eventOwners.keys).subtracting(seen).sorted())")
    }

    /// The detector itself: a write is found, a read is not.
    @Test func writeDetectorTellsWritesFromReads() {
        #expect(Self.writes(to: "plans", in: "plans.avoidTarget[i.int] = nil"))
        #expect(Self.writes(to: "returns", in: "returns.queue.prepend(i)"))
        #expect(Self.writes(to: "hosts", in: "hosts.hostsReturned += 1"))
        #expect(Self.writes(to: "queues", in: "queues.byHost[h.int].remove(at: k)"))
        #expect(Self.writes(to: "queues", in: "queues.slots.release(source: s, target: t)"))
        #expect(!Self.writes(to: "queues", in: "queues.slots.migrations(on: h) >= p"))
        #expect(!Self.writes(to: "plans", in: "if plans.avoidTarget[i.int] == nil {"))
        #expect(!Self.writes(to: "hosts", in: "guard hosts.state[h.int] == .draining else { return }"))
        #expect(!Self.writes(to: "plans", in: "let x = myplans.step[i] = 0"))
    }
}
