import FleetModel

extension MaintenancePolicyConfig {
    /// The chain of actions to try for `instance`, a pure function of the policy, the
    /// instance (shape and attributes) and the shape of the host it is on (`DVH.*` host
    /// shapes mark OCI dedicated VM hosts; nil when unknown).
    public func plan(for instance: Instance, hostShape: String?) -> MovePlan {
        switch rules {
        case .oci: return ociPlan(instance, hostShape: hostShape)
        case .lxd: return lxdPlan(instance)
        case .generic: return genericPlan(instance)
        }
    }

    /// OCI's failed criteria for `instance`, in the console's order ("View
    /// incompatibilities"); `image` is listed but does not block.
    public func ociIncompatibilities(_ instance: Instance, hostShape: String?) -> [EligibilityCriterion] {
        let a = instance.attributes
        let shape = instance.shape
        var failed: [EligibilityCriterion] = []
        if !oci.realms.contains(a.realm) { failed.append(.realm) }
        if !oci.liveShapes.matches(shape) { failed.append(.shape) }
        if a.image != .platform { failed.append(.image) }
        if !oci.networking.contains(a.networking) { failed.append(.networking) }
        if a.shielded && !oci.allowShielded { failed.append(.shielded) }
        if a.credentialGuard && !oci.allowCredentialGuard { failed.append(.credentialGuard) }
        if a.vnicCount > oci.maxVNICs { failed.append(.vnics) }
        if isBareMetal(instance) && !oci.allowBareMetal { failed.append(.bareMetal) }
        if isOnDedicatedHost(instance, hostShape: hostShape) && !oci.allowDedicatedHost { failed.append(.dedicatedHost) }
        return failed
    }

    /// Bare metal by attribute or by OCI's `BM.` shape prefix.
    public func isBareMetal(_ instance: Instance) -> Bool {
        instance.attributes.kind == .bareMetal || instance.shape.hasPrefix("BM.")
    }

    public func isDenseIO(_ instance: Instance) -> Bool { oci.denseIOShapes.matches(instance.shape) }

    public func isOnDedicatedHost(_ instance: Instance, hostShape: String?) -> Bool {
        instance.attributes.dedicatedHost || (hostShape.map { oci.dedicatedHostShapes.matches($0) } ?? false)
    }

    /// The reboot migration OCI supports for this shape, if any: "VM instances that use
    /// standard, GPU, and dense I/O shapes, and ... bare metal instances that use standard
    /// shapes". Instances without one are moved manually.
    public func rebootVariant(_ instance: Instance) -> RebootVariant? {
        if isBareMetal(instance) {
            return oci.rebootBareMetalShapes.matches(instance.shape) ? .bareMetal : nil
        }
        if isDenseIO(instance) { return .vmDenseIO }
        return oci.rebootVMShapes.matches(instance.shape) ? .vmStandard : nil
    }

    // MARK: - OCI

    func ociPlan(_ instance: Instance, hostShape: String?) -> MovePlan {
        let failed = ociIncompatibilities(instance, hostShape: hostShape)
        let blocking = failed.filter(\.blocksLiveMigration)
        let variant = rebootVariant(instance)
        if blocking.isEmpty {
            let attempted = failed.contains(.image)
            let step = liveStep(successProbability: attempted ? oci.attemptedImageSuccessProbability : nil)
            // "If an instance cannot be live migrated, Oracle Cloud Infrastructure schedules a
            // due date for reboot migration": a live-eligible VM always has one.
            let fallback = liveFallback(instance, rebootVariant: variant ?? (isDenseIO(instance) ? .vmDenseIO : .vmStandard))
            return MovePlan(actions: [.live(step)] + fallback,
                            reason: attempted ? .attemptedImage(instance.attributes.image) : .eligible,
                            incompatibilities: failed)
        }
        // "If reboot migration is unsuccessful ... You must manually migrate the instance";
        // "For instances without a date in the Maintenance reboot field ... you must move the
        // instance manually."
        let actions: [PlannedAction] = variant.map { [.reboot($0), .manual] } ?? [.manual]
        return MovePlan(actions: actions, reason: .ineligible(blocking), incompatibilities: failed)
    }

