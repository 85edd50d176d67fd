@testable import Scenario

/// Read `yaml` (named `test.yaml`) with `body`; the value and every diagnostic.
func read<T>(_ yaml: String, schema: DistributionSchema = .standard,
             _ body: (MappingReader) -> T?) -> (value: T?, diagnostics: [ScenarioDiagnostic]) {
    let reader = ScenarioReader(yaml: yaml, file: "test.yaml", distributionSchema: schema)
    let value = reader.readRoot(body)
    return (value, reader.diagnostics)
}

/// Read one field `x` of type `type` from `x: <text>`.
func field<T>(_ text: String, _ type: FieldType<T>) -> (value: T?, diagnostics: [ScenarioDiagnostic]) {
    read("x: \(text)\n") { $0.required("x", type) }
}
