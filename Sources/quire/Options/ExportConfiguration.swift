import NotebookFormat
import NotebookText
import QuireConfig

/// Where `quire export` puts modules: the project root and the library folder.
///
/// The library folder is `lib-path` in the `[export]` table of `quire.toml` (or
/// `[tool.quire.export]` in pyproject.toml), else nbdev's `[tool.nbdev] lib_path` (or the
/// project name nbdev would use), else the folder of each notebook. The root is the folder of
/// that settings file, else the top of the git work tree, else the working directory.
struct ExportConfiguration {
    var root: String
    /// A project path, or nil for each notebook's own folder.
    var library: String?

    static let knownKeys = ["lib-path"]

    static func load(from directory: String) throws -> ExportConfiguration {
        let quire = try ConfigurationFile.find(from: directory)
        let nbdev = try nbdevTable(from: directory)
        let root = quire.map { ConfigurationFile.parent(of: $0.path) } ?? nbdev?.folder ?? gitTopLevel(from: directory) ?? directory
        if let quire, let table = quire.table["export"]?.tableValue {
            for key in table.keys where !knownKeys.contains(key.replacingUnderscores()) {
                throw ConfigurationError("\(quire.path):\(table.lines[key] ?? 0): unknown setting '\(key)' in the export table; known: \(knownKeys.joined(separator: ", "))")
            }
            if let key = table.keys.first(where: { $0.replacingUnderscores() == "lib-path" }) {
                guard case .string(let value)? = table[key] else {
                    throw ConfigurationError("\(quire.path):\(table.lines[key] ?? 0): '\(key)' must be a string (a folder such as \"mylib\")")
                }
                return try ExportConfiguration(root: root, library: library(value, from: ConfigurationFile.parent(of: quire.path), root: root, source: quire.path))
            }
        }
        if let nbdev, nbdev.folder == root || nbdev.folder.hasPrefix(root + "/") {
            return try ExportConfiguration(root: root, library: library(nbdev.libPath, from: nbdev.folder, root: root, source: nbdev.path))
        }
        return ExportConfiguration(root: root, library: nil)
    }

    /// A folder named in a settings file (relative to the file) as a project path.
    static func library(_ value: String, from folder: String, root: String, source: String) throws -> String {
        let base = folder == root ? "" : String(folder.dropFirst(root.count + 1))
        guard let path = ExportPaths.resolve(value, in: base) else {
            throw ConfigurationError("\(source): the library folder '\(value)' is outside the project \(root); use a folder inside it")
        }
        return path
    }

    /// nbdev's settings: the nearest pyproject.toml with a `[tool.nbdev]` table, up to the git root.
    static func nbdevTable(from directory: String) throws -> (path: String, folder: String, libPath: String)? {
        var folder = directory
        while true {
            let path = folder + "/pyproject.toml"
            if FileIO.exists(path), let bytes = try? FileIO.read(path) {
                let document: TOMLTable
                do { document = try TOMLParser.parse(String(decoding: bytes, as: UTF8.self)) } catch {
                    throw ConfigurationError("\(path):\(error.line): \(error.message)")
                }
                if let nbdev = document.table(at: ["tool", "nbdev"]) {
                    let name = document.table(at: ["project"])?["name"].flatMap { value -> String? in
                        if case .string(let s) = value { return s.replacingOccurrences("-", with: "_") }
                        return nil
                    }
                    var libPath = name ?? ""
                    if case .string(let s)? = nbdev["lib_path"] { libPath = s }
                    return (path, folder, libPath)
                }
            }
            if FileIO.exists(folder + "/.git") || folder == "/" || folder.isEmpty { return nil }
            folder = ConfigurationFile.parent(of: folder)
        }
    }

    /// The nearest folder upward holding `.git` (a folder, or a file in a linked work tree).
    static func gitTopLevel(from directory: String) -> String? {
        var folder = directory
        while !folder.isEmpty {
            if FileIO.exists(folder + "/.git") { return folder }
            if folder == "/" { return nil }
            folder = ConfigurationFile.parent(of: folder)
        }
        return nil
    }
}

extension String {
    func replacingOccurrences(_ target: Character, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
