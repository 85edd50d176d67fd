// swift-tools-version:6.1
// fleetsim — a discrete-event simulator of cloud fleet maintenance.
// Module boundaries follow DESIGN.md: dependencies point one way,
// fleetsim -> Reporting, Scenario -> FleetSimulation -> MaintenancePolicy, FleetModel
// -> MigrationEngine -> Stochastics -> CGSL, and FleetSimulation -> SimKernel.
import PackageDescription

let package = Package(
    name: "fleetsim",
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // GNU Scientific Library, found through pkg-config; Debian ships it as libgsl-dev.
        .systemLibrary(
            name: "CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev"])]
        ),
        .target(name: "Stochastics", dependencies: ["CGSL"]),
        .target(name: "SimKernel", dependencies: [
            .product(name: "HeapModule", package: "swift-collections"),
        ]),
        // Hosts, instances, topology, links and bandwidth sharing (Network/).
        .target(name: "FleetModel"),
        .testTarget(name: "StochasticsTests", dependencies: ["Stochastics", "CGSL"]),
        .testTarget(name: "SimKernelTests", dependencies: ["SimKernel"]),
        .testTarget(name: "FleetModelTests", dependencies: ["FleetModel"]),
    ]
)
