// swift-tools-version:6.1
// fleetsim — a discrete-event simulator of cloud fleet maintenance.
// Module boundaries follow DESIGN.md: dependencies point one way,
// fleetsim -> FleetBench -> Experiment -> Reporting, Scenario -> FleetSimulation -> MaintenancePolicy, FleetModel
// -> MigrationEngine -> Stochastics -> CGSL, and FleetSimulation -> SimKernel.
import PackageDescription

let package = Package(
    name: "fleetsim",
    products: [
        .executable(name: "fleetsim", targets: ["fleetsim"]),
    ],
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
        .target(name: "SimKernel"),
        // The live-migration engine: a pure state machine, no kernel import (DESIGN.md).
        .target(name: "MigrationEngine", dependencies: ["Stochastics"]),
        .target(name: "FleetModel"),
        .target(name: "MaintenancePolicy", dependencies: ["FleetModel", "Stochastics"]),
        .target(name: "FleetSimulation", dependencies: [
            "FleetModel", "MaintenancePolicy", "MigrationEngine", "SimKernel", "Stochastics",
            .product(name: "DequeModule", package: "swift-collections"),
            .product(name: "HeapModule", package: "swift-collections"),
        ]),
        // YAML scenario files -> validated, typed configuration (units, key paths, diagnostics).
        .target(name: "Scenario", dependencies: [
            "SimKernel", "Stochastics", "FleetModel", "FleetSimulation", "MaintenancePolicy", "MigrationEngine",
            .product(name: "Yams", package: "Yams"),
        ]),
        .target(name: "Reporting", dependencies: ["CGSL", "FleetModel", "FleetSimulation", "SimKernel", "Stochastics"]),
        // Replications run in parallel, sweeps, comparisons and merges: what commands share.
        .target(name: "Experiment", dependencies: [
            "Scenario", "FleetSimulation", "FleetModel", "MaintenancePolicy", "MigrationEngine", "Reporting", "SimKernel", "Stochastics",
            // `MigrateOptions` declares `fleetsim migrate`'s engine flags for the library's setup.
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Kernel, campaign and scenario benchmarks and their figures (`fleetsim bench`).
        .target(name: "FleetBench", dependencies: ["Experiment", "FleetSimulation", "Reporting", "SimKernel"]),
        .executableTarget(name: "fleetsim", dependencies: [
            "FleetBench", "Experiment", "Scenario", "Reporting", "FleetSimulation", "FleetModel", "SimKernel", "MigrationEngine", "Stochastics",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "StochasticsTests", dependencies: ["Stochastics", "CGSL"]),
        .testTarget(name: "SimKernelTests", dependencies: ["SimKernel"]),
        .testTarget(name: "MigrationEngineTests", dependencies: ["MigrationEngine", "Stochastics"]),
        .testTarget(name: "FleetModelTests", dependencies: ["FleetModel"]),
        .testTarget(name: "MaintenancePolicyTests", dependencies: ["MaintenancePolicy", "FleetModel", "Stochastics"]),
        .testTarget(name: "FleetSimulationTests", dependencies: ["FleetSimulation", "FleetModel", "Stochastics", "SimKernel"]),
        .testTarget(name: "ScenarioTests", dependencies: ["Scenario", "SimKernel", "MaintenancePolicy", "FleetModel", "Stochastics"]),
        .testTarget(name: "ReportingTests", dependencies: [
            "Reporting", "FleetSimulation", "FleetModel", "Stochastics", "Scenario", "MaintenancePolicy", "SimKernel",
        ]),
        // End-to-end: runs the built `fleetsim` binary on the shipped scenarios.
        .testTarget(name: "fleetsimTests", dependencies: ["fleetsim"]),
        .testTarget(name: "FleetBenchTests", dependencies: ["FleetBench", "FleetSimulation", "SimKernel", "Experiment"]),
        // Issue 10's size rules over Sources/: no file over 400 lines, no function over 60.
        .testTarget(name: "SourceShapeTests"),
        .testTarget(name: "ExperimentTests", dependencies: [
            "Experiment", "Scenario", "Reporting", "MigrationEngine",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
    ]
)
