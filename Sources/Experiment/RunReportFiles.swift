import Reporting

/// The files a run writes for `formats`, rendered in memory (name, text), in the order they are
/// listed to the user: each format's files, `timeline.csv` with the CSVs, and `report.html`
/// always. `run` writes them; `bench` times their rendering.
public enum RunReportFiles {
    public static func render(_ outcome: PreparedScenario.Outcome, formats: [ReportFormat]) -> [(String, String)] {
        let recorders = outcome.recorders
        var files: [(String, String)] = []
        for f in formats {
            switch f {
            case .json: files.append((f.fileName, outcome.report.summaryJSON().rendered()))
            case .csv:
                files.append(("instances.csv", InstanceCSV.render(recorders)))
                files.append(("hosts.csv", NetworkCSV.hosts(recorders)))
                files.append(("links.csv", NetworkCSV.links(recorders)))
                files.append(("link_utilisation.csv", NetworkCSV.utilisation(recorders)))
            case .md: files.append((f.fileName, outcome.report.summaryMarkdown()))
            }
        }
        if formats.contains(.csv) { files.append(("timeline.csv", FleetTimeline.csv(recorders))) }
        files.append(("report.html", RunReportHTML.render(report: outcome.report, recorders: recorders)))
        return files
    }
}
