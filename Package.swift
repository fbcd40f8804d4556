// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Broadsheet",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "broadsheet", targets: ["broadsheet"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"6.0.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/adam-fowler/compress-nio.git", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    ],
    targets: [
        // The domain: models, use cases and the ports they need. Foundation only.
        .target(name: "BroadsheetCore"),
        // Markdown to HTML for story bodies (rendered once, when a story is saved).
        .target(
            name: "BroadsheetMarkdown",
            dependencies: ["BroadsheetCore"]
        ),
        // Feed rendering now; feed parsing (one folder per format) later.
        .target(name: "BroadsheetFeeds", dependencies: ["BroadsheetCore"]),
        // The allow-list HTML sanitizer for imported stories, with its own HTML tokenizer.
        .target(name: "BroadsheetSanitizer", dependencies: ["BroadsheetCore"]),
        // Process-wide SQLite settings that need C (sqlite3_config is variadic).
        .target(name: "CSQLiteTuning", linkerSettings: [.linkedLibrary("sqlite3")]),
        // Storage behind Core's ports: SQLite via GRDB.
        .target(
            name: "BroadsheetStore",
            dependencies: [
                "BroadsheetCore", "CSQLiteTuning",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Fetching partner feeds: AsyncHTTPClient with timeouts, limits and refusal of private addresses.
        .target(
            name: "BroadsheetFetch",
            dependencies: [
                "BroadsheetCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOHTTPCompression", package: "swift-nio-extras"),
            ]
        ),
        // Generated demo publication and benchmark corpora.
        .target(name: "BroadsheetDemo", dependencies: ["BroadsheetCore"]),
        // The web application: routes, controllers, templates.
        .target(
            name: "BroadsheetWeb",
            dependencies: [
                "BroadsheetCore", "BroadsheetFeeds",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            ],
            resources: [.copy("Resources")]
        ),
        .executableTarget(
            name: "broadsheet",
            dependencies: [
                "BroadsheetCore", "BroadsheetMarkdown", "BroadsheetStore", "BroadsheetDemo", "BroadsheetWeb", "BroadsheetSanitizer",
                "BroadsheetFeeds", "BroadsheetFetch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Benchmark: latency of the search call on a seeded database (bench/search.sh).
        .executableTarget(name: "search-bench", dependencies: ["BroadsheetCore", "BroadsheetStore"]),
        // Benchmark: what a reader's page costs in the store, without HTTP (bench/reads.sh).
        .executableTarget(name: "read-bench", dependencies: ["BroadsheetCore", "BroadsheetStore"]),
        // Benchmark: sanitizer throughput on large generated pages (bench/sanitize.sh).
        .executableTarget(name: "sanitize-bench", dependencies: ["BroadsheetSanitizer"]),
        .testTarget(
            name: "BroadsheetTests",
            dependencies: [
                "BroadsheetCore", "BroadsheetMarkdown", "BroadsheetFeeds", "BroadsheetStore", "BroadsheetDemo", "BroadsheetWeb",
                "BroadsheetSanitizer", "BroadsheetFetch",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
    ]
)
