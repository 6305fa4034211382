#if canImport(Glibc)
import Glibc
#endif
import NotebookFormat
import QuireConfig

/// The settings file that applies to the working directory: the nearest `quire.toml`, or the
/// nearest `pyproject.toml` with a `[tool.quire]` table, searching upward and stopping at the
/// root of the git repository.
struct ConfigurationFile {
    var path: String
    /// The `[tool.quire]` table of a pyproject.toml, or the whole quire.toml.
    var table: TOMLTable

    static func find(from directory: String = currentDirectory()) throws -> ConfigurationFile? {
        var folder = directory
        while true {
            if let file = try load(folder + "/quire.toml", section: []) { return file }
            if let file = try load(folder + "/pyproject.toml", section: ["tool", "quire"]) { return file }
            if FileIO.exists(folder + "/.git") || folder == "/" || folder.isEmpty { return nil }
            folder = parent(of: folder)
        }
    }

    private static func load(_ path: String, section: [String]) throws -> ConfigurationFile? {
        guard FileIO.exists(path), let bytes = try? FileIO.read(path) else { return nil }
        let document: TOMLTable
        do {
            document = try TOMLParser.parse(String(decoding: bytes, as: UTF8.self))
        } catch {
            throw ConfigurationError("\(path):\(error.line): \(error.message)")
        }
        guard let table = document.table(at: section) else { return nil }
        return ConfigurationFile(path: path, table: table)
    }

    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return "." }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// A settings file that cannot be used; the message names the file, the line and the fix.
struct ConfigurationError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
