/// Why no target was found for an instance. Decided by what excluded the candidates, in this
/// order, so the simulator can tell "waited for capacity" from "blocked by anti-affinity":
///
/// 1. `noCompatibleHost`: no host of the source's shape family, other than the source, accepts
///    instances (all in maintenance, failed, or the family has a single host);
/// 2. `noCapacity`: some do, but none has room for the instance's CPU and memory;
/// 3. `antiAffinity`: some have room, but each already holds a member of the instance's
///    anti-affinity group;
/// 4. `faultDomainSpread`: some have room and no group member, but each lies in a fault domain
///    that already holds another member of the group, and spread is `hard`.
public enum PlacementFailure: String, Error, Sendable, CaseIterable {
    case noCompatibleHost = "no_compatible_host"
    case noCapacity = "no_capacity"
    case antiAffinity = "anti_affinity"
    case faultDomainSpread = "fault_domain_spread"
}
