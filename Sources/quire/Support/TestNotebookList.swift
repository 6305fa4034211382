import GitIntegration
import NotebookFormat

/// The notebooks `quire test` runs: files as given; for a folder (default: the working
/// directory) what git lists below it (tracked and untracked, not ignored), or outside git a
/// walk that skips hidden folders and .ipynb_checkpoints.
enum TestNotebookList {
    /// Notebooks found in folders are dropped when `isExcluded` says so; files named are kept.
    static func notebooks(_ arguments: [String], isExcluded: (String) -> Bool = { _ in false }) throws(NotebookError) -> [String] {
        var found: [String] = []
        for argument in arguments.isEmpty ? ["."] : arguments {
            if FileIO.isDirectory(argument) {
                let below = gitNotebooks(below: argument) ?? NotebookWalk.notebooks(below: argument).map { clean($0) }
                found += below.filter { !isExcluded($0) }
            } else if FileIO.exists(argument) {
                found.append(argument)
            } else {
                throw NotebookError(.missingFile, "no such file or folder", file: argument)
            }
        }
        var seen = Set<String>()
        return found.filter { seen.insert($0).inserted }
    }

    private static func gitNotebooks(below folder: String) -> [String]? {
        guard let result = try? Git().run(["-C", folder, "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", "*.ipynb"]),
              result.status == 0
        else { return nil }
        let paths = result.standardOutput.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        return paths.filter { NotebookFinder.isVisible($0) && !$0.contains(".ipynb_checkpoints") }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            .map { clean(folder == "." ? $0 : folder + "/" + $0) }
            .filter { FileIO.exists($0) }
    }

    private static func clean(_ path: String) -> String {
        path.hasPrefix("./") ? String(path.dropFirst(2)) : path
    }
}
