import FleetModel
import SimKernel
import FleetSimulation

/// `hosts.csv`, `links.csv` and `link_utilisation.csv`: the per-host and per-link views of
/// a campaign, every replication, stable row order.
public enum NetworkCSV {
    public static func hosts(_ runs: [(replication: Int, recorder: RunRecorder)]) -> String {
        var out = CSVWriter()
        out.appendRow("replication,host,shape_family,availability_domain,fault_domain,rack,drain_start_s,drain_end_s,returned_s,instances_moved,wave".split(separator: ",").map(String.init))
        for (r, rec) in runs {
            for host in rec.fleet.hosts {
                let h = rec.hosts[host.id.int]
                guard h.drainStart != nil else { continue }
                let row = [String(r), host.name, host.shapeFamily, host.location.availabilityDomain, host.location.faultDomain,
                           host.location.rack, opt(h.drainStart), opt(h.drainEnd), opt(h.returned), String(h.instancesMoved),
                           String(h.wave)]
                out.appendRow(row)
            }
        }
        return out.text
    }

    /// Links that carried traffic, with mean utilisation over the campaign and the peak
    /// sampled utilisation (sampled links only).
    public static func links(_ runs: [(replication: Int, recorder: RunRecorder)]) -> String {
        var out = CSVWriter()
        out.appendRow("replication,link,kind,capacity_bytes_per_s,bytes_carried,peak_concurrent_flows,mean_utilisation,peak_sampled_utilisation".split(separator: ",").map(String.init))
        for (r, rec) in runs {
            let start = rec.campaignStart ?? .zero
            let end = rec.campaignEnd ?? rec.linkSamples.last?.time ?? start
            let span = (end - start).seconds
            var peak: [Int: Double] = [:]
            for p in LinkUtilisation.series(rec) { peak[p.link.index] = max(peak[p.link.index] ?? 0, p.utilisation) }
            let capacity = CapacityInForce(rec)
            for t in rec.linkTotals where t.bytesCarried > 0 {
                // Over the capacity in force (a degraded or cut link could carry less).
                let couldCarry = capacity.bytes(t.link, from: start, to: end)
                let mean = span > 0 && couldCarry > 0 && couldCarry.isFinite ? t.bytesCarried / couldCarry : .nan
                let row = [String(r), t.name, t.kind.rawValue, NumberText.json(t.capacityBytesPerSecond),
                           NumberText.json(t.bytesCarried), String(t.peakFlows),
                           mean.isNaN ? "" : NumberText.json(mean), peak[t.link.index].map(NumberText.json) ?? ""]
                out.appendRow(row)
            }
        }
        return out.text
    }

    /// Utilisation of each sampled link per sample interval (rows only where it carried traffic).
    public static func utilisation(_ runs: [(replication: Int, recorder: RunRecorder)]) -> String {
        var out = CSVWriter()
        out.appendRow("replication,time_s,link,utilisation".split(separator: ",").map(String.init))
        for (r, rec) in runs {
            var names: [Int: String] = [:]
            for t in rec.linkTotals { names[t.link.index] = t.name }
            for p in LinkUtilisation.series(rec) where p.utilisation > 0 {
                let row = [String(r), NumberText.json(p.time.seconds), names[p.link.index] ?? "\(p.link)",
                           NumberText.json(p.utilisation)]
                out.appendRow(row)
            }
        }
        return out.text
    }

    static func opt(_ t: SimTime?) -> String { t.map { NumberText.json($0.seconds) } ?? "" }
}
