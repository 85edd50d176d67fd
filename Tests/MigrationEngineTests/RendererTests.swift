import Testing
@testable import MigrationEngine

@Suite struct RendererTests {
    func sample() -> MigrationOutcome {
        var p = MigrationParameters(memoryBytes: 1 * GiB, preset: .qemu)
        p.autoConverge = AutoConvergeSettings()
        let guest = GuestWorkload.uniform(memoryBytes: 1 * GiB, rate: .bytesPerSecond(40 * Bytes.mebibyte))
        return MigrationRun.run(parameters: p, guest: .analytic(guest),
                                wire: .fixed(bytesPerSecond: Bytes.bytesPerSecond(gigabitsPerSecond: 10)))
    }

    @Test func jsonHasFixedKeysInFixedOrder() {
        let json = MigrationReportRenderer.json(sample())
        let keys = ["\"total_time_s\":", "\"downtime_s\":", "\"bytes_sent\":", "\"passes\":", "\"outcome\":",
                    "\"reason\":", "\"pass_list\":"]
        var cursor = json.startIndex
        for k in keys {
            let r = json.range(of: k, range: cursor..<json.endIndex)
            #expect(r != nil, "missing or out of order: \(k)")
            if let r { cursor = r.upperBound }
        }
        #expect(json.hasPrefix("{\"total_time_s\":"))
        #expect(json.contains("\"outcome\":\"completed\""))
        #expect(json.contains("\"reason\":\"pre-copy\""))
        let data = json.data(using: .utf8)!
        let parsed = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect(parsed?.keys.sorted() == ["bytes_sent", "downtime_s", "outcome", "pass_list", "passes", "reason", "total_time_s"])
        #expect(MigrationReportRenderer.json(sample()) == json)  // deterministic
    }

    @Test func textTableHasOneRowPerPass() {
        let o = sample()
        let text = MigrationReportRenderer.text(o)
        let lines = text.split(separator: "\n")
        #expect(lines[0].contains("pass"))
        #expect(lines.count >= o.passes.count + 5)
        #expect(text.contains("outcome: completed (pre-copy)"))
        #expect(text.contains("dirty sync count: \(o.dirtySyncCount)"))
    }
}

import Foundation
