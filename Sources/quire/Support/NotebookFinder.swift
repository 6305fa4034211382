import GitIntegration
import NotebookFormat
import NotebookText

/// The notebooks `quire export` reads: those named (a folder stands for the notebooks under it),
/// or every notebook of the project, as git lists them (tracked and untracked, not ignored) or,
/// outside git, by walking the folders. Hidden folders and `.ipynb_checkpoints` are skipped.
struct NotebookFinder {
    struct Found: Equatable {
        /// The project path.
        var path: String
        /// The path as the user would write it from the working directory.
        var display: String
        var isExplicit: Bool
    }

    var root: String
    var workingDirectory: String

    func notebooks(_ arguments: [String]) throws -> [Found] {
        guard !arguments.isEmpty else {
            return (gitNotebooks() ?? walk("")).map { Found(path: $0, display: display($0), isExplicit: false) }
        }
        var found: [Found] = []
        for argument in arguments {
            let absolute = PathNames.normalized(argument.hasPrefix("/") ? argument : workingDirectory + "/" + argument)
            guard absolute == root || absolute.hasPrefix(root + "/") else {
                throw NotebookError(.unreadableInput, "is outside the project \(root); run quire export from inside the project", file: argument)
            }
            let path = absolute == root ? "" : String(absolute.dropFirst(root.count + 1))
            if FileIO.isDirectory(absolute) {
                found += walk(path).map { Found(path: $0, display: display($0), isExplicit: false) }
            } else {
                found.append(Found(path: path, display: argument, isExplicit: true))
            }
        }
        var seen = Set<String>()
        return found.filter { seen.insert($0.path).inserted }
    }

    func absolute(_ path: String) -> String { path.isEmpty ? root : root + "/" + path }

    /// A project path as seen from the working directory.
    func display(_ path: String) -> String {
        if workingDirectory == root { return path }
        guard workingDirectory.hasPrefix(root + "/") else { return absolute(path) }
        let here = String(workingDirectory.dropFirst(root.count + 1))
        return ExportPaths.relative(path, from: here)
    }

    private func gitNotebooks() -> [String]? {
        guard let result = try? Git().run(["-C", root, "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", "*.ipynb"]),
            result.status == 0
        else { return nil }
        let paths = result.standardOutput.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        var seen = Set<String>()
        return paths.filter { Self.isVisible($0) && FileIO.exists(absolute($0)) && seen.insert($0).inserted }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    static func isVisible(_ path: String) -> Bool {
        !path.split(separator: "/").contains { $0.hasPrefix(".") || $0 == "__pycache__" }
    }

    /// The notebooks under a project folder, as project paths.
    private func walk(_ folder: String) -> [String] {
        NotebookWalk.notebooks(below: absolute(folder)).map { String($0.dropFirst(root.count + 1)) }
    }
}
