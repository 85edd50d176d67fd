import Testing
import FleetModel
import Stochastics
@testable import MaintenancePolicy

/// Reboot and manual migrations resolved from explicit draws. With every draw at 0.5 each
/// duration is its distribution's median: notice-to-due 15 d, response 3 d, window 12 h,
/// stop 15 s, reassign 30 s, boot 45 s, rebuild 4 h.
@Suite struct PolicyResolutionTests {
    let policy = MaintenancePolicyConfig.oci
    let day = 86_400.0
    let attributes = InstanceAttributes()

    func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-6 * max(1, abs(b)) }

    @Test func customerWhoActsRebootsAtTheirResponseTime() {
        let r = policy.resolveReboot(.vmStandard, attributes: attributes, draws: RebootDraws(acts: 0.1))
        #expect(r.trigger == .customerProactive)
        #expect(close(r.dueSeconds, 15 * day))
        #expect(close(r.startSeconds, 3 * day))
        #expect(close(r.downtimeSeconds, 90))
        #expect(!r.nvmeDataLost && !r.failed && !r.staysStopped)
        #expect(r.extensionSeconds == 0)
    }

    @Test func customerWhoNeverActsIsRebootMigratedWithin24HoursAfterTheDueDate() {
        let r = policy.resolveReboot(.vmStandard, attributes: attributes, draws: RebootDraws(acts: 0.9))
        #expect(r.trigger == .platformAfterDueDate)
        #expect(close(r.startSeconds, 15 * day + 12 * 3_600))
        #expect(close(r.downtimeSeconds, 90))
        let late = policy.resolveReboot(.bareMetal, attributes: attributes,
                                        draws: RebootDraws(acts: 0.9, platformWindow: 0.999_999))
        #expect(late.startSeconds > late.dueSeconds && late.startSeconds <= late.dueSeconds + 24 * 3_600)
    }

    @Test func aResponseAfterTheDueDateIsNoResponse() {
        // The 99.9th percentile of the response (about 23 days) comes after a 15-day due date.
        let r = policy.resolveReboot(.vmStandard, attributes: attributes, draws: RebootDraws(acts: 0.1, response: 0.999))
        #expect(r.trigger == .platformAfterDueDate)
    }

    @Test func dueDateStaysWithin14To16DaysUnlessExtended() {
        for u in [0.0, 0.25, 0.999_999] {
            let r = policy.resolveReboot(.vmStandard, attributes: attributes, draws: RebootDraws(dueDate: u))
            #expect(r.dueSeconds >= 14 * day && r.dueSeconds <= 16 * day)
        }
        let extended = policy.resolveReboot(.vmStandard, attributes: attributes,
                                            draws: RebootDraws(extensionChance: 0.01, acts: 0.9))
        #expect(close(extended.extensionSeconds, 7.5 * day))
        #expect(close(extended.dueSeconds, 22.5 * day))
        #expect(close(extended.startSeconds, 22.5 * day + 12 * 3_600))
    }

    @Test func denseIOIsRebuiltOnTheDueDateWithHoursOfDowntime() {
        let r = policy.resolveReboot(.vmDenseIO, attributes: attributes, draws: RebootDraws(acts: 0.9, failure: 0))
        #expect(r.trigger == .platformRebuildOnDueDate)
        #expect(close(r.startSeconds, 15 * day))
        #expect(close(r.downtimeSeconds, 4 * 3_600))
        #expect(!r.nvmeDataLost)
        #expect(!r.failed)  // a rebuild in place is not a migration
    }

    @Test func denseIOProactiveRebootDeletesTheSSDUnlessBackedUp() {
        let r = policy.resolveReboot(.vmDenseIO, attributes: attributes, draws: RebootDraws(acts: 0.1))
        #expect(r.trigger == .customerProactive)
        #expect(r.nvmeDataLost)
        #expect(close(r.downtimeSeconds, 90))
        var backedUp = attributes
        backedUp.nvmeBackedUp = true
        #expect(!policy.resolveReboot(.vmDenseIO, attributes: backedUp, draws: RebootDraws(acts: 0.1)).nvmeDataLost)
        // Not a DenseIO instance: nothing to lose.
        #expect(!policy.resolveReboot(.vmStandard, attributes: attributes, draws: RebootDraws(acts: 0.1)).nvmeDataLost)
    }

    @Test func rebootMigrationFailsWithItsProbability() {
        #expect(policy.resolveReboot(.vmStandard, attributes: attributes, draws: RebootDraws(failure: 0.004)).failed)
        #expect(!policy.resolveReboot(.vmStandard, attributes: attributes, draws: RebootDraws(failure: 0.006)).failed)
    }

    @Test func stayStoppedSkipsTheBoot() {
        var a = attributes
        a.stayStoppedAfterMigration = true
        let r = policy.resolveReboot(.vmStandard, attributes: a, draws: RebootDraws(acts: 0.9))
        #expect(r.staysStopped)
        #expect(r.bootSeconds == 0)
        #expect(close(r.downtimeSeconds, 45))
    }

    @Test func neverActingFractionIsAKnob() {
        var p = policy
        p.reboot.proactiveProbability = 0
        #expect(p.resolveReboot(.vmStandard, attributes: attributes, draws: RebootDraws(acts: 0)).trigger == .platformAfterDueDate)
        p.reboot.proactiveProbability = 1
        #expect(p.resolveReboot(.vmStandard, attributes: attributes, draws: RebootDraws(acts: 0.999)).trigger == .customerProactive)
    }

    @Test func drawsAreTakenInADocumentedOrder() {
        var k = 0.0
        let draws = RebootDraws { k += 1; return k / 100 }
        #expect(draws == RebootDraws(dueDate: 0.01, extensionChance: 0.02, extensionLength: 0.03, acts: 0.04,
                                     response: 0.05, platformWindow: 0.06, stop: 0.07, reassign: 0.08, boot: 0.09,
                                     rebuild: 0.10, failure: 0.11))
        var j = 0.0
        let manual = ManualDraws { j += 1; return j / 10 }
        #expect(manual == ManualDraws(notification: 0.1, acts: 0.2, reaction: 0.3, terminate: 0.4, relaunch: 0.5,
                                      reattach: 0.6, restartApplications: 0.7))
    }

    @Test func sameDrawsSameResolution() throws {
        let stream = RandomStream(seed: 7)
        let draws = RebootDraws { stream.uniform() }
        let a = policy.resolveReboot(.vmStandard, attributes: attributes, draws: draws)
        let b = policy.resolveReboot(.vmStandard, attributes: attributes, draws: draws)
        #expect(a == b)
    }

    // MARK: - Manual

    @Test func manualMigrationByTheCustomer() {
        let i = policyInstance("BM.GPU4.8") { $0.kind = .bareMetal }
        let r = policy.resolveManual(i, draws: ManualDraws())
        #expect(r.outcome == .customerMigrated)
        #expect(close(r.notificationSeconds, 300))
        #expect(close(r.startSeconds, 300 + 2 * day))
        #expect(close(r.downtimeSeconds, 120 + 180 + 300 + 300))
        #expect(r.changedIdentifiers == [.publicIP, .macAddresses, .hardwareIdentifiers])
        #expect(!r.nvmeDataLost)
    }

    @Test func reservedPublicIPIsKept() {
        let i = policyInstance("BM.GPU4.8") { $0.reservedPublicIP = true }
        #expect(policy.resolveManual(i, draws: ManualDraws()).changedIdentifiers == [.macAddresses, .hardwareIdentifiers])
    }

    @Test func customerInactionPassesTheDeadline() {
        let i = policyInstance("BM.GPU4.8")
        let never = policy.resolveManual(i, draws: ManualDraws(acts: 0.05))
        #expect(never.outcome == .deadlinePassed)
        #expect(close(never.startSeconds, never.notificationSeconds + 30 * day))
        #expect(never.downtimeSeconds == 0)
        #expect(never.changedIdentifiers.isEmpty)
        var p = policy
        p.manual.deadlineSeconds = day  // the median reaction (2 days) comes too late
        #expect(p.resolveManual(i, draws: ManualDraws()).outcome == .deadlinePassed)
    }

    @Test func manualMoveOfDenseIOLosesTheSSDUnlessBackedUp() {
        #expect(policy.resolveManual(policyInstance("BM.DenseIO.E4.128"), draws: ManualDraws()).nvmeDataLost)
        let backedUp = policyInstance("VM.DenseIO.E4.Flex") { $0.nvmeBackedUp = true }
        #expect(!policy.resolveManual(backedUp, draws: ManualDraws()).nvmeDataLost)
    }
}
