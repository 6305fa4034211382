#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import NotebookFormat

/// Finds kernelspecs where Jupyter looks (the data section of `jupyter --paths`), in priority
/// order: `$JUPYTER_PATH`, the user folder, the active environment (`$VIRTUAL_ENV`,
/// `$CONDA_PREFIX`, else the prefix of the first `python3` on PATH, standing in for Jupyter's
/// `sys.prefix`), the system folders. The first folder that has a name wins; names compare
/// case-insensitively.
public struct KernelSpecFinder: Sendable {
    public var environment: [String: String]

    public init(environment: [String: String] = KernelSpecFinder.processEnvironment()) {
        self.environment = environment
    }

    /// Jupyter's data folders, most important first, without duplicates.
    public var dataDirectories: [String] {
        var folders: [String] = []
        if let path = environment["JUPYTER_PATH"] {
            folders += path.split(separator: ":").map(String.init)
        }
        if let data = environment["JUPYTER_DATA_DIR"], !data.isEmpty {
            folders.append(data)
        } else if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            folders.append(xdg + "/jupyter")
        } else if let home = environment["HOME"] {
            folders.append(home + "/.local/share/jupyter")
        }
        for variable in ["VIRTUAL_ENV", "CONDA_PREFIX"] {
            if let prefix = environment[variable], !prefix.isEmpty { folders.append(prefix + "/share/jupyter") }
        }
        if let prefix = pythonPrefix { folders.append(prefix + "/share/jupyter") }
        folders += ["/usr/local/share/jupyter", "/usr/share/jupyter"]
        var seen = Set<String>()
        return folders.filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// `<prefix>` of the first `<prefix>/bin/python3` (or `python`) on PATH: where
    /// `pip install ipykernel` outside a venv puts the python3 kernelspec.
    var pythonPrefix: String? {
        for folder in (environment["PATH"] ?? "").split(separator: ":") where folder.hasSuffix("/bin") {
            if FileIO.exists(folder + "/python3") || FileIO.exists(folder + "/python") {
                return String(folder.dropLast(4))
            }
        }
        return nil
    }

    /// Every kernelspec found, sorted by name; broken kernel.json files are skipped.
    public func all() -> [KernelSpec] {
        var found: [String: KernelSpec] = [:]
        for folder in dataDirectories {
            for name in Self.subfolders(of: folder + "/kernels") where found[name.lowercased()] == nil {
                let directory = folder + "/kernels/" + name
                if let spec = try? KernelSpec.load(name: name.lowercased(), resourceDirectory: directory) {
                    found[name.lowercased()] = spec
                }
            }
        }
        return found.values.sorted { $0.name < $1.name }
    }

    /// The kernelspec called `name`; the error lists the ones available.
    public func find(_ name: String) throws(KernelError) -> KernelSpec {
        let specs = all()
        if let spec = specs.first(where: { $0.name == name.lowercased() }) { return spec }
        let available = specs.isEmpty
            ? "no kernelspecs were found in " + dataDirectories.map { $0 + "/kernels" }.joined(separator: ", ")
                + "; install one with: python -m ipykernel install --user"
            : "available: " + specs.map(\.name).joined(separator: ", ")
        throw KernelError(.noSuchKernel, "no kernel named '\(name)' (\(available))")
    }

    static func subfolders(of folder: String) -> [String] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if !name.hasPrefix("."), FileIO.exists(folder + "/" + name + "/kernel.json") { names.append(name) }
        }
        return names.sorted()
    }

    public static func processEnvironment() -> [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            pointer += 1
        }
        return result
    }
}
