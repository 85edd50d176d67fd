import Testing
@testable import Scenario

@Suite struct SuggestionsTests {
    @Test func distanceCountsEditsAndTranspositions() {
        #expect(Suggestions.distance("", "abc") == 3)
        #expect(Suggestions.distance("abc", "") == 3)
        #expect(Suggestions.distance("racks", "racks") == 0)
        #expect(Suggestions.distance("racs", "racks") == 1)      // insertion
        #expect(Suggestions.distance("rackss", "racks") == 1)    // deletion
        #expect(Suggestions.distance("rucks", "racks") == 1)     // substitution
        #expect(Suggestions.distance("uplnik", "uplink") == 1)   // adjacent transposition
        #expect(Suggestions.distance("kitten", "sitting") == 3)
    }

    @Test func closestSuggestsPlausibleTypos() {
        let keys = ["uplink", "hosts", "memory", "oversubscription"]
        #expect(Suggestions.closest(to: "memroy", in: keys) == "memory")
        #expect(Suggestions.closest(to: "uplnik", in: keys) == "uplink")
        #expect(Suggestions.closest(to: "oversubscribtion", in: keys) == "oversubscription")
        #expect(Suggestions.closest(to: "Hosts", in: keys) == "hosts")
    }

    @Test func closestStaysQuietWhenNothingIsNear() {
        #expect(Suggestions.closest(to: "colour", in: ["uplink", "hosts"]) == nil)
        #expect(Suggestions.closest(to: "a", in: ["b", "c"]) == nil)
        #expect(Suggestions.closest(to: "hosts", in: ["hosts", "host"]) == nil)  // exact: nothing to suggest
        #expect(Suggestions.closest(to: "x", in: []) == nil)
    }

    @Test func caseInsensitiveMatchPrefersExactCaseOnTies() {
        #expect(Suggestions.closest(to: "gib", in: ["GB", "GiB", "MiB"]) == "GiB")
        #expect(Suggestions.closest(to: "kb", in: ["kB", "KB"]) == "kB")
        #expect(Suggestions.closest(to: "Kb", in: ["kB", "KB"]) == "KB")
    }
}
