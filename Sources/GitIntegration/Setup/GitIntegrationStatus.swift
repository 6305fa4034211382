/// What `quire git status` found: the effective git configuration for quire, the attributes
/// that apply to notebooks, and whether git can find `quire`.
public struct GitIntegrationStatus: Sendable {
    public struct ConfigItem: Sendable {
        public var key: String
        public var expected: String
        /// The effective values, each with the scope that sets it (`local`, `global`, ...).
        public var actual: [(scope: String, value: String)]

        public var isConfigured: Bool { actual.last?.value == expected }
    }

    public struct AttributesLocation: Sendable {
        public var file: String
        public var lines: [String]
    }

    /// The repository's top level; nil outside a repository.
    public var repository: String?
    public var config: [ConfigItem] = []
    /// `filter` and `diff` for a notebook as `git check-attr` reports them (in a repository).
    public var attributes: [String: String] = [:]
    /// Files that hold quire's attribute lines.
    public var attributeFiles: [AttributesLocation] = []
    /// Where `quire` is on PATH.
    public var quirePath: String?
    /// Scopes holding a record of `quire git install`.
    public var installedScopes: [String] = []

    public var attributesApply: Bool {
        if repository != nil {
            return GitSetup.attributes.allSatisfy { attributes[$0.key] == $0.value }
        }
        return Set(attributeFiles.flatMap(\.lines)) == Set(GitSetup.attributeLines)
    }

    public var isFullyInstalled: Bool {
        config.allSatisfy(\.isConfigured) && attributesApply && quirePath != nil
    }

    /// Reads the current setup as git sees it from the working directory.
    public static func read(git: Git = Git()) throws(GitError) -> GitIntegrationStatus {
        var status = GitIntegrationStatus()
        status.repository = try git.topLevel()
        let effective = GitConfig(git: git, scope: nil)
        for entry in GitSetup.configEntries {
            status.config.append(
                ConfigItem(key: entry.key, expected: entry.value, actual: try effective.valuesWithScope(entry.key)))
        }
        var candidates: [String] = []
        if let top = status.repository {
            status.attributes = try git.checkAttributes(Array(GitSetup.attributes.keys).sorted(), path: "quire-probe.ipynb")
            candidates.append(try git.gitPath("info/attributes"))
            candidates.append(top + "/.gitattributes")
        }
        candidates.append(try GitInstaller(scope: .global, git: git).defaultAttributesFile())
        for file in candidates {
            let attributes = try AttributesFile(path: file)
            let found = GitSetup.attributeLines.filter(attributes.contains)
            if !found.isEmpty { status.attributeFiles.append(AttributesLocation(file: file, lines: found)) }
        }
        status.quirePath = ProcessRunner.findOnPath("quire")
        for scope in [GitConfigScope.local, .global] where scope == .global || status.repository != nil {
            if try !GitConfig(git: git, scope: scope).values(GitSetup.recordKey).isEmpty {
                status.installedScopes.append(scope.rawValue)
            }
        }
        return status
    }
}
