/// Where `git config` reads and writes.
public enum GitConfigScope: String, Sendable {
    /// The repository's `.git/config`.
    case local
    /// The user's `~/.gitconfig` (or `$XDG_CONFIG_HOME/git/config`).
    case global

    var flag: String { "--" + rawValue }
}

/// `git config` in one scope, or the effective value over all scopes when `scope` is nil.
public struct GitConfig: Sendable {
    public var git: Git
    public var scope: GitConfigScope?

    public init(git: Git = Git(), scope: GitConfigScope?) {
        self.git = git
        self.scope = scope
    }

    private var scopeFlags: [String] { scope.map { [$0.flag] } ?? [] }

    /// Every value of a key (empty when it is not set).
    public func values(_ key: String) throws(GitError) -> [String] {
        let result = try git.run(["config"] + scopeFlags + ["--null", "--get-all", key])
        if result.status == 1 { return [] }
        guard result.status == 0 else { throw failure(result, "read \(key)") }
        return Self.nulSeparated(result.standardOutput)
    }

    /// The effective values of a key, each with the scope it comes from (`local`, `global`...).
    public func valuesWithScope(_ key: String) throws(GitError) -> [(scope: String, value: String)] {
        let result = try git.run(["config", "--show-scope", "--null", "--get-all", key])
        if result.status == 1 { return [] }
        guard result.status == 0 else { throw failure(result, "read \(key)") }
        let fields = Self.nulSeparated(result.standardOutput)
        return stride(from: 0, to: fields.count - 1, by: 2).map { (fields[$0], fields[$0 + 1]) }
    }

    /// A path-valued key with `~` expanded, or nil.
    public func path(_ key: String) throws(GitError) -> String? {
        let result = try git.run(["config"] + scopeFlags + ["--null", "--path", "--get", key])
        if result.status == 1 { return nil }
        guard result.status == 0 else { throw failure(result, "read \(key)") }
        return Self.nulSeparated(result.standardOutput).last
    }

    /// Makes `values` the key's only values.
    public func set(_ key: String, to values: [String]) throws(GitError) {
        if values.count == 1 {
            try change(["--replace-all", key, values[0]], "set \(key)")
            return
        }
        try unset(key)
        for value in values { try change(["--add", key, value], "set \(key)") }
    }

    /// Removes every value of the key (nothing happens when it is not set).
    public func unset(_ key: String) throws(GitError) {
        let result = try git.run(["config"] + scopeFlags + ["--unset-all", key])
        guard result.status == 0 || result.status == 5 else { throw failure(result, "unset \(key)") }
    }

    /// True when the section (`filter.quire`, `quire`) holds at least one key in this scope.
    public func hasKeys(inSection section: String) throws(GitError) -> Bool {
        let pattern = "^" + section.replacing(".", with: "\\.") + "\\.[^.]+$"
        let result = try git.run(["config"] + scopeFlags + ["--name-only", "--get-regexp", pattern])
        if result.status == 1 { return false }
        guard result.status == 0 else { throw failure(result, "read section \(section)") }
        return !result.standardOutput.isEmpty
    }

    /// Removes a section's headers; does nothing when the section is already gone.
    public func removeSection(_ section: String) throws(GitError) {
        _ = try git.run(["config"] + scopeFlags + ["--remove-section", section])
    }

    private func change(_ arguments: [String], _ what: String) throws(GitError) {
        let result = try git.run(["config"] + scopeFlags + arguments)
        guard result.status == 0 else { throw failure(result, what) }
    }

    private func failure(_ result: ProcessOutput, _ what: String) -> GitError {
        let detail = result.errorText.trimmingTrailingNewlines()
        let place = scope.map { " in the \($0.rawValue) git config" } ?? ""
        return GitError(.commandFailed, "cannot \(what)\(place)" + (detail.isEmpty ? "" : ": \(detail)"))
    }

    static func nulSeparated(_ bytes: [UInt8]) -> [String] {
        var fields = bytes.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        if fields.last == "" { fields.removeLast() }
        return fields
    }
}
