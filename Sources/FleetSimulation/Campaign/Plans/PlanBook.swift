import FleetModel
import MaintenancePolicy

/// Plan execution's state: each instance's chain of actions (the policy's plan), the step it
/// is on and the attempts of that step, the target its retry should avoid, and how its
/// notices were resolved. Written only by the files of `Campaign/Plans/`
/// (CampaignOwnershipTests); other subsystems report through the methods below.
struct PlanBook {
    var actions: [[PlannedAction]]
    var step: [Int]
    var stepAttempts: [Int]
    /// The target of the last failed attempt: a retry goes elsewhere when it can.
    var avoidTarget: [HostID?]
    var rebootResolution: [RebootResolution?]
    var manualResolution: [ManualResolution?]

    init(instanceCount n: Int) {
        actions = Array(repeating: [], count: n)
        step = Array(repeating: 0, count: n)
        stepAttempts = Array(repeating: 0, count: n)
        avoidTarget = Array(repeating: nil, count: n)
        rebootResolution = Array(repeating: nil, count: n)
        manualResolution = Array(repeating: nil, count: n)
    }

    /// The action of the instance's plan it is on (nil when the plan is exhausted).
    @inline(__always) func currentAction(_ i: InstanceID) -> PlannedAction? {
        step[i.int] < actions[i.int].count ? actions[i.int][step[i.int]] : nil
    }

    /// A live attempt of the current step began (it counts whether or not it gets going).
    mutating func attemptBegan(_ i: InstanceID) { stepAttempts[i.int] += 1 }

    /// The instance's move completed: no target to avoid any more.
    mutating func moveCompleted(_ i: InstanceID) { avoidTarget[i.int] = nil }
}
