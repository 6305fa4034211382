import Foundation
import Testing

/// The web UI in real headless Chromium: a live `quire serve` seeded through the official MLflow
/// client (`Fixtures/ui/seed.py`), then `Fixtures/ui/browser_checks.py` (selenium driving Debian's
/// chromium through chromedriver) loads each page as a user would, clicks and types, checks what
/// it shows against what the seed logged, and saves screenshots. Each failed check becomes one
/// issue with its message. `make test-deps` installs chromium, chromium-driver and selenium, so a
/// missing browser or selenium fails this test instead of skipping it.
@Suite struct UIBrowserTests {
    static let fixtures = QuireRunner.repositoryRoot + "/Tests/QuireCLITests/Fixtures/ui/"

    /// `$QUIRE_TEST_OUTPUT/ui` when set, else `.build/test-output/ui` in the repository.
    static let screenshots: String = {
        let root = ProcessInfo.processInfo.environment["QUIRE_TEST_OUTPUT"] ?? QuireRunner.repositoryRoot + "/.build/test-output"
        return root + "/ui"
    }()

    @Test func pagesInHeadlessChromium() throws {
        let python = try MLflowPython.requirePath()
        let folder = try QuireRunner.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let server = try ServeProcess(folder: folder)
        defer { _ = server.stop() }

        let ids = folder + "/ids.json"
        let seed = try MLflowPython.run(python, [Self.fixtures + "seed.py", ids], environment: [
            "MLFLOW_TRACKING_URI": server.url, "MLFLOW_HTTP_REQUEST_MAX_RETRIES": "0", "GIT_PYTHON_REFRESH": "quiet",
        ])
        try #require(seed.status == 0, "seeding through the MLflow client failed:\n\(seed.output)\n--- server log ---\n\(server.log.suffix(3000))")

        try? FileManager.default.removeItem(atPath: Self.screenshots)
        try FileManager.default.createDirectory(atPath: Self.screenshots, withIntermediateDirectories: true)
        print("UI browser tests: screenshots in \(Self.screenshots)")
        let checks = try MLflowPython.run(python, [Self.fixtures + "browser_checks.py", server.url, ids, Self.screenshots])
        let lines = checks.output.split(separator: "\n").map(String.init)
        let failures = lines.filter { $0.hasPrefix("FAIL ") }
        for failure in failures {
            Issue.record(Comment(rawValue: failure))
        }
        #expect(checks.status == 0 || !failures.isEmpty, "browser_checks.py exited \(checks.status):\n\(checks.output)")
        #expect(lines.contains { $0.hasPrefix("PASS ") } || !failures.isEmpty, "no check ran:\n\(checks.output)")
        #expect(!server.log.contains("status=500"), "a page answered 500:\n\(server.log.suffix(3000))")
    }
}
