import Testing
import SimKernel
@testable import Scenario

struct Rack: Equatable {
    var uplinkBytesPerSecond: Double
    var hosts: Int
    var memoryBytes: Int64
}

/// The schema used by several tests: `fleet: {name, racks: [{uplink, hosts, memory}]}`.
func readFleet(_ m: MappingReader) -> (String, [Rack])? {
    m.mapping("fleet") { fleet -> (String, [Rack])? in
        let name = fleet.required("name", .string)
        let racks = fleet.sequence("racks") { item in
            item.mapping { r -> Rack? in
                let uplink = r.required("uplink", .bytesPerSecond)
                let hosts = r.required("hosts", .count)
                let memory = r.optional("memory", .bytes, default: 256 << 30)
                guard let uplink, let hosts else { return nil }
                return Rack(uplinkBytesPerSecond: uplink, hosts: hosts, memoryBytes: memory)
            }
        }
        guard let name, let racks else { return nil }
        return (name, racks)
    }
}

@Suite struct MappingReaderTests {
    @Test func readsAValidNestedDocument() {
        let yaml = """
        fleet:
          name: east
          racks:
            - uplink: 100Gbit/s
              hosts: 40
              memory: 512GiB
            - {uplink: 25Gbps, hosts: 8}
        """
        let (value, diagnostics) = read(yaml, readFleet)
        #expect(diagnostics.isEmpty)
        #expect(value?.0 == "east")
        #expect(value?.1 == [
            Rack(uplinkBytesPerSecond: 12.5e9, hosts: 40, memoryBytes: 512 << 30),
            Rack(uplinkBytesPerSecond: 25e9 / 8, hosts: 8, memoryBytes: 256 << 30),
        ])
    }

    @Test func fourProblemsYieldFourDiagnosticsInOnePass() {
        let yaml = """
        fleet:
          name: east
          racks:
            - uplink: 100Gbit/s
              hosts: 40
              memory: 512GiB
            - uplink: -25Gbit/s
              hosts: [40]
              memroy: 256GiB
            - uplink: 100Gbit/s
              hosts: 40
              memory: 300
        """
        let (value, diagnostics) = read(yaml, readFleet)
        #expect(value == nil)
        #expect(diagnostics.count == 4)
        #expect(diagnostics.map(\.code) == [.negative, .wrongType, .unknownKey, .missingUnit])
        #expect(diagnostics.map(\.line) == [7, 8, 9, 12])
        #expect(diagnostics.map(\.column) == [15, 14, 7, 15])
        #expect(diagnostics.map(\.path.description) == [
            "fleet.racks[1].uplink", "fleet.racks[1].hosts", "fleet.racks[1].memroy", "fleet.racks[2].memory",
        ])
        #expect(diagnostics[2].suggestion == "memory")
        #expect(diagnostics.map(\.description) == [
            "test.yaml:7:15: error: fleet.racks[1].uplink: expected a non-negative bandwidth, found '-25Gbit/s'",
            "test.yaml:8:14: error: fleet.racks[1].hosts: expected a whole number, found a sequence",
            "test.yaml:9:7: error: fleet.racks[1].memroy: expected one of the keys uplink, hosts, memory, found unknown key 'memroy' (did you mean 'memory'?)",
            "test.yaml:12:15: error: fleet.racks[2].memory: expected a byte size with a unit (e.g. 16GiB, 512MiB, 1.5TB), found '300' (missing unit)",
        ])
        // Thrown as one error, sorted by position.
        let reader = ScenarioReader(yaml: yaml, file: "test.yaml")
        #expect(throws: ScenarioError.self) { try reader.result(reader.readRoot(readFleet)) }
        do {
            _ = try ScenarioReader.read(yaml: yaml, file: "test.yaml", readFleet)
        } catch {
            #expect(error.diagnostics.count == 4)
            #expect(error.description.hasSuffix("\n4 errors"))
        }
    }

    @Test func missingRequiredKeyPointsAtTheMapping() {
        let (_, diagnostics) = read("fleet:\n  racks: []\n", readFleet)
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].code == .missingKey)
        #expect(diagnostics[0].path.description == "fleet.name")
        #expect(diagnostics[0].line == 2 && diagnostics[0].column == 3)
        #expect(diagnostics[0].description == "test.yaml:2:3: error: fleet.name: expected a string, found no key 'name'")
    }

    @Test func unknownKeyWithoutCloseMatchHasNoSuggestion() {
        let (_, diagnostics) = read("fleet:\n  name: a\n  racks: []\n  colour: blue\n", readFleet)
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].code == .unknownKey)
        #expect(diagnostics[0].suggestion == nil)
        #expect(diagnostics[0].found == "unknown key 'colour'")
        #expect(diagnostics[0].path.description == "fleet.colour")
        #expect(diagnostics[0].line == 4 && diagnostics[0].column == 3)
    }

    @Test func wrongYAMLTypesNameTheExpectedType() {
        let yaml = """
        fleet:
          name: [a, b]
          racks: {uplink: 1Gbit/s}
        """
        let (_, diagnostics) = read(yaml, readFleet)
        #expect(diagnostics.map(\.code) == [.wrongType, .wrongType])
        #expect(diagnostics[0].expected == "a string" && diagnostics[0].found == "a sequence")
        #expect(diagnostics[1].expected == "a sequence" && diagnostics[1].found == "a mapping")
        #expect(diagnostics[1].line == 3 && diagnostics[1].column == 10)

        let notMapping = read("fleet: 3\n", readFleet).diagnostics
        #expect(notMapping.count == 1)
        #expect(notMapping[0].description == "test.yaml:1:8: error: fleet: expected a mapping, found '3'")

        let rootNotMapping = read("- a\n- b\n", readFleet).diagnostics
        #expect(rootNotMapping.count == 1)
        #expect(rootNotMapping[0].description == "test.yaml:1:1: error: expected a mapping, found a sequence")
    }

    @Test func yamlNumbersNeedUnitsForDimensionedFields() {
        for text in ["300", "1.5", "\"300\""] {
            let (value, diagnostics) = field(text, .bytesPerSecond)
            #expect(value == nil)
            #expect(diagnostics.map(\.code) == [.missingUnit])
        }
        #expect(field("300", .duration).diagnostics.map(\.code) == [.missingUnit])
        #expect(field("300", .bytes).diagnostics.map(\.code) == [.missingUnit])
        #expect(field("300", .count).value == 300)
        #expect(field("0.5", .fraction).value == 0.5)
    }

    @Test func typedFieldsDecode() {
        #expect(field("16GiB", .bytes).value == 16 << 30)
        #expect(field("2min", .duration).value == .minutes(2))
        #expect(field("1.5%", .fraction).value == 0.015)
        #expect(field("2.5", .real).value == 2.5)
        #expect(field("-2.5", .quantity(.real, range: .any)).value == -2.5)
        #expect(field("true", .bool).value == true)
        #expect(field("false", .bool).value == false)
        #expect(field("east-1", .string).value == "east-1")
        #expect(field("1.0", .string).value == "1.0")
        #expect(field("0", .count(range: .atLeast(1))).diagnostics.map(\.code) == [.outOfRange])
        #expect(field("1s", .duration(range: .positive)).value == .seconds(1))
        #expect(field("0s", .duration(range: .positive)).diagnostics.map(\.code) == [.outOfRange])
        #expect(field("maybe", .bool).diagnostics.map(\.code) == [.wrongType])
        #expect(field("[1, 2]", .sequence(of: .count)).value == [1, 2])
    }

    @Test func unknownUnitListsUnitsAndSuggests() {
        let (value, diagnostics) = field("16Gib", .bytes)
        #expect(value == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].code == .unknownUnit)
        #expect(diagnostics[0].suggestion == "GiB")
        #expect(diagnostics[0].description ==
            "test.yaml:1:4: error: x: expected a byte size in B, kB, KB, MB, GB, TB, PB, KiB, MiB, GiB, TiB, PiB, found '16Gib' (unknown unit 'Gib') (did you mean 'GiB'?)")
    }

    @Test func negativeValuesAreRefused() {
        let (_, diagnostics) = field("-4GiB", .bytes)
        #expect(diagnostics.map(\.code) == [.negative])
        #expect(diagnostics[0].expected == "a non-negative byte size")
        #expect(field("-1s", .duration).diagnostics.map(\.code) == [.negative])
        #expect(field("-1", .count).diagnostics.map(\.code) == [.negative])
    }

    @Test func enumsSuggestTheClosestName() {
        enum Mode: String, CaseIterable { case pull, push, relay }
        let (value, diagnostics) = field("rely", .enumeration(Mode.self, noun: "transfer mode"))
        #expect(value == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].code == .unknownName)
        #expect(diagnostics[0].description ==
            "test.yaml:1:4: error: x: expected one of pull, push, relay, found unknown transfer mode 'rely' (did you mean 'relay'?)")
        #expect(field("push", .enumeration(Mode.self)).value == .push)
        #expect(field("pull", .oneOf(["pull", "push"])).value == "pull")
    }

    @Test func optionalFieldsAndNulls() {
        let (value, diagnostics) = read("a: 1GiB\nb:\nc: ~\n") { m -> [Int64?] in
            [m.optional("a", .bytes), m.optional("b", .bytes), m.optional("c", .bytes), m.optional("d", .bytes)]
        }
        #expect(diagnostics.isEmpty)
        #expect(value == [1 << 30, nil, nil, nil])
        #expect(read("a:\n") { $0.optional("a", .count, default: 7) }.value == 7)
        let required = read("a:\n") { $0.required("a", .count) }.diagnostics
        #expect(required.map(\.description) == ["test.yaml:1:3: error: a: expected a whole number, found an empty value"])
    }

    @Test func keyPathsOfNestedSequences() {
        let yaml = """
        matrix:
          - [1, 2]
          - [3, x]
        groups:
          - hosts:
              - {name: a, cores: 4}
              - {name: b, cores: four}
        """
        let (_, diagnostics) = read(yaml) { m -> Int? in
            _ = m.required("matrix", .sequence(of: .sequence(of: .count)))
            _ = m.sequence("groups") { group in
                group.mapping { g in
                    g.sequence("hosts") { host in
                        host.mapping { h -> Int? in
                            _ = h.required("name", .string)
                            return h.required("cores", .count)
                        }
                    }
                }
            }
            return nil
        }
        #expect(diagnostics.map(\.path.description) == ["matrix[1][1]", "groups[0].hosts[1].cores"])
        #expect(diagnostics.map(\.line) == [3, 7])
        #expect(diagnostics.map(\.column) == [9, 26])
    }

    @Test func fieldPathFormatting() {
        #expect(FieldPath.root.description == "")
        #expect(FieldPath([.key("fleet"), .key("racks"), .index(2), .key("uplink")]).description == "fleet.racks[2].uplink")
        #expect(FieldPath([.key("m"), .index(0), .index(3)]).description == "m[0][3]")
        #expect(FieldPath([.index(1), .key("a")]).description == "[1].a")
        #expect(FieldPath([.key("labels"), .key("team.name")]).description == "labels[\"team.name\"]")
        #expect(FieldPath([.key("a b")]).description == "[\"a b\"]")
        #expect(FieldPath.root.appending(key: "x").appending(index: 0).description == "x[0]")
    }

    @Test func oneOfKeysAndIgnoredKeys() {
        let (_, both) = read("a: 1\nb: 2\n") { m -> Int? in
            _ = m.oneOf(["a", "b"], required: true)
            m.ignoreUnreadKeys()
            return nil
        }
        #expect(both.map(\.code) == [.invalidValue])
        #expect(both[0].line == 2)
        let (_, none) = read("c: 1\n") { m -> Int? in
            _ = m.oneOf(["a", "b"], required: true)
            _ = m.node("c")
            return nil
        }
        #expect(none.map(\.code) == [.missingKey])
        let (key, _) = read("b: 1\n") { m -> String? in
            defer { _ = m.node("b") }
            return m.oneOf(["a", "b"], required: true)
        }
        #expect(key == "b")
    }

    @Test func validatedAndMappedFieldTypes() {
        let pageSize = FieldType<Int64>.bytes.validated(expected: "a power-of-two page size") { $0 > 0 && $0 & ($0 - 1) == 0 }
        #expect(field("4KiB", pageSize).value == 4096)
        let bad = field("3KiB", pageSize).diagnostics
        #expect(bad.map(\.code) == [.invalidValue])
        #expect(bad[0].expected == "a power-of-two page size")
        #expect(field("2GiB", FieldType<Int64>.bytes.map { $0 / 4096 }).value == 524_288)
    }
}
