/// The two resources a host offers and an instance consumes.
///
/// OCPUs are a Double because OCI sells fractions (VM.Standard.E2.1.Micro is 1/8 OCPU);
/// multiples of 1/8 are exact in binary floating point, so sums stay exact in practice, and
/// comparisons still allow a nano-OCPU of slack. Memory is whole bytes.
public struct Resources: Equatable, Sendable, CustomStringConvertible {
    public var ocpus: Double
    public var memoryBytes: Int64

    public init(ocpus: Double, memoryBytes: Int64) {
        self.ocpus = ocpus
        self.memoryBytes = memoryBytes
    }

    public static let zero = Resources(ocpus: 0, memoryBytes: 0)

    /// Whether `self` fits inside `capacity`.
    @inlinable public func fits(in capacity: Resources) -> Bool {
        ocpus <= capacity.ocpus + 1e-9 && memoryBytes <= capacity.memoryBytes
    }

    @inlinable public static func + (a: Resources, b: Resources) -> Resources {
        Resources(ocpus: a.ocpus + b.ocpus, memoryBytes: a.memoryBytes + b.memoryBytes)
    }
    @inlinable public static func - (a: Resources, b: Resources) -> Resources {
        Resources(ocpus: a.ocpus - b.ocpus, memoryBytes: a.memoryBytes - b.memoryBytes)
    }
    @inlinable public static func += (a: inout Resources, b: Resources) { a = a + b }
    @inlinable public static func -= (a: inout Resources, b: Resources) { a = a - b }

    public var description: String {
        let gib = Double(memoryBytes) / 1_073_741_824
        return "\(ocpus) OCPU / \(gib) GiB"
    }
}
