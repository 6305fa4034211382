import Tracking
import TrackingUI

/// An experiment "vision" with three runs (alpha, beta, gamma) and an empty one, all values by hand.
struct SeededStore {
    let store = InMemoryRunStore(now: { 1_700_000_500_000 })
    var experimentId = ""
    var emptyExperimentId = ""
    var alpha = "", beta = "", gamma = ""

    static let start: Int64 = 1_700_000_000_000

    static func make() async throws -> SeededStore {
        var seeded = SeededStore()
        let store = seeded.store
        seeded.experimentId = try await store.createExperiment(name: "vision")
        seeded.emptyExperimentId = try await store.createExperiment(name: "empty")
        func run(_ name: String, at offset: Int64, tags: [RunTag] = []) async throws -> String {
            try await store.createRun(
                CreateRunRequest(experimentId: seeded.experimentId, userId: "ana", runName: name, startTime: start + offset, tags: tags)
            ).info.runId
        }
        seeded.alpha = try await run("alpha", at: 0, tags: [
            RunTag(key: "mlflow.user", value: "ana"),
            RunTag(key: "mlflow.source.name", value: "notebooks/train.ipynb"),
            RunTag(key: "mlflow.source.git.commit", value: "abcdef1234567890"),
            RunTag(key: "team", value: "cv"),
            RunTag(key: "mlflow.note.content", value: "# Result\nLoss **fell**. <script>alert(1)</script>"),
        ])
        seeded.beta = try await run("beta", at: 60_000)
        seeded.gamma = try await run("gamma", at: 120_000, tags: [RunTag(key: "mlflow.parentRunId", value: seeded.alpha)])
        func log(_ id: String, lr: String, optimizer: String, loss: [Double], acc: Double) async throws {
            let metrics = loss.enumerated().map { Metric(key: "loss", value: $1, timestamp: start + Int64($0) * 1000, step: Int64($0)) }
                + [Metric(key: "acc", value: acc, timestamp: start, step: 0)]
            let params = [Param(key: "lr", value: lr), Param(key: "optimizer", value: optimizer), Param(key: "epochs", value: "10")]
            try await store.logBatch(runId: id, metrics: metrics, params: params, tags: [])
        }
        try await log(seeded.alpha, lr: "0.1", optimizer: "adam", loss: [1.0, 0.5, 0.25], acc: 0.8)
        try await log(seeded.beta, lr: "0.01", optimizer: "adam", loss: [0.9, 0.4], acc: 0.9)
        try await log(seeded.gamma, lr: "0.001", optimizer: "sgd", loss: [0.8], acc: 0.7)
        _ = try await store.updateRun(id: seeded.alpha, status: .finished, endTime: start + 3_723_000, runName: nil)
        _ = try await store.updateRun(id: seeded.beta, status: .failed, endTime: start + 60_000 + 3_400, runName: nil)
        return seeded
    }
}

/// Artifacts in memory, keyed by path relative to the root; refuses `..` like the server.
struct FakeArtifacts: ArtifactBrowsing {
    var files: [String: [UInt8]]

    struct Unsafe: Error, CustomStringConvertible { var description: String }

    func entries(in path: String) throws -> [ArtifactEntry]? {
        if path.split(separator: "/").contains("..") { throw Unsafe(description: "Invalid artifact path '\(path)'") }
        let prefix = path + "/"
        let inside = files.keys.filter { $0.hasPrefix(prefix) }
        guard !inside.isEmpty else { return nil }
        var entries: [String: ArtifactEntry] = [:]
        for key in inside {
            let rest = key.dropFirst(prefix.count)
            let parts = rest.split(separator: "/")
            let name = String(parts[0])
            entries[name] = parts.count > 1
                ? ArtifactEntry(name: name, isDirectory: true, size: nil)
                : ArtifactEntry(name: name, isDirectory: false, size: Int64(files[key]?.count ?? 0))
        }
        return entries.values.sorted { $0.name < $1.name }
    }

    func contents(of path: String, limit: Int) throws -> (bytes: [UInt8], size: Int64)? {
        if path.split(separator: "/").contains("..") { throw Unsafe(description: "Invalid artifact path '\(path)'") }
        guard let bytes = files[path] else { return nil }
        return (Array(bytes.prefix(limit)), Int64(bytes.count))
    }
}

/// Small readers of rendered HTML.
enum HTML {
    /// The values of `attribute="…"` in document order, for tags starting with `prefix`.
    static func values(of attribute: String, after prefix: String, in html: String) -> [String] {
        var found: [String] = []
        var rest = html[...]
        while let range = rest.firstRange(of: prefix) {
            rest = rest[range.upperBound...]
            guard let tagEnd = rest.firstIndex(of: ">") else { break }
            let tag = rest[..<tagEnd]
            if let attributeStart = tag.firstRange(of: attribute + "=\"") {
                let valueStart = attributeStart.upperBound
                if let valueEnd = tag[valueStart...].firstIndex(of: "\"") { found.append(String(tag[valueStart..<valueEnd])) }
            }
        }
        return found
    }

    static func count(_ needle: String, in html: String) -> Int {
        html.ranges(of: needle).count
    }

    /// The text of the first element opened by `opening` (up to the next `<`).
    static func text(after opening: String, in html: String) -> String? {
        guard let range = html.firstRange(of: opening) else { return nil }
        let rest = html[range.upperBound...]
        return String(rest.prefix { $0 != "<" })
    }
}
