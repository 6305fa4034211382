#if canImport(Glibc)
import Glibc
#endif

/// The notebooks below a folder, in byte order of their paths: hidden folders (.git,
/// .ipynb_checkpoints, .venv...), `__pycache__`, `node_modules` and symbolic links to folders
/// are skipped.
enum NotebookWalk {
    static func notebooks(below folder: String) -> [String] {
        var found: [String] = []
        walk(folder, into: &found)
        return found.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    private static func walk(_ folder: String, into found: inout [String]) {
        guard let directory = opendir(folder) else { return }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if !name.hasPrefix("."), name != "__pycache__", name != "node_modules" { names.append(name) }
        }
        closedir(directory)
        for name in names {
            let path = folder + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                walk(path, into: &found)
            } else if (info.st_mode & S_IFMT) == S_IFREG, name.hasSuffix(".ipynb") {
                found.append(path)
            }
        }
    }
}
