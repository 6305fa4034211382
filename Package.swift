// swift-tools-version:6.2
import PackageDescription

let package = Package(
    name: "quire",
    products: [
        .executable(name: "quire", targets: ["quire"]),
        .library(name: "NotebookFormat", targets: ["NotebookFormat"]),
        .library(name: "NotebookText", targets: ["NotebookText"]),
        .library(name: "Tracking", targets: ["Tracking"]),
        .library(name: "TrackingSQLite", targets: ["TrackingSQLite"]),
        .library(name: "TrackingPostgres", targets: ["TrackingPostgres"]),
        .library(name: "TrackingServer", targets: ["TrackingServer"]),
        .library(name: "HTMLTemplates", targets: ["HTMLTemplates"]),
        .library(name: "MarkupEscaping", targets: ["MarkupEscaping"]),
        .library(name: "StableHash", targets: ["StableHash"]),
        .library(name: "TrackingUI", targets: ["TrackingUI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        // No default traits: they pull in full Foundation (ICU, ~47 MB static) and swift-configuration.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0", traits: []),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // The notebook format: JSON layer, nbformat model, versions, validation, cleaning.
        .target(
            name: "NotebookFormat",
            dependencies: ["StableHash"],
            resources: [.embedInCode("Validation/Schemas")]
        ),
        // Cell alignment, structured diffs, three-way merge.
        .target(name: "NotebookDiff", dependencies: ["NotebookFormat"]),
        // Percent scripts (jupytext's py:percent): writer, reader, kernel languages; pairing and sync.
        .target(name: "NotebookText", dependencies: ["NotebookFormat", "NotebookDiff"]),
        // Jupyter kernels: native ZMTP 3 over TCP, the messaging protocol, kernelspecs, launch, executor.
        .target(
            name: "JupyterKernel",
            dependencies: ["NotebookFormat", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // Configuration files (quire.toml, pyproject.toml).
        .target(name: "QuireConfig"),
        // git's filter protocols and configuration.
        .target(name: "GitIntegration", dependencies: ["NotebookFormat"]),
        // Experiment tracking: model, validation, search grammar, the RunStore protocol.
        .target(name: "Tracking", dependencies: ["StableHash"]),
        // The system SQLite library (libsqlite3-dev; libsqlite3.a for static builds).
        .systemLibrary(
            name: "CSQLite",
            path: "Sources/CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // The embedded default RunStore on SQLite.
        .target(name: "TrackingSQLite", dependencies: ["Tracking", "CSQLite"]),
        // Server-side SVG line charts (LTTB downsampling, smoothing, nice ticks); no dependencies at all.
        .target(name: "SVGCharts", dependencies: ["MarkupEscaping", "StableHash"]),
        // The RunStore for a team server on PostgreSQL (several `quire serve` processes, one database).
        .target(
            name: "TrackingPostgres",
            dependencies: [
                "Tracking",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // FNV-1a for ids and fingerprints that must not change between runs (cell ids, page tokens).
        .target(name: "StableHash"),
        // HTML/SVG/XML escaping, one rule for the templates, the charts and the JUnit report.
        .target(name: "MarkupEscaping"),
        // A small Mustache renderer (swift-mustache imports full Foundation).
        .target(name: "HTMLTemplates", dependencies: ["MarkupEscaping"]),
        // The web UI's pages over any RunStore: templates, CSS and JS embedded in the binary.
        .target(
            name: "TrackingUI",
            dependencies: ["Tracking", "HTMLTemplates", "SVGCharts", "MarkupEscaping", "StableHash"],
            resources: [.embedInCode("Templates"), .embedInCode("Static")]
        ),
        // The MLflow REST API, proxied artifacts and the web UI over any RunStore (Hummingbird 2).
        .target(
            name: "TrackingServer",
            dependencies: [
                "Tracking",
                "TrackingUI",
                "NotebookFormat",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "quire",
            dependencies: [
                "NotebookFormat",
                "NotebookDiff",
                "NotebookText",
                "QuireConfig",
                "GitIntegration",
                "Tracking",
                "TrackingSQLite",
                "TrackingPostgres",
                "TrackingServer",
                "JupyterKernel",
                "MarkupEscaping",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Helpers shared by the test targets (corpus paths, a seeded generator); never shipped.
        .target(name: "QuireTestSupport", path: "Tests/QuireTestSupport"),
        // The real ipykernel `make test` installs, for the kernel and the command-line tests.
        .target(name: "KernelTestSupport", dependencies: ["JupyterKernel", "NotebookFormat"], path: "Tests/KernelTestSupport"),
        .testTarget(name: "NotebookFormatTests", dependencies: ["NotebookFormat", "QuireTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "NotebookDiffTests", dependencies: ["NotebookDiff", "NotebookFormat", "QuireTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "NotebookTextTests", dependencies: ["NotebookText", "NotebookDiff", "NotebookFormat", "QuireTestSupport"]),
        // A throwaway PostgreSQL cluster for the tests that need a real server; never shipped.
        .target(
            name: "PostgresTestSupport",
            dependencies: [
                "TrackingPostgres",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/PostgresTestSupport"
        ),
        // The RunStore contract every store passes; used by each store's test target.
        .target(name: "TrackingContract", dependencies: ["Tracking", "QuireTestSupport"], path: "Tests/TrackingContract"),
        .testTarget(name: "TrackingTests", dependencies: ["Tracking", "TrackingContract"]),
        .testTarget(name: "TrackingSQLiteTests", dependencies: ["TrackingSQLite", "Tracking", "TrackingContract", "QuireTestSupport"]),
        .testTarget(
            name: "TrackingPostgresTests",
            dependencies: [
                "TrackingPostgres", "Tracking", "TrackingContract", "QuireTestSupport", "PostgresTestSupport",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "TrackingServerTests",
            dependencies: [
                "TrackingServer",
                "Tracking",
                "NotebookFormat",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .testTarget(name: "HTMLTemplatesTests", dependencies: ["HTMLTemplates"]),
        .testTarget(name: "MarkupEscapingTests", dependencies: ["MarkupEscaping"]),
        .testTarget(name: "StableHashTests", dependencies: ["StableHash"]),
        .testTarget(name: "TrackingUITests", dependencies: ["TrackingUI", "Tracking", "HTMLTemplates"]),
        .testTarget(name: "QuireConfigTests", dependencies: ["QuireConfig"]),
        .testTarget(name: "SVGChartsTests", dependencies: ["SVGCharts"]),
        .testTarget(name: "JupyterKernelTests", dependencies: ["JupyterKernel", "NotebookFormat", "KernelTestSupport"]),
        .testTarget(
            name: "QuireCLITests",
            dependencies: ["quire", "NotebookFormat", "GitIntegration", "PostgresTestSupport", "Tracking", "TrackingSQLite", "KernelTestSupport"],
            exclude: ["Fixtures"]
        ),
    ]
)

for target in package.targets where [.regular, .executable, .test].contains(target.type) {
    target.swiftSettings = (target.swiftSettings ?? []) + [
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("MemberImportVisibility"),
    ]
}
