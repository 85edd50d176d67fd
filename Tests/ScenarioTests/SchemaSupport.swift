import Foundation
import Testing
@testable import Scenario

/// Load a whole scenario held in memory (named `file` in diagnostics); the scenario, or nil
/// with every diagnostic.
func schemaLoad(_ yaml: String, file: String = "s.yaml") -> (scenario: LoadedScenario?, diagnostics: [ScenarioDiagnostic]) {
    switch ScenarioLoader.load(yaml: yaml, file: file) {
    case .success(let scenario): return (scenario, [])
    case .failure(let error): return (nil, error.diagnostics)
    }
}

/// The scenario, failing the test (with its diagnostics) if it does not load.
func schemaLoadOK(_ yaml: String, file: String = "s.yaml", sourceLocation: Testing.SourceLocation = #_sourceLocation) -> LoadedScenario? {
    let (scenario, diagnostics) = schemaLoad(yaml, file: file)
    if scenario == nil {
        Issue.record("expected the scenario to load, got:\n\(diagnostics.map(\.description).joined(separator: "\n"))",
                     sourceLocation: sourceLocation)
    }
    return scenario
}

/// A fleet of one explicit host and a campaign over all hosts: the smallest valid scenario.
let minimalScenario = """
    fleet:
      hosts:
        - name: h1
          shape_family: E4
          ocpus: 8
          memory: 64GiB
    campaign:
      hosts: all

    """
