@testable import MigrationEngine

let GiB = Int64(1 << 30)
let MiB = Int64(1 << 20)

func relErr(_ a: Double, _ b: Double) -> Double { abs(a - b) / max(abs(b), 1e-300) }

/// Parameters with every fixed cost and wire overhead off, uncapped: the textbook pre-copy model
/// (decisions pass by pass, which is what the closed forms describe).
func textbook(memoryBytes: Int64) -> MigrationParameters {
    var p = MigrationParameters(memoryBytes: memoryBytes)
    p.precopyLoop = .perPass
    p.maxBandwidthBytesPerSecond = nil
    p.pageHeaderBytes = 0
    p.setupSeconds = 0
    p.deviceStateBytes = 0
    p.switchoverOverheadSeconds = 0
    return p
}
