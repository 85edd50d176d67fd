import Foundation
import Testing

/// A headless Chromium, when one is installed (Debian: `apt-get install -y chromium`).
enum HeadlessBrowser {
    static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome",
                                "/usr/bin/google-chrome-stable"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The DOM after the page loaded: `chromium --headless --no-sandbox --dump-dom file://...`.
    static func dumpDOM(_ file: String) -> (Int32, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path!)
        p.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--dump-dom",
                       URL(fileURLWithPath: file).absoluteString]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return (-1, "\(error)") }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

/// report.html and timeline.csv of a run; the page opened in a real browser when there is one.
@Suite struct HTMLReportTests {
    private func run(_ scenario: String) -> String {
        let out = FileManager.default.temporaryDirectory
            .appendingPathComponent("fleetsim-html-\(getpid())-\(UUID().uuidString)").path
        let r = CLIRunner.run(["run", scenario, "--replications", "2", "--out", out, "--quiet"])
        #expect(r.exitCode == 0, "\(r.stderr)")
        return out
    }

    /// Every chart of the page with the number of data items it drew.
    private func charts(_ html: String) -> [String: Int] {
        var found: [String: Int] = [:]
        let pattern = try! NSRegularExpression(pattern: "data-chart=\"([a-z-]+)\"[^>]*? data-points=\"([0-9]+)\"")
        for m in pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
            let kind = String(html[Range(m.range(at: 1), in: html)!]), n = Int(html[Range(m.range(at: 2), in: html)!])!
            found[kind] = n
        }
        return found
    }

    @Test func reportIsSelfContainedAndEveryChartHoldsData() throws {
        let out = run("Scenarios/failure-storm.yaml")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let html = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        #expect(!html.contains("<script"))
        #expect(!html.contains("src=\"http") && !html.contains("href=\"http"))
        let found = charts(html)
        for kind in ["downtime-cdf", "outcomes", "gantt", "timeline", "link-utilisation"] {
            #expect((found[kind] ?? 0) > 0, "\(kind) chart is empty or missing")
        }
        #expect(html.contains("data-series=\"unplanned\""))
        #expect(html.contains("<table class=\"worst\">"))
        #expect(html.contains("<table class=\"critical-path\">"), "the critical path names the instance that held the last host open")
    }

    @Test func timelineCountsNeverGoNegativeAndEveryHostComesBack() throws {
        let out = run("Scenarios/default.yaml")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let lines = try String(contentsOfFile: out + "/timeline.csv", encoding: .utf8).split(separator: "\n")
        #expect(lines[0] == "replication,time_s,hosts_draining,hosts_in_maintenance,hosts_back,migrations_in_flight,instances_waiting,notices_outstanding,wave")
        let rows = lines.dropFirst().map { $0.split(separator: ",").map(String.init) }
        #expect(rows.allSatisfy { $0.dropFirst(2).allSatisfy { Int($0)! >= 0 } })
        // The default scenario drains 8 hosts; at the end of each replication all are back, none in flight.
        for r in ["0", "1"] {
            let last = try #require(rows.last { $0[0] == r })
            #expect(Array(last[2...5]) == ["0", "0", "8", "0"])
            // Waves count up from 1 without gaps within a replication.
            let waves = rows.filter { $0[0] == r }.map { Int($0[8])! }
            #expect(waves.first == 1 && zip(waves, waves.dropFirst()).allSatisfy { $1 == $0 || $1 == $0 + 1 })
        }
    }

    @Test(.enabled(if: HeadlessBrowser.path != nil,
                   "no headless Chromium here (apt-get install -y chromium); the browser check is skipped"))
    func reportAndSweepLoadInHeadlessChromiumWithData() throws {
        let out = run("Scenarios/failure-storm.yaml")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let (code, dom) = HeadlessBrowser.dumpDOM(out + "/report.html")
        #expect(code == 0)
        let found = charts(dom)
        for kind in ["downtime-cdf", "outcomes", "gantt", "timeline", "link-utilisation"] {
            #expect((found[kind] ?? 0) > 0, "\(kind): no data in the browser's DOM")
        }
        #expect(dom.contains("<polyline"))
        let sweep = out + "/sweep"
        #expect(CLIRunner.run(["sweep", "Scenarios/default.yaml", "--set", "campaign.max_hosts_in_maintenance=1,2",
                               "--set", "campaign.max_outbound_per_host=1,2", "--replications", "2", "--quiet",
                               "--out", sweep]).exitCode == 0)
        let (sweepCode, sweepDOM) = HeadlessBrowser.dumpDOM(sweep + "/sweep.html")
        #expect(sweepCode == 0)
        let sweepCharts = charts(sweepDOM)
        #expect(sweepCharts["heatmap"] == 4)
        #expect(sweepCharts["pareto"] == 4)
    }
}
