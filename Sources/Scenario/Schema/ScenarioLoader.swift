import FleetModel
import FleetSimulation
import MaintenancePolicy
import Foundation
import SimKernel
import Stochastics
import Yams

/// A scenario file read and validated into a `SimulationConfig`.
public struct LoadedScenario {
    public let path: String
    public let config: SimulationConfig
    /// Replications the scenario asks for (the CLI may override).
    public let replications: Int
    public let description: String
    private let rootNode: Node?

    init(path: String, config: SimulationConfig, replications: Int, description: String, rootNode: Node?) {
        self.path = path
        self.config = config
        self.replications = replications
        self.description = description
        self.rootNode = rootNode
    }

    /// A diagnostic for an error found after parsing (e.g. while building the fleet), placed
    /// at the line and column of the key path it names.
    public func diagnostic(for error: Error) -> ScenarioError {
        guard let e = error as? FleetBuildError else {
            return ScenarioError([ScenarioDiagnostic(.invalidValue, at: SourceLocation(file: path, line: 1, column: 1),
                                                     expected: "a scenario that can be built", found: "\(error)")])
        }
        let path = FieldPath(parsing: e.keyPath)
        let node = rootNode.flatMap { path.locate(in: $0) }
        return ScenarioError([ScenarioDiagnostic(.invalidValue, at: SourceLocation(file: self.path, mark: node?.mark),
                                                 path: path, expected: "a fleet that can be built", found: e.message)])
    }
}

extension LoadedScenario {
    /// A diagnostic at the key path `keyPath` (or the nearest key written), for checks made on
    /// the built configuration.
    public func diagnostic(at keyPath: String, expected: String, found: String, suggestion: String? = nil) -> ScenarioError {
        let fieldPath = FieldPath(parsing: keyPath)
        let node = rootNode.flatMap { fieldPath.locate(in: $0) }
        return ScenarioError([ScenarioDiagnostic(.invalidValue, at: SourceLocation(file: path, mark: node?.mark),
                                                 path: fieldPath, expected: expected, found: found, suggestion: suggestion)])
    }
}

extension ScenarioError {
    /// All diagnostics, one per line, as the CLI prints them.
    public var rendered: String { description }
}

/// Reads scenario files. See docs/scenario-reference.md for every key.
public enum ScenarioLoader {
    /// `path` `-` reads standard input (named `<stdin>` in messages).
    public static func load(path: String, options: ScenarioReadOptions = ScenarioReadOptions()) -> Result<LoadedScenario, ScenarioError> {
        let reader = ScenarioReader(contentsOfFile: path, distributionSchema: .stochastics, options: options)
        return load(reader: reader, path: reader.file)
    }

    /// Read a scenario held in memory (tests); `file` names it in diagnostics.
    public static func load(yaml: String, file: String = "<scenario>", baseDirectory: String = ".",
                            options: ScenarioReadOptions = ScenarioReadOptions()) -> Result<LoadedScenario, ScenarioError> {
        let reader = ScenarioReader(yaml: yaml, file: file, baseDirectory: baseDirectory, distributionSchema: .stochastics)
        reader.options = options
        return load(reader: reader, path: file)
    }

    static func load(reader: ScenarioReader, path: String) -> Result<LoadedScenario, ScenarioError> {
        let fallbackName = FilePath.stem(of: path)
        let value = reader.readRoot { root -> LoadedScenario? in
            typealias K = ScenarioKnobs.Top
            let name = root.optional(K.name) ?? fallbackName
            let description = root.value(K.description)
            let seed = root.value(K.seed)
            let replications = root.value(K.replications)
            let resample = root.value(K.resample)
            let horizon = root.value(K.horizon)
            let rng = root.value(K.rng)
            var network = NetworkLayout()
            let fleet = root.mapping(K.fleet.key) { f -> FleetSpec? in
                network = f.mapping(ScenarioKnobs.Fleet.network.key, required: false) { FleetSection.network($0) } ?? network
                return FleetSection.read(f)
            }
            var campaignStatesLimits = false
            let campaign = root.mapping(K.campaign.key) { c -> CampaignConfig? in
                campaignStatesLimits = CampaignSection.statesLimits(c)
                return CampaignSection.read(c)
            }
            let failures = root.mapping(K.failures.key, required: false) { FailureSection.read($0) } ?? .none
            // The failure section's overrides (reboot-migration failure probability, customers
            // who never respond) apply on top of the policy.
            let policy = root.mapping(K.policy.key, required: false) { PolicySection.read($0) }
                .map { failures.applyingOverrides(to: $0) }
            let reboot = root.mapping(K.rebootMigration.key, required: false) { RebootSection.read($0) } ?? RebootSection.defaults
            let sample = root.mapping(K.report.key, required: false) { r in
                ScenarioLimits.linkSampleInterval(r, horizon: horizon)
            } ?? ScenarioKnobs.Report.linkSampleInterval.defaultValue!
            guard let fleet, var campaign else { return nil }
            ScenarioLimits.antiAffinity(fleet, reader: reader)
            // LXD and Incus evacuate with their own pool (one at a time; Incus one per 16 CPU
            // threads of the server) unless the campaign states its outbound limit.
            if !campaignStatesLimits, let policy, policy.rules == .lxd {
                let threads = (fleet.hostGroups.map(\.ocpus) + fleet.hosts.map(\.ocpus)).max() ?? 1
                campaign.limits.outboundPerHost = policy.lxd.pool.size(hostCPUs: Int(threads))
            }
            var config = SimulationConfig(name: name, seed: UInt64(seed), generator: rng, horizon: horizon,
                                          fleet: fleet, network: network, campaign: campaign, rebootMigration: reboot,
                                          policy: policy, failures: failures, linkSampleInterval: sample)
            config.resample = resample
            return LoadedScenario(path: path, config: config, replications: replications, description: description,
                                  rootNode: reader.rootNode)
        }
        do {
            return .success(try reader.result(value))
        } catch {
            return .failure(error)
        }
    }
}

extension FieldPath {
    /// Parse the text form `fleet.instance_groups[1].count` back into components.
    public init(parsing text: String) {
        var components: [Component] = []
        var current = ""
        var index = ""
        var inIndex = false
        for ch in text {
            switch ch {
            case "." where !inIndex:
                if !current.isEmpty { components.append(.key(current)); current = "" }
            case "[":
                if !current.isEmpty { components.append(.key(current)); current = "" }
                inIndex = true
            case "]":
                if let i = Int(index) { components.append(.index(i)) }
                index = ""
                inIndex = false
            default:
                if inIndex { index.append(ch) } else { current.append(ch) }
            }
        }
        if !current.isEmpty { components.append(.key(current)) }
        self.init(components)
    }

    /// The deepest node of `root` along this path (a prefix, when the path goes further than
    /// the document, e.g. to a key left at its default).
    public func locate(in root: Node) -> Node? {
        var node = root
        for component in components {
            switch component {
            case .key(let key):
                guard let mapping = node.mapping, let next = mapping[key] else { return node }
                node = next
            case .index(let i):
                guard let sequence = node.sequence, i < sequence.count else { return node }
                node = sequence[i]
            }
        }
        return node
    }
}
