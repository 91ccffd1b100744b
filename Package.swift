// swift-tools-version:6.1
import PackageDescription

// Dependencies point one way: CRDKafka -> Kafka; ArticleCore has no Kafka;
// Pipeline joins them for the workers; NewsctlKit adds what only newsctl needs; the
// executables are thin front ends.
let package = Package(
    name: "news-pipeline",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "news-producer", targets: ["news-producer"]),
        .executable(name: "news-enricher", targets: ["news-enricher"]),
        .executable(name: "news-sink", targets: ["news-sink"]),
        .executable(name: "newsctl", targets: ["newsctl"]),
        .library(name: "ArticleCore", targets: ["ArticleCore"]),
        .library(name: "Kafka", targets: ["Kafka"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swhitty/FlyingFox.git", from: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CRDKafka",
            pkgConfig: "rdkafka",
            providers: [.apt(["librdkafka-dev"])]
        ),
        // gzip for the sink's finished files (`--compress gzip`).
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(
            name: "Kafka",
            dependencies: [
                "CRDKafka",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "ArticleCore",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto")
            ],
            // The records' JSON Schemas, published for downstream consumers; tests validate
            // real output against them.
            exclude: ["Schemas"],
            resources: [
                // The lexicons, every file of the folder, compiled into the module rather than
                // shipped as a resource bundle: nothing to copy next to the binaries, nothing to
                // go missing at run time. A new file is picked up without touching this manifest.
                .embedInCode("Enrichment/Lexicons/Data"),
                // The WHATWG named character references (scripts/generate-html-entities.py).
                .embedInCode("HTML/html5-named-character-references.txt"),
            ]
        ),
        .target(
            name: "WorkerRuntime",
            dependencies: [
                "Kafka",
                "ArticleCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "FlyingFox", package: "FlyingFox"),
            ]
        ),
        .target(
            name: "Pipeline",
            dependencies: [
                "CZlib",
                "Kafka",
                "ArticleCore",
                "WorkerRuntime",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Metrics", package: "swift-metrics"),
            ]
        ),
        .executableTarget(name: "news-producer", dependencies: ["Pipeline", "WorkerRuntime"]),
        .executableTarget(name: "news-enricher", dependencies: ["Pipeline", "WorkerRuntime", "ArticleCore"]),
        .executableTarget(name: "news-sink", dependencies: ["Pipeline", "WorkerRuntime"]),
        // What only newsctl needs (the local all-in-one run, its embedded broker and child
        // processes, dead-letter replay, parse): kept out of the workers' binaries.
        .target(
            name: "NewsctlKit",
            dependencies: [
                "Kafka",
                "ArticleCore",
                "Pipeline",
                "WorkerRuntime",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(name: "newsctl", dependencies: ["NewsctlKit", "Pipeline", "WorkerRuntime", "ArticleCore"]),
        // Counts news-bench's heap allocations by defining malloc in its executable; no other
        // target may depend on it.
        .target(name: "CAllocationCounter"),
        .executableTarget(
            name: "news-bench",
            dependencies: [
                "ArticleCore", "CAllocationCounter", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ArticleCoreTests", dependencies: ["ArticleCore"]),
        .testTarget(name: "KafkaTests", dependencies: ["Kafka"]),
        .testTarget(name: "WorkerRuntimeTests", dependencies: ["WorkerRuntime", "Kafka"]),
        .testTarget(
            name: "PipelineIntegrationTests",
            dependencies: [
                "Pipeline", "NewsctlKit", "Kafka", "ArticleCore", "WorkerRuntime",
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
