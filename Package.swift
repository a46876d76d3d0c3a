// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "sesterce-dash",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "sesterce-dash", targets: ["sesterce-dash"]),
        .executable(name: "sesterce-sim", targets: ["sesterce-sim"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-openapi-generator", exact: "1.14.3"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", exact: "1.13.4"),
        .package(url: "https://github.com/swift-server/swift-openapi-async-http-client", exact: "1.5.0"),
        .package(url: "https://github.com/swift-server/async-http-client", exact: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-ssl", exact: "2.37.6"),
        .package(url: "https://github.com/apple/swift-http-types", exact: "1.8.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-openapi-hummingbird", exact: "2.1.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        .package(url: "https://github.com/swift-server/swift-prometheus", exact: "2.4.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CNCurses",
            path: "Sources/CNCurses",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        .target(name: "SesterceModels"),
        .target(
            name: "SesterceAPI",
            dependencies: [
                "SesterceModels",
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIAsyncHTTPClient", package: "swift-openapi-async-http-client"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            plugins: [.plugin(name: "OpenAPIGenerator", package: "swift-openapi-generator")]
        ),
        .target(
            name: "SesterceSimulator",
            dependencies: [
                "SesterceAPI",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "OpenAPIHummingbird", package: "swift-openapi-hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "sesterce-dash",
            dependencies: [
                "SesterceAPI", "SesterceSimulator", "DashboardCore", "DashboardRuntime", "TerminalUI", "TextLayout", "CursesBackend", "DashCommands", "Ledger", "Endpoint", "SesterceMetrics",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            plugins: ["BuildCommit"]
        ),
        .plugin(name: "BuildCommit", capability: .buildTool()),
        .executableTarget(
            name: "sesterce-dash-bench",
            dependencies: ["SesterceAPI", "SesterceSimulator", "DashboardCore", "DashboardRuntime", "TerminalUI", "Ledger", "Endpoint", "SesterceMetrics"]
        ),
        .executableTarget(
            name: "sesterce-sim",
            dependencies: [
                "SesterceSimulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "TextLayout"),
        .target(
            name: "Ledger",
            dependencies: [
                "SesterceModels",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(name: "DashboardCore", dependencies: ["SesterceModels", "TextLayout"]),
        .target(
            name: "DashboardRuntime",
            dependencies: [
                "DashboardCore", "SesterceAPI", "TerminalUI", "TextLayout", "Ledger", "Endpoint",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .target(
            name: "Endpoint",
            dependencies: [
                "SesterceModels", "TextLayout",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .target(
            name: "SesterceMetrics",
            dependencies: [
                "SesterceModels",
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(name: "TerminalUI", dependencies: ["DashboardCore", "TextLayout"]),
        .target(name: "CursesBackend", dependencies: ["CNCurses", "TerminalUI", "TextLayout"]),
        .target(
            name: "DashCommands",
            dependencies: [
                "SesterceAPI", "DashboardCore", "TextLayout", "Ledger",
                .product(name: "Yams", package: "Yams"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "TextLayoutTests", dependencies: ["TextLayout"]),
        .testTarget(name: "LedgerTests", dependencies: ["Ledger", "SesterceModels"]),
        .testTarget(name: "EndpointTests", dependencies: ["Endpoint", "SesterceModels", "SesterceSimulator"]),
        .testTarget(
            name: "DashCommandsTests",
            dependencies: ["DashCommands", "DashboardCore", "TextLayout", "SesterceAPI", "SesterceSimulator", "Ledger"]),
        .testTarget(name: "DashboardCoreTests", dependencies: ["DashboardCore", "TextLayout", "SesterceAPI", "SesterceSimulator"]),
        .testTarget(
            name: "DashboardRuntimeTests",
            dependencies: [
                "DashboardRuntime", "DashboardCore", "TerminalUI", "SesterceAPI", "SesterceSimulator", "Ledger",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]),
        .testTarget(
            name: "SesterceMetricsTests",
            dependencies: [
                "SesterceMetrics", "SesterceModels",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "DashboardCore", "TextLayout", "SesterceAPI"]),
        .testTarget(name: "CursesBackendTests", dependencies: ["CursesBackend", "TerminalUI", "TextLayout"]),
        .testTarget(name: "EndToEnd", dependencies: ["sesterce-dash", "sesterce-sim", "SesterceSimulator"]),
        .testTarget(
            name: "SesterceAPITests",
            dependencies: [
                "SesterceAPI", "SesterceSimulator",
                .product(name: "OpenAPIAsyncHTTPClient", package: "swift-openapi-async-http-client"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Fixtures")]
        ),
    ]
)