    // MARK: - LXD

    func lxdPlan(_ instance: Instance) -> MovePlan {
        let a = instance.attributes
        let cold = PlannedAction.cold(copyRootFS: a.storage == .local)
        if a.kind == .bareMetal { return MovePlan(actions: [.stop], reason: .bareMetal) }
        switch a.evacuate {
        case .stop:
            return MovePlan(actions: [.stop], reason: .evacuateSetting(.stop))
        case .migrate:
            // Forced: LXD moves it even with devices that may not exist on the target.
            return MovePlan(actions: [cold], reason: .evacuateSetting(.migrate))
        case .liveMigrate:
            // "Live migration is supported for virtual machines only"; a container that CRIU
            // cannot checkpoint must be stopped to move (seed 000).
            if a.kind == .container, let why = containerNotLive(a) {
                return MovePlan(actions: [cold], reason: why)
            }
            return MovePlan(actions: [.live(liveStep())] + liveFallback(instance, rebootVariant: .vmStandard),
                            reason: .evacuateSetting(.liveMigrate))
        case .auto:
            // lxd canMigrate: any device that cannot migrate means stop.
            if let device = a.devices.first(where: { lxd.nonMigratableDevices.contains($0) }) {
                return MovePlan(actions: [.stop], reason: .deviceCannotMigrate(device))
            }
            if a.kind == .vm {
                if a.migrationStateful {
                    return MovePlan(actions: [.live(liveStep())] + liveFallback(instance, rebootVariant: .vmStandard),
                                    reason: .statefulVM)
                }
                return MovePlan(actions: [cold], reason: .statelessVM)
            }
            if let why = containerNotLive(a) { return MovePlan(actions: [cold], reason: why) }
            if !lxd.containerLiveInAuto { return MovePlan(actions: [cold], reason: .containerNotLiveInAuto) }
            return MovePlan(actions: [.live(liveStep())] + liveFallback(instance, rebootVariant: .vmStandard),
                            reason: .basicContainerWithCRIU)
        }
    }

    /// Why CRIU cannot live-migrate this container, or nil when it can (seed 000: CRIU
    /// enabled on both servers, no systemd, no network device).
    func containerNotLive(_ a: InstanceAttributes) -> PlanReason? {
        if !a.criu { return .containerWithoutCRIU }
        if a.systemd { return .containerRunsSystemd }
        if a.networkDevice { return .containerHasNetworkDevice }
        return nil
    }

    // MARK: - Generic

    func genericPlan(_ instance: Instance) -> MovePlan {
        let a = instance.attributes
        if isBareMetal(instance) {
            let fallback = liveFallback(instance, rebootVariant: .bareMetal)
            return MovePlan(actions: fallback.isEmpty ? [.stop] : fallback, reason: .bareMetal)
        }
        if a.kind == .container {
            if let why = containerNotLive(a) {
                return MovePlan(actions: [.cold(copyRootFS: a.storage == .local)], reason: why)
            }
            return MovePlan(actions: [.live(liveStep())] + liveFallback(instance, rebootVariant: .vmStandard),
                            reason: .basicContainerWithCRIU)
        }
        return MovePlan(actions: [.live(liveStep())] + liveFallback(instance, rebootVariant: .vmStandard),
                        reason: .virtualMachine)
    }

    // MARK: - Shared

    func liveStep(successProbability: Double? = nil) -> LiveStep {
        LiveStep(attempts: live.attempts, engine: live.engine, autoConverge: live.autoConverge,
                 postcopy: live.postcopyPermitted, timeoutAction: live.timeoutAction,
                 attemptSuccessProbability: successProbability)
    }

    /// The actions after a live step that failed every attempt.
    func liveFallback(_ instance: Instance, rebootVariant: RebootVariant) -> [PlannedAction] {
        switch live.fallback {
        case .reboot: return [.reboot(rebootVariant), .manual]
        case .cold: return [.cold(copyRootFS: instance.attributes.storage == .local)]
        case .stop: return [.stop]
        case .none: return []
        }
    }
}
