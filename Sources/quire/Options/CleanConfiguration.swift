import NotebookFormat
import QuireConfig

/// Clean settings from the `[clean]` table of `quire.toml` or `[tool.quire.clean]` in
/// `pyproject.toml`. Keys are the flag names (`keep-output`, `extra-keys`, ...); underscores work too.
enum CleanConfiguration {
    static let knownKeys = [
        "keep-output", "keep-count", "extra-keys", "keep-metadata-keys", "drop-empty-cells",
        "drop-tagged-cells", "strip-init-cells", "keep-output-type", "drop-output-type", "max-size",
    ]

    /// The options for `quire clean`: defaults, then the settings file.
    static func load() throws -> CleanOptions {
        guard let file = try ConfigurationFile.find(), let table = file.table["clean"]?.tableValue else {
            return CleanOptions()
        }
        return try options(from: table, file: file.path)
    }

    /// The options the git filter uses. A broken settings file must not block a commit, so it
    /// is reported and the defaults are used.
    static func forGitFilter() -> CleanOptions {
        do {
            return try load()
        } catch {
            Console.error("quire: warning: \(error); cleaning with the default settings")
            return CleanOptions()
        }
    }

    static func options(from table: TOMLTable, file: String) throws -> CleanOptions {
        var options = CleanOptions()
        for key in table.keys {
            guard let value = table[key] else { continue }
            let reader = SettingReader(source: "\(file):\(table.lines[key] ?? 0)", key: key, value: value)
            try apply(reader, to: &options, appending: false)
        }
        return options
    }

    /// Sets one clean setting by its flag name (underscores work too). Lists replace what was
    /// there, or are appended to it when `appending` (flags add to a settings file's lists).
    static func apply(_ reader: SettingReader, to options: inout CleanOptions, appending: Bool) throws {
        func list(_ current: [String]) throws -> [String] {
            appending ? current + (try reader.words()) : try reader.words()
        }
        switch reader.key.replacingUnderscores() {
        case "keep-output": options.keepOutput = try reader.bool()
        case "keep-count": options.keepCount = try reader.bool()
        case "extra-keys": options.extraKeys = try list(options.extraKeys)
        case "keep-metadata-keys": options.keepMetadataKeys = try list(options.keepMetadataKeys)
        case "drop-empty-cells": options.dropEmptyCells = try reader.bool()
        case "drop-tagged-cells": options.dropTaggedCells = try list(options.dropTaggedCells)
        case "strip-init-cells": options.stripInitCells = try reader.bool()
        case "keep-output-type": options.keepOutputTypes = try list(options.keepOutputTypes)
        case "drop-output-type": options.dropOutputTypes = try list(options.dropOutputTypes)
        case "max-size": options.maxSize = try reader.size()
        default:
            throw ConfigurationError(
                "\(reader.source): unknown setting '\(reader.key)' in the clean table; known: \(knownKeys.joined(separator: ", "))")
        }
    }

    /// Whether a flag name is a clean setting that takes no value.
    static func isSwitch(_ key: String) -> Bool {
        ["keep-output", "keep-count", "drop-empty-cells", "strip-init-cells"].contains(key)
    }
}

/// Reads one setting, with an error that names the file, line and expected type.
struct SettingReader {
    /// Where the setting comes from: `file:line`, or `command line`.
    var source: String
    var key: String
    var value: TOMLValue

    func fail(_ expected: String) -> ConfigurationError {
        ConfigurationError("\(source): '\(key)' must be \(expected), not \(value.typeName)")
    }

    func bool() throws -> Bool {
        guard case .bool(let b) = value else { throw fail("true or false") }
        return b
    }

    /// A list of strings, or one string of space-separated words (nbstripout's git config style).
    func words() throws -> [String] {
        switch value {
        case .string(let s): return CleanFlags.words(s)
        case .array(let items):
            return try items.map { item in
                guard case .string(let s) = item else { throw fail("a list of strings") }
                return s
            }
        default: throw fail("a list of strings")
        }
    }

    func size() throws -> Int {
        switch value {
        case .integer(let n) where n >= 0: return n
        case .string(let s):
            guard let n = SizeParser.parse(s) else { throw fail("a size such as 500, \"10k\" or \"1M\"") }
            return n
        default: throw fail("a size such as 500, \"10k\" or \"1M\"")
        }
    }
}

extension String {
    func replacingUnderscores() -> String {
        String(map { $0 == "_" ? "-" : $0 })
    }
}
