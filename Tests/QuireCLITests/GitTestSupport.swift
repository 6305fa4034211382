import Foundation
import NotebookFormat
import Testing

/// A notebook with outputs, execution counts and volatile metadata, as Jupyter saves it.
enum GitFixtures {
    static let notebookWithOutputs = """
        {
         "cells": [
          {
           "cell_type": "code",
           "execution_count": 3,
           "id": "a1",
           "metadata": {"scrolled": true},
           "outputs": [
            {
             "name": "stdout",
             "output_type": "stream",
             "text": ["hello from the output\\n"]
            }
           ],
           "source": ["print('hello')"]
          }
         ],
         "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
         "nbformat": 4,
         "nbformat_minor": 5
        }

        """

    /// A notebook whose output is `outputSize` bytes of text and whose source is `sourceSize` bytes.
    static func largeNotebook(outputSize: Int, sourceSize: Int) -> String {
        let output = String(repeating: "o", count: outputSize)
        let source = String(repeating: "s", count: sourceSize)
        return """
            {"cells": [{"cell_type": "code", "execution_count": 1, "id": "big", "metadata": {},
              "outputs": [{"name": "stdout", "output_type": "stream", "text": ["\(output)"]}],
              "source": ["x = '\(source)'"]}],
             "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
            """
    }

    static func cleaned(_ text: String) throws -> [UInt8] {
        try NotebookCleaner.clean(Array(text.utf8), options: CleanOptions())
    }
}

/// Runs the built `quire` and `git` in a throwaway repository with its own HOME, so neither
/// the developer's git configuration nor a system one leaks in.
struct GitSandbox {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var stdoutBytes: [UInt8]
    }

    let root: String
    let home: String
    let repo: String
    let quireFolder: String

    init() throws {
        quireFolder = try Self.quireBinaryFolder()
        let template = FileManager.default.temporaryDirectory.appendingPathComponent("quire-git-XXXXXX").path
        var bytes = Array(template.utf8CString)
        let made = bytes.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        let created = try #require(made.map { String(cString: $0) })
        root = created
        home = root + "/home"
        repo = root + "/repo"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: repo, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: root)
    }

    /// `git init` with a committer identity.
    func initRepository() throws {
        try git("init", "-q")
        try git("config", "user.name", "Quire Test")
        try git("config", "user.email", "quire@example.com")
    }

    var environment: [String: String] {
        let inherited = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return [
            "PATH": quireFolder + ":" + inherited,
            "HOME": home,
            "GIT_CONFIG_NOSYSTEM": "1",
            "LANG": "C",
        ]
    }

    @discardableResult
    func run(
        _ arguments: [String], in directory: String? = nil, stdin: String? = nil, environment extra: [String: String] = [:]
    ) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory ?? repo)
        process.environment = environment.merging(extra) { $1 }
        let outPath = root + "/.stdout", errPath = root + "/.stderr"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        defer {
            try? out.close()
            try? err.close()
        }
        process.standardOutput = out
        process.standardError = err
        if let stdin {
            let inPath = root + "/.stdin"
            try Data(stdin.utf8).write(to: URL(fileURLWithPath: inPath))
            process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: inPath))
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        process.waitUntilExit()
        let stdoutData = try Data(contentsOf: URL(fileURLWithPath: outPath))
        let stderrData = try Data(contentsOf: URL(fileURLWithPath: errPath))
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: stdoutData, as: UTF8.self),
            stderr: String(decoding: stderrData, as: UTF8.self),
            stdoutBytes: Array(stdoutData))
    }

    /// Runs git and requires it to succeed.
    @discardableResult
    func git(_ arguments: String..., in directory: String? = nil) throws -> Result {
        let result = try run(["git"] + arguments, in: directory)
        #expect(result.status == 0, "git \(arguments.joined(separator: " ")) failed: \(result.stderr)")
        return result
    }

    @discardableResult
    func quire(_ arguments: String..., in directory: String? = nil, stdin: String? = nil) throws -> Result {
        try run([quireFolder + "/quire"] + arguments, in: directory, stdin: stdin)
    }

    func write(_ text: String, to relativePath: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: repo + "/" + relativePath))
    }

    func bytes(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map(Array.init)
    }

    /// The folder holding the `quire` built with the tests: beside the test bundle.
    static func quireBinaryFolder() throws -> String {
        var candidates: [String] = []
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        candidates.append(runner.deletingLastPathComponent().path)
        if let executable = Bundle.main.executablePath {
            candidates.append(URL(fileURLWithPath: executable).deletingLastPathComponent().path)
        }
        // `swift test` may run the bundle from inside itself (.xctest/Contents/MacOS on Darwin).
        candidates += candidates.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path }
        for folder in candidates where FileManager.default.isExecutableFile(atPath: folder + "/quire") {
            return folder
        }
        Issue.record("quire binary not found beside the tests in \(candidates)")
        throw CocoaError(.fileNoSuchFile)
    }
}
