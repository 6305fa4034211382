#if canImport(Glibc)
import Glibc
#endif
import QuireConfig

/// `quire test`'s settings: `exclude`, a list of glob patterns in the `[test]` table of
/// quire.toml (`[tool.quire.test]` in pyproject.toml), matched against notebook paths relative
/// to the settings file's folder (`*` also crosses `/`; a pattern also excludes what lies below
/// a folder it names).
struct TestConfiguration {
    var root: String
    var exclude: [String] = []

    static let knownKeys = ["exclude"]

    static func load(from directory: String) throws -> TestConfiguration {
        guard let file = try ConfigurationFile.find(from: directory) else { return TestConfiguration(root: directory) }
        var configuration = TestConfiguration(root: ConfigurationFile.parent(of: file.path))
        guard let table = file.table["test"]?.tableValue else { return configuration }
        for key in table.keys where !knownKeys.contains(key) {
            throw ConfigurationError("\(file.path):\(table.lines[key] ?? 0): unknown setting '\(key)' in the test table; known: exclude")
        }
        if let value = table["exclude"] {
            guard case .array(let items) = value else {
                throw ConfigurationError("\(file.path):\(table.lines["exclude"] ?? 0): 'exclude' must be a list of glob patterns")
            }
            for item in items {
                guard case .string(let pattern) = item else {
                    throw ConfigurationError("\(file.path):\(table.lines["exclude"] ?? 0): 'exclude' must be a list of strings")
                }
                configuration.exclude.append(pattern.hasSuffix("/") ? String(pattern.dropLast()) : pattern)
            }
        }
        return configuration
    }

    /// True when `path` (relative to `workingDirectory`, or absolute) matches an exclude pattern.
    func excludes(_ path: String, workingDirectory: String) -> Bool {
        guard !exclude.isEmpty else { return false }
        let absolute = path.hasPrefix("/") ? path : workingDirectory + "/" + path
        let normalized = PathNames.normalized(absolute)
        guard normalized.hasPrefix(root + "/") else { return false }
        let relative = String(normalized.dropFirst(root.count + 1))
        return exclude.contains { fnmatch($0, relative, 0) == 0 || fnmatch($0 + "/*", relative, 0) == 0 }
    }
}
