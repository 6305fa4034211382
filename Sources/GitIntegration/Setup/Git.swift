/// Runs `git` and turns its failures into `GitError`s.
public struct Git: Sendable {
    public init() {}

    /// Runs git; a non-zero status is returned, not thrown.
    public func run(_ arguments: [String]) throws(GitError) -> ProcessOutput {
        do throws(SpawnError) {
            return try ProcessRunner.run(["git"] + arguments)
        } catch {
            if error.isNotFound {
                throw GitError(.gitMissing, "git is not installed or not on PATH; install git and try again")
            }
            throw GitError(.gitMissing, "cannot run git: \(error.reason)")
        }
    }

    /// Runs git and returns its stdout without the final newline; throws when it fails.
    @discardableResult
    public func output(_ arguments: [String]) throws(GitError) -> String {
        let result = try run(arguments)
        guard result.status == 0 else {
            let detail = result.errorText.trimmingTrailingNewlines()
            throw GitError(.commandFailed, "'git \(arguments.joined(separator: " "))' failed" + (detail.isEmpty ? "" : ": \(detail)"))
        }
        return result.outputText.trimmingTrailingNewlines()
    }

    /// The repository's top-level folder, or nil outside a work tree.
    public func topLevel() throws(GitError) -> String? {
        let result = try run(["rev-parse", "--show-toplevel"])
        guard result.status == 0 else { return nil }
        return result.outputText.trimmingTrailingNewlines()
    }

    /// True inside a repository (a work tree or a bare repository).
    public func isInsideRepository() throws(GitError) -> Bool {
        try run(["rev-parse", "--git-dir"]).status == 0
    }

    /// Throws a clear error when the working directory is not in a repository.
    public func requireRepository(for command: String) throws(GitError) {
        guard try isInsideRepository() else {
            throw GitError(
                .notARepository,
                "not inside a git repository; run 'quire git \(command)' in your repository, or use --global for every repository"
            )
        }
    }

    /// The absolute path of a file inside the git directory (`info/attributes`), shared by
    /// all work trees of the repository.
    public func gitPath(_ name: String) throws(GitError) -> String {
        let path = try output(["rev-parse", "--git-path", name])
        return FilePaths.absolute(path)
    }

    /// The values of attributes for a path, as git would apply them (`unspecified` when unset).
    public func checkAttributes(_ names: [String], path: String) throws(GitError) -> [String: String] {
        let text = try output(["check-attr"] + names + ["--", path])
        var values: [String: String] = [:]
        for line in text.split(separator: "\n") {
            // "<path>: <attribute>: <value>"; the path may itself hold ": ".
            let parts = String(line).components(separatedBy: ": ")
            guard parts.count >= 3 else { continue }
            values[parts[parts.count - 2]] = parts[parts.count - 1]
        }
        return values
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var text = Substring(self)
        while text.last == "\n" || text.last == "\r" { text = text.dropLast() }
        return String(text)
    }

    /// Splits on a multi-character separator (no Foundation).
    func components(separatedBy separator: String) -> [String] {
        var parts: [String] = []
        var rest = Substring(self)
        while let range = rest.firstRange(of: separator) {
            parts.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        parts.append(String(rest))
        return parts
    }
}
