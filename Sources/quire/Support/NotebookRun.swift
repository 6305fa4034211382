import JupyterKernel
import NotebookFormat

/// Runs one notebook file in a fresh kernel: shared by `quire run` and `quire test`.
struct NotebookRun {
    struct Settings {
        /// --kernel; else the notebook's `metadata.kernelspec.name`; else python3.
        var kernelName: String?
        var timeout: Double?
        var allowErrors = false
        /// Where the kernel starts; default: the notebook's folder (as `jupyter execute`).
        var workingDirectory: String?
        var startupTimeout: Double = 60
    }

    struct Outcome {
        var notebook: Notebook
        var failure: CellFailure?
        var seconds: Double
        var kernelName: String
    }

    /// Why a run could not even start: no kernelspec, a kernel that does not start.
    struct SetupError: Error, CustomStringConvertible {
        var message: String
        var exitCode: Int32
        var description: String { message }
    }

    var path: String
    var settings: Settings

    /// Reads the notebook (v3 and older upgraded to v4, as nbclient reads them).
    static func read(_ path: String) throws(NotebookError) -> Notebook {
        let notebook = try NotebookReader.read(try FileIO.read(path))
        return notebook.major < 4 ? try notebook.upgradedToV4() : notebook
    }

    func kernelName(for notebook: Notebook) -> String {
        settings.kernelName ?? notebook.metadata["kernelspec"]?.objectValue?["name"]?.stringValue ?? "python3"
    }

    func execute(_ notebook: Notebook, onEvent: @escaping (ExecutionEvent) -> Void = { _ in }) throws(SetupError) -> Outcome {
        let started = MonotonicClock.now
        let name = kernelName(for: notebook)
        let spec: KernelSpec
        do {
            spec = try KernelSpecFinder().find(name)
        } catch {
            // A wrong --kernel is a usage error; a wrong name inside the notebook is bad input.
            throw SetupError(message: error.message, exitCode: settings.kernelName == nil ? 65 : 64)
        }
        var options = Kernel.Options(workingDirectory: settings.workingDirectory ?? Self.folder(of: path), startupTimeout: settings.startupTimeout)
        options.environment["PYDEVD_DISABLE_FILE_VALIDATION"] = options.environment["PYDEVD_DISABLE_FILE_VALIDATION"] ?? "1"
        let kernel: Kernel
        do {
            kernel = try Kernel.start(spec, options: options)
        } catch {
            throw SetupError(message: "cannot start kernel '\(spec.name)': \(error.message)", exitCode: 1)
        }
        defer { kernel.shutdown() }
        // nbmake's notebook-level settings win over the flags: the notebook knows its own needs.
        let own = notebook.metadata["execution"]?.objectValue
        let timeout = own?["timeout"].flatMap { value -> Double? in
            if case .number(let n) = value, n.doubleValue > 0 { return n.doubleValue }
            return nil
        } ?? settings.timeout
        let allowErrors = settings.allowErrors || own?["allow_errors"]?.isTruthy == true
        let executor = NotebookExecutor(kernel: kernel, options: ExecutionOptions(timeout: timeout, allowErrors: allowErrors))
        executor.onEvent = onEvent
        var notebook = notebook
        var failure: CellFailure?
        do {
            try executor.execute(&notebook)
        } catch {
            failure = error
        }
        return Outcome(notebook: notebook, failure: failure, seconds: MonotonicClock.now - started, kernelName: spec.name)
    }

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
