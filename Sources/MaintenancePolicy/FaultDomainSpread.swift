/// Whether placement keeps the members of an anti-affinity group in different fault domains.
///
/// Anti-affinity alone keeps members on different hosts; spread goes one level up, as OCI's
/// fault domains and vSphere/Nova server groups across failure domains do. A fault domain is
/// "clean" for an instance when it holds no other member of the instance's group (members in
/// flight count in both their source's and their target's fault domain). Instances without
/// a group are unaffected. The deprioritized tier outranks spread: a preferred host in a
/// fault domain that already holds a member beats a deprioritized host in a clean one.
public enum FaultDomainSpread: String, Sendable, CaseIterable {
    /// Fault domains are ignored.
    case none
    /// Prefer a target in a clean fault domain; fall back to any other target that fits.
    case soft
    /// Require a target in a clean fault domain; otherwise the instance is unplaceable
    /// (`PlacementFailure.faultDomainSpread`).
    case hard
}
