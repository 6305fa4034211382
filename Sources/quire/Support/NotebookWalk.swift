#if canImport(Glibc)
import Glibc
#endif

/// The notebooks below a folder, in path order: hidden folders (.git, .ipynb_checkpoints,
/// .venv...) and symbolic links to folders are skipped.
enum NotebookWalk {
    static func notebooks(below folder: String) -> [String] {
        var found: [String] = []
        walk(folder, into: &found)
        return found
    }

    private static func walk(_ folder: String, into found: inout [String]) {
        guard let directory = opendir(folder) else { return }
        var names: [(String, Bool)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard !name.hasPrefix(".") else { continue }
            var info = stat()
            let path = folder + "/" + name
            guard lstat(path, &info) == 0 else { continue }
            let isFolder = (info.st_mode & S_IFMT) == S_IFDIR
            if isFolder || name.hasSuffix(".ipynb") { names.append((name, isFolder)) }
        }
        closedir(directory)
        for (name, isFolder) in names.sorted(by: { $0.0 < $1.0 }) {
            if isFolder { walk(folder + "/" + name, into: &found) } else { found.append(folder + "/" + name) }
        }
    }
}
