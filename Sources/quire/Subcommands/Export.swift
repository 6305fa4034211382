#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import NotebookFormat
import NotebookText

extension Quire {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the exported cells of notebooks into Python modules.",
            discussion: """
                Keeps reusable code in modules that a clean main notebook imports. Two ways to \
                mark a cell, as teams already do:

                nbdev directives at the top of a cell: '#| default_exp data.loaders' names the \
                notebook's module (<lib>/data/loaders.py); '#| export' (or '#| exports') puts the \
                cell in it and its names in __all__; '#| exporti' puts it in without __all__; \
                '#| export other' sends it to the module 'other'. Directive lines stay out of \
                the module. Several notebooks may feed one module: notebooks in path order, \
                cells in notebook order.

                '%%writefile [-a] path.py' on the first line: the rest of the cell goes to \
                path.py (relative to the notebook's folder, where Jupyter runs it); '-a' \
                appends. Targets that are not .py files are left to Jupyter.

                Each module starts with a line saying it is generated and from which notebooks, \
                and a line with the SHA-256 of the rest of the file; each cell is headed \
                '# %% <notebook> #<cell id>', as nbdev 3 writes it. A magic, shell escape or \
                help request in an exported cell (%time, !pip, x = !ls, obj?) is an error \
                naming the notebook, cell and line: a module must be plain Python.

                Everything is checked and built in memory first; on any error nothing is \
                written. Unchanged modules are not touched. A module edited by hand since the \
                last export, or a file quire did not generate, is not overwritten without --force.

                Without NOTEBOOK, every notebook of the project (what git lists, tracked or \
                untracked and not ignored; outside git, a walk skipping hidden folders). The \
                library folder <lib> is 'lib-path' in the [export] table of quire.toml \
                ([tool.quire.export] in pyproject.toml), else nbdev's [tool.nbdev] lib_path, \
                else the notebook's folder. The project root is the folder of that settings \
                file, else the top of the git work tree; no module may be written outside it.

                Exit status: 0 written or up to date; 1 --check found a stale module, or a \
                module would be overwritten without --force; 64 usage or settings error; 65 a \
                notebook is invalid, not Python, or exports something that cannot go into a \
                module; 66 a notebook does not exist; 74 a module cannot be written.

                Examples:
                  quire export                              # every notebook of the project
                  quire export nbs/00_core.ipynb
                  quire export --check                      # CI / pre-commit: exit 1 if a module is stale
                  quire export --force                      # overwrite modules edited by hand
                """
        )

        @Argument(help: "Notebooks (or folders of notebooks) to export; default: every notebook of the project.")
        var notebooks: [String] = []

        @Flag(help: "Write nothing; list modules that are missing, out of date or edited by hand, and exit 1 if any.")
        var check = false

        @Flag(help: "Overwrite modules edited by hand and files quire did not generate.")
        var force = false

        @Flag(name: .shortAndLong, help: "Do not list the modules written.")
        var quiet = false

        func validate() throws {
            if check && force { throw ValidationError("--check writes nothing, so --force has no meaning with it") }
        }

        func run() throws {
            do {
                let here = ConfigurationFile.currentDirectory()
                let settings = try ExportConfiguration.load(from: here)
                let finder = NotebookFinder(root: settings.root, workingDirectory: here)
                var inputs: [ExportNotebook] = []
                for found in try finder.notebooks(notebooks) {
                    let notebook: Notebook
                    do { notebook = try NotebookReader.read(FileIO.read(finder.absolute(found.path))) } catch { throw error.inFile(found.display) }
                    inputs.append(ExportNotebook(path: found.path, displayPath: found.display, notebook: notebook, isExplicit: found.isExplicit))
                }
                let modules = try ModuleExporter.modules(for: inputs, settings: ExportSettings(root: settings.root, library: settings.library))
                if modules.isEmpty && !quiet {
                    Console.error("quire: nothing to export (no '#| export', '#| exporti' or '%%writefile *.py' cells)")
                }
                var stale: [(ModuleFile, ModuleStatus)] = []
                for module in modules {
                    let path = finder.absolute(module.path)
                    let onDisk: [UInt8]? = FileIO.exists(path) ? try FileIO.read(path) : nil
                    let status = GeneratedModule.status(onDisk: onDisk, expected: module.bytes)
                    if status != .upToDate { stale.append((module, status)) }
                }
                try check ? report(stale, finder) : write(stale, finder)
            } catch let error as NotebookError {
                Console.error("quire: \(error)")
                throw ExitCode(error.exitCode)
            } catch let error as ExportError {
                Console.error("quire: \(error)")
                throw ExitCode(error.exitCode)
            } catch let error as ConfigurationError {
                Console.error("quire: \(error)")
                throw ExitCode(64)
            }
        }

        private func report(_ stale: [(ModuleFile, ModuleStatus)], _ finder: NotebookFinder) throws {
            for (module, status) in stale { Console.output("\(finder.display(module.path)): \(status.reason)") }
            if !stale.isEmpty { throw ExitCode(1) }
        }

        private func write(_ stale: [(ModuleFile, ModuleStatus)], _ finder: NotebookFinder) throws {
            let refused = stale.filter { $0.1 == .editedByHand || $0.1 == .notGenerated }
            if !force && !refused.isEmpty {
                for (module, status) in refused {
                    let what = status == .editedByHand ? "was edited by hand since the last export" : "exists and was not generated by quire export"
                    Console.error("quire: \(finder.display(module.path)) \(what); move the change into the notebook, or overwrite it with quire export --force")
                }
                Console.error("quire: nothing was written")
                throw ExitCode(1)
            }
            for (module, _) in stale {
                let path = finder.absolute(module.path)
                try Self.createFolders(for: path)
                try FileIO.writeAtomically(module.bytes, to: path)
                if !quiet { Console.output("wrote \(finder.display(module.path))") }
            }
        }

        /// `mkdir -p` for the folder of `path`.
        static func createFolders(for path: String) throws(NotebookError) {
            guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return }
            let folder = String(path[..<slash])
            if FileIO.isDirectory(folder) { return }
            try createFolders(for: folder)
            if mkdir(folder, 0o755) != 0 && errno != EEXIST {
                throw NotebookError(.io, "cannot create the folder: \(String(cString: strerror(errno)))", file: folder)
            }
        }
    }
}
