import Testing
@testable import Scenario

@Suite struct DistributionSpecTests {
    func dist(_ text: String, _ kind: QuantityKind, schema: DistributionSchema = .standard)
        -> (value: DistributionSpecNode?, diagnostics: [ScenarioDiagnostic]) {
        read("d: \(text)\n", schema: schema) { $0.required("d", .distribution(kind)) }
    }

    @Test func scalarIsAConstant() {
        let (spec, diagnostics) = dist("16GiB", .bytes)
        #expect(diagnostics.isEmpty)
        #expect(spec?.kind == "constant")
        #expect(spec?.constantValue == 16.0 * 1_073_741_824)
        #expect(spec?.path.description == "d")
        #expect(spec?.location.line == 1 && spec?.location.column == 4)
        #expect(dist("300", .bytes).diagnostics.map(\.code) == [.missingUnit])
        #expect(dist("0.5", .fraction).value?.constantValue == 0.5)
    }

    @Test func lognormalWithUnitsConvertsToSeconds() {
        let (spec, diagnostics) = dist("{dist: lognormal, median: 20s, p99: 2min}", .duration)
        #expect(diagnostics.isEmpty)
        #expect(spec?.kind == "lognormal")
        #expect(spec?.parameters == ["median": 20, "p99": 120])
        #expect(spec?.parameterLocations["p99"]?.column == 40)
    }

    @Test func dimensionlessParametersArePlainNumbers() {
        let (spec, diagnostics) = dist("{dist: lognormal, mu: -1.5, sigma: 0.8}", .duration)
        #expect(diagnostics.isEmpty)
        #expect(spec?.parameters == ["mu": -1.5, "sigma": 0.8])
        #expect(dist("{dist: weibull, scale: 2h, shape: 1.5}", .duration).value?.parameters == ["scale": 7200, "shape": 1.5])
        // A unit on a shape parameter is a mistake.
        #expect(dist("{dist: weibull, scale: 2h, shape: 1.5s}", .duration).diagnostics.map(\.code) == [.unexpectedUnit])
    }

    @Test func uniformBytes() {
        let (spec, diagnostics) = dist("{dist: uniform, min: 4GiB, max: 64GiB}", .bytes)
        #expect(diagnostics.isEmpty)
        #expect(spec?.parameters == ["min": 4 * 1_073_741_824, "max": 64 * 1_073_741_824])
    }

    @Test func empiricalInlineValues() {
        let (spec, diagnostics) = dist("{dist: empirical, values: [1s, 2s, 500ms]}", .duration)
        #expect(diagnostics.isEmpty)
        #expect(spec?.kind == "empirical")
        #expect(spec?.values == [1, 2, 0.5])
        let bad = dist("{dist: empirical, values: [1s, 2]}", .duration).diagnostics
        #expect(bad.map(\.code) == [.missingUnit])
        #expect(bad[0].path.description == "d.values[1]")
        #expect(dist("{dist: empirical, values: []}", .duration).diagnostics.map(\.code) == [.invalidValue])
    }

    @Test func empiricalFromFile() {
        let reader = ScenarioReader(yaml: "d: {dist: empirical, file: data/durations.csv, column: seconds}\n",
                                    file: "scenarios/s.yaml", baseDirectory: "scenarios")
        let spec = reader.readRoot { $0.required("d", .distribution(.duration)) }
        #expect(reader.diagnostics.isEmpty)
        #expect(spec?.file == "data/durations.csv")
        #expect(spec?.resolvedFilePath == "scenarios/data/durations.csv")
        #expect(spec?.column == "seconds")
        #expect(spec?.values == nil)
        let both = dist("{dist: empirical, file: a.csv, values: [1s]}", .duration).diagnostics
        #expect(both.map(\.code).contains(.invalidValue))
        #expect(dist("{dist: empirical}", .duration).diagnostics.map(\.code) == [.missingKey])
    }

    @Test func typosInDistributionsAreSuggested() {
        let name = dist("{dist: lognormel, median: 20s, p99: 2min}", .duration).diagnostics
        #expect(name.map(\.code) == [.unknownName])
        #expect(name[0].suggestion == "lognormal")
        #expect(name[0].path.description == "d.dist")

        let parameter = dist("{dist: lognormal, meadian: 20s, p99: 2min}", .duration).diagnostics
        #expect(parameter.map(\.code) == [.unknownKey])
        #expect(parameter[0].suggestion == "median")
        #expect(parameter[0].path.description == "d.meadian")

        let unit = dist("{dist: uniform, min: 4GiB, max: 64Gib}", .bytes).diagnostics
        #expect(unit.map(\.code) == [.unknownUnit])
        #expect(unit[0].suggestion == "GiB")
        #expect(unit[0].path.description == "d.max")

        #expect(dist("{median: 20s}", .duration).diagnostics.map(\.code) == [.missingKey])
        #expect(dist("{dist: uniform, min: -4GiB, max: 64GiB}", .bytes).diagnostics.map(\.code) == [.negative])
        #expect(dist("[1s, 2s]", .duration).diagnostics.map(\.code) == [.wrongType])
    }

    @Test func customSchemaAndDimensionlessSet() {
        let schema = DistributionSchema(
            families: [.init("triangular", parameters: ["low", "mode", "high", "skew"])],
            dimensionless: ["skew"])
        let (spec, diagnostics) = dist("{dist: triangular, low: 1s, mode: 2s, high: 5s, skew: -0.5}", .duration, schema: schema)
        #expect(diagnostics.isEmpty)
        #expect(spec?.parameters == ["low": 1, "mode": 2, "high": 5, "skew": -0.5])
        let unknown = dist("{dist: lognormal, median: 1s}", .duration, schema: schema).diagnostics
        #expect(unknown.map(\.code) == [.unknownName])
        let anyParameters = DistributionSchema(families: [.init("free", parameters: nil)])
        #expect(dist("{dist: free, a: 1s, b: 2s}", .duration, schema: anyParameters).value?.parameters == ["a": 1, "b": 2])
    }

    @Test func laterChecksPointAtTheParameter() {
        let spec = dist("{dist: lognormal, median: 20s, p99: 2s}", .duration).value
        let d = spec?.diagnostic(parameter: "p99", expected: "a p99 above the median (20s)", found: "'2s'")
        #expect(d?.description == "test.yaml:1:40: error: d.p99: expected a p99 above the median (20s), found '2s'")
    }
}
