import NotebookFormat
import NotebookText
import QuireConfig

/// The pairing that applies to notebooks without one in their metadata: `formats` in `[pair]`
/// of `quire.toml` (or `[tool.quire.pair]` of pyproject.toml), else jupytext's own configuration,
/// so that teams already on jupytext keep their settings. Searched upward from the notebook's
/// folder, stopping at the git work tree's root, as jupytext does (`config.py`).
struct PairingConfiguration {
    /// The file the formats came from.
    var path: String
    /// Each group of paired formats; the first that fits a notebook's path applies.
    var pairings: [Pairing]

    /// The pairing for `path` (a notebook or a paired script), if one of the groups fits it.
    func pairing(for path: String) -> Pairing? {
        pairings.first { $0.files(for: path) != nil }
    }

    /// jupytext's configuration file names, in the order it looks for them.
    static let jupytextFiles = [
        "jupytext", "jupytext.toml", "jupytext.yml", "jupytext.yaml", "jupytext.json",
        ".jupytext", ".jupytext.toml", ".jupytext.yml", ".jupytext.yaml", ".jupytext.json",
    ]

    /// The nearest configuration with `formats` above `directory` (absolute), or nil.
    static func find(from directory: String) throws -> PairingConfiguration? {
        var folder = directory
        while true {
            if let found = try inFolder(folder) { return found }
            if FileIO.exists(folder + "/.git") || folder == "/" || folder.isEmpty { return nil }
            folder = ConfigurationFile.parent(of: folder)
        }
    }

    static func inFolder(_ folder: String) throws -> PairingConfiguration? {
        if let table = try toml(folder + "/quire.toml"), let found = try fromTOML(table.table(at: ["pair"]), folder + "/quire.toml") {
            return found
        }
        let pyproject = folder + "/pyproject.toml"
        if let table = try toml(pyproject) {
            if let found = try fromTOML(table.table(at: ["tool", "quire", "pair"]), pyproject) { return found }
        }
        for name in jupytextFiles {
            let path = folder + "/" + name
            guard FileIO.exists(path), !FileIO.isDirectory(path) else { continue }
            if name.hasSuffix(".json") || name.hasSuffix(".yml") || name.hasSuffix(".yaml") {
                return try fromJSON(document(path), path)
            }
            return try fromTOML(toml(path), path) ?? PairingConfiguration(path: path, pairings: [])
        }
        if let table = try toml(pyproject), let found = try fromTOML(table.table(at: ["tool", "jupytext"]), pyproject) {
            return found
        }
        return nil
    }

    private static func toml(_ path: String) throws -> TOMLTable? {
        guard FileIO.exists(path), let bytes = try? FileIO.read(path) else { return nil }
        do {
            return try TOMLParser.parse(String(decoding: bytes, as: UTF8.self))
        } catch {
            throw ConfigurationError("\(path):\(error.line): \(error.message)")
        }
    }

    /// A JSON or YAML file's document.
    private static func document(_ path: String) throws -> JSONValue {
        let text = String(decoding: try FileIO.read(path), as: UTF8.self)
        if path.hasSuffix(".json") {
            do { return try JSONParser.parse(text) } catch { throw ConfigurationError("\(path): \(error)") }
        }
        do { return try YAMLReader.value(of: text) } catch { throw ConfigurationError("\(path): \(error)") }
    }

    private static func fromTOML(_ table: TOMLTable?, _ path: String) throws -> PairingConfiguration? {
        guard let value = table?["formats"] else { return nil }
        return try make(groups(value.jsonValue, path: path), path)
    }

    private static func fromJSON(_ document: JSONValue, _ path: String) throws -> PairingConfiguration? {
        guard let value = document.objectValue?["formats"] else { return PairingConfiguration(path: path, pairings: []) }
        return try make(groups(value, path: path), path)
    }

    private static func make(_ groups: [String], _ path: String) throws -> PairingConfiguration {
        var pairings: [Pairing] = []
        for group in groups {
            do { pairings.append(try Pairing(parsing: group)) } catch { throw ConfigurationError("\(path): formats: \(error)") }
        }
        return PairingConfiguration(path: path, pairings: pairings)
    }

    /// `formats` as groups of comma-separated formats (jupytext's `normalize_formats`): a string
    /// (groups separated by `;`), a folder map `{"notebooks/" = "ipynb", "scripts/" = "py:percent"}`,
    /// or a list of either.
    static func groups(_ value: JSONValue, path: String) throws -> [String] {
        switch value {
        case .string(let text):
            return text.split(separator: ";").map(String.init)
        case .object(let map):
            var formats: [String] = []
            for entry in map {
                let prefix = entry.key, format = entry.value
                guard let format = format.stringValue else { throw ConfigurationError("\(path): formats: '\(prefix)' must map to a format string") }
                formats.append(prefix.isEmpty ? format : (prefix.hasSuffix("/") ? String(prefix.dropLast()) : prefix) + "///" + format)
            }
            return [formats.joined(separator: ",")]
        case .array(let items):
            return try items.flatMap { try groups($0, path: path) }
        default:
            throw ConfigurationError("\(path): formats must be a string like \"ipynb,py:percent\", a folder map or a list")
        }
    }
}

extension TOMLValue {
    /// The same value as JSON, so one reader serves TOML, JSON and YAML settings.
    var jsonValue: JSONValue {
        switch self {
        case .string(let s), .dateTime(let s): return .string(s)
        case .integer(let i): return .int(i)
        case .float(let d): return .string(String(d))
        case .bool(let b): return .bool(b)
        case .array(let items): return .array(items.map(\.jsonValue))
        case .table(let table):
            var object = JSONObject()
            for key in table.keys { object[key] = table[key]?.jsonValue }
            return .object(object)
        }
    }
}
