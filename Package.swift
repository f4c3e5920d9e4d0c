// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Herald",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "herald", targets: ["herald"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/apple/swift-metrics", exact: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", exact: "2.4.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .target(name: "CCurlShim", dependencies: ["CCurl"]),
        .target(
            name: "HeraldCore",
            dependencies: [
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "HeraldConfig",
            dependencies: ["HeraldCore", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "HeraldStore",
            dependencies: ["HeraldCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(
            name: "HeraldDelivery",
            dependencies: [
                "HeraldCore",
                "CCurlShim",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ]
        ),
        .target(
            name: "HeraldApp",
            dependencies: [
                "HeraldCore", "HeraldConfig", "HeraldStore", "HeraldDelivery", "HeraldServer",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .target(
            name: "HeraldServer",
            dependencies: [
                "HeraldCore", "HeraldStore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .executableTarget(
            name: "herald",
            dependencies: [
                "HeraldApp", "HeraldConfig", "HeraldCore", "HeraldDelivery", "HeraldStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ]
        ),
        .executableTarget(
            name: "herald-bench",
            dependencies: ["HeraldApp", "HeraldConfig", "HeraldCore", "HeraldDelivery", "HeraldStore",
                           "HeraldTestSupport", .product(name: "Logging", package: "swift-log")]
        ),
        .target(name: "HeraldTestSupport", dependencies: ["HeraldCore"], path: "Tests/HeraldTestSupport"),
        .testTarget(
            name: "HeraldCoreTests", dependencies: ["HeraldCore", "HeraldTestSupport"],
            exclude: ["Goldens", "BundleGoldens"]
        ),
        .testTarget(name: "HeraldConfigTests", dependencies: ["HeraldConfig", "HeraldTestSupport"]),
        .testTarget(name: "HeraldStoreTests", dependencies: ["HeraldStore", "HeraldTestSupport"]),
        .testTarget(name: "HeraldDeliveryTests", dependencies: ["HeraldDelivery", "HeraldTestSupport"]),
        .testTarget(
            name: "HeraldServerTests",
            dependencies: [
                "HeraldServer", "HeraldApp", "HeraldTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "HeraldAppTests",
            dependencies: ["HeraldApp", "HeraldTestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Goldens"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
