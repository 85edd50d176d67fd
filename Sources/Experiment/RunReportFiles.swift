import Reporting

/// The files a run writes for `formats`, in the order they are listed to the user: each
/// format's files, `timeline.csv` with the CSVs, and `report.html` always. `run` writes them
/// and `bench` times their rendering, each file rendered when its turn comes (`renderers`;
/// instances.csv on a second thread beside the others: `PendingFile.lane`): a
/// million-instance run's CSVs and HTML are hundreds of MB together, and holding them all at
/// once was part of its peak memory (docs/performance.md).
public enum RunReportFiles {
    /// Each file's name and how to render it; nothing is rendered yet.
    public static func renderers(_ outcome: PreparedScenario.Outcome, formats: [ReportFormat]) -> [ReportSetWriter.PendingFile] {
        let recorders = outcome.recorders
        let report = outcome.report
        var files: [ReportSetWriter.PendingFile] = []
        for f in formats {
            switch f {
            case .json: files.append(.init(f.fileName) { report.summaryJSON().rendered() })
            case .csv:
                // The largest file beside report.html, rendered through reused buffers: the
                // helper thread's when reports are written on two (`PendingFile.Lane`).
                var instances = ReportSetWriter.PendingFile("instances.csv", streaming: { sink in InstanceCSV.stream(recorders, to: sink) })
                instances.lane = .helper
                files.append(instances)
                files.append(.init("hosts.csv") { NetworkCSV.hosts(recorders) })
                files.append(.init("links.csv") { NetworkCSV.links(recorders) })
                files.append(.init("link_utilisation.csv") { NetworkCSV.utilisation(recorders) })
            case .md: files.append(.init(f.fileName) { report.summaryMarkdown() })
            }
        }
        if formats.contains(.csv) {
            files.append(.init("timeline.csv", streaming: { sink in FleetTimeline.stream(recorders, to: sink) }))
        }
        files.append(.init("report.html", streaming: { sink in RunReportHTML.stream(report: report, recorders: recorders, to: sink) }))
        return files
    }
}
