#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import JupyterKernel
import NotebookFormat

extension Quire {
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Execute a notebook top to bottom in a fresh kernel.",
            discussion: """
                Runs every code cell in order in a new kernel, as `jupyter execute` (nbclient) \
                does: outputs, execution counts 1, 2, 3... and metadata.execution timings are \
                written into the cells; blank cells and cells tagged skip-execution are not run; \
                the first error stops the run, unless --allow-errors is given or the cell is \
                tagged raises-exception; as with nbmake, the notebook's metadata.execution \
                {"timeout": seconds, "allow_errors": true} wins over the flags. input() raises StdinNotImplementedError: notebooks under \
                test must not wait for input.

                The kernel is --kernel, else the notebook's metadata.kernelspec.name, else \
                python3, found where Jupyter looks for kernelspecs (see `quire kernels`). It \
                starts in the notebook's folder unless --cwd is given.

                Parameters work as in papermill: -p name=value (typed like papermill's -p: \
                True/False/None, int, float, else a string) and -f params.yaml; the values go \
                into a new cell tagged injected-parameters right after the cell tagged \
                parameters (an earlier injected cell is replaced), written as papermill writes \
                Python literals, and into metadata.papermill.parameters.

                The executed notebook is written (atomically) only with -o OUT (- for stdout) \
                or --inplace; without them, as with `jupyter execute`, only the verdict counts. \
                It is written on failure too, with the outputs up to the failing cell.

                Exit status: 0 every cell ran; 1 a cell failed, timed out or the kernel died \
                (the cell's number, id, source and traceback go to stderr); 64 usage error or \
                unknown --kernel; 65 invalid notebook or unknown kernel in its metadata; 66 no \
                such file.

                Examples:
                  quire run analysis.ipynb
                  quire run report.ipynb -o out/report.ipynb -p alpha=0.1 -p region=EU
                  quire run train.ipynb --inplace -f params.yaml --timeout 600
                """
        )

        @Argument(help: "The notebook to run.")
        var notebook: String

        @Option(name: .shortAndLong, help: ArgumentHelp("Write the executed notebook here (- for stdout).", valueName: "out"))
        var output: String?

        @Flag(help: "Write the executed notebook back to NOTEBOOK.")
        var inplace = false

        @Option(name: .shortAndLong, help: ArgumentHelp("A parameter, name=value (repeatable).", valueName: "name=value"))
        var parameter: [String] = []

        @Option(name: .shortAndLong, help: ArgumentHelp("Parameters from a YAML file (applied before -p).", valueName: "params.yaml"))
        var file: String?

        @Option(help: "The kernelspec to use instead of the notebook's.")
        var kernel: String?

        @Option(help: ArgumentHelp("Seconds a cell may run before it is interrupted and the run fails.", valueName: "seconds"))
        var timeout: Double?

        @Option(help: ArgumentHelp("Start the kernel in this folder instead of the notebook's.", valueName: "dir"))
        var cwd: String?

        @Flag(help: "Run every cell even after errors; exit 0 unless the kernel fails.")
        var allowErrors = false

        @Flag(name: .shortAndLong, help: "No progress lines on stderr.")
        var quiet = false

        func validate() throws {
            if inplace && output != nil { throw ValidationError("give either -o or --inplace, not both") }
            if let timeout, timeout <= 0 { throw ValidationError("--timeout must be a positive number of seconds") }
        }

        func run() throws {
            KernelReaper.shared.installSignalHandlers()
            let parameters: JSONObject
            do {
                parameters = try RunParameters.collect(pairs: parameter, file: file)
            } catch {
                Console.error("quire: \(error)")
                throw ExitCode(64)
            }
            var input: Notebook
            do {
                input = try NotebookRun.read(notebook)
            } catch {
                Console.error("quire: " + error.inFile(notebook).description)
                throw ExitCode(error.exitCode)
            }
            if !parameters.isEmpty, !PapermillParameters.inject(parameters, into: &input) {
                Console.error("quire: \(notebook): no cell is tagged 'parameters'; the parameters go into a new first cell")
            }
            var settings = NotebookRun.Settings()
            settings.kernelName = kernel
            settings.timeout = timeout
            settings.allowErrors = allowErrors
            settings.workingDirectory = cwd
            let runner = NotebookRun(path: notebook, settings: settings)
            let outcome: NotebookRun.Outcome
            let quiet = quiet
            let onEvent: (ExecutionEvent) -> Void = { event in if !quiet { Self.progress(event) } }
            do throws(NotebookRun.SetupError) {
                outcome = try runner.execute(input, onEvent: onEvent)
            } catch {
                Console.error("quire: \(notebook): " + error.message)
                throw ExitCode(error.exitCode)
            }
            if let destination = inplace ? notebook : output {
                let bytes = NotebookWriter.bytes(outcome.notebook)
                do {
                    let folder = NotebookRun.folder(of: destination)
                    if destination != "-" && !FileIO.isDirectory(folder) { try FileIO.createDirectories(folder) }
                    if destination == "-" { try FileIO.writeStandardOutput(bytes) } else { try FileIO.writeAtomically(bytes, to: destination) }
                } catch {
                    Console.error("quire: " + error.inFile(destination).description)
                    throw ExitCode(error.exitCode)
                }
            }
            if let failure = outcome.failure {
                Console.error(FailureReport.text(failure, notebook: notebook, cellCount: outcome.notebook.cells.count, keepColour: isatty(2) == 1 && getenv("NO_COLOR") == nil))
                throw ExitCode(1)
            }
            if !quiet { Console.error("quire: \(notebook): ran in \(FailureReport.seconds(outcome.seconds)) (kernel \(outcome.kernelName))") }
        }

        static func progress(_ event: ExecutionEvent) {
            guard case .cellFinished(let index, let number, let total, let seconds, let status) = event else { return }
            // [code cells run so far / to run] and the cell's position among all cells, as failures name it.
            Console.error("[\(number)/\(total)] cell \(index + 1) \(status) \(FailureReport.seconds(seconds))")
        }
    }
}
