import FleetModel
import SimKernel
import Stochastics

/// The restart after a host failure (failure response decides it, `crash`): an offline move
/// with no stop stage (the guest is already down), then reassign and boot on another host.
/// It holds no migration slot (an HA restart, not a migration).
extension CampaignModel {
    /// Restart `i` from its boot volume on another host: reassign, boot.
    mutating func startRestart(_ i: InstanceID, from source: HostID, kernel: inout Kernel<CampaignEvent>) -> Bool {
        guard let target = placement.target(for: i, leaving: source, occupancy: occupancy), !failures.hostDown[target.int] else {
            return false
        }
        let now = kernel.now
        do { try occupancy.reserve(i, demand: fleet[i].demand, on: target) } catch {
            preconditionFailure("placement chose a host without room: \(error)")
        }
        placement.didReserve(i, on: target, occupancy: occupancy)
        attempts[i.int] += 1
        var move = Move(action: .restart, source: source, target: target, attempt: attempts[i.int], isReturn: false)
        move.usesSlots = false
        move.stoppedAt = now   // already down since the crash
        let stream = RandomStream(scenarioSeed: replicationSeed, entity: fleet[i].name,
                                  purpose: "restart#\(attempts[i.int])", kind: config.generator)
        let reboot = config.rebootMigration
        move.stageDurations = StageDurations(stop: .zero, middle: SimTime(seconds: max(0, reboot.reassignSeconds.sample(stream))),
                                             start: SimTime(seconds: max(0, reboot.bootSeconds.sample(stream))))
        moves[i.int] = move
        emit(.reserved(instance: i, target: target, time: now))
        emit(.attemptStarted(instance: i, attempt: attempts[i.int], action: .restart, source: source, target: target, time: now))
        kernel.schedule(after: .zero, .stageDone(i, epoch: epoch[i.int]))
        return true
    }
}
