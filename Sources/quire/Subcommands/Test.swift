import ArgumentParser
import Dispatch
import JupyterKernel
import NotebookFormat
import Synchronization

extension Quire {
    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run many notebooks, each in a fresh kernel, and report which fail.",
            discussion: """
                Each notebook runs top to bottom as `quire run` runs it (the notebook's own \
                kernel, started in its folder); nothing is written back. Without PATH, every \
                notebook below the working directory: what git lists (tracked and untracked, \
                not ignored), or outside git a walk that skips hidden folders and \
                .ipynb_checkpoints. A folder stands for the notebooks below it; notebooks \
                matching a pattern of `exclude` in the [test] table of quire.toml \
                ([tool.quire.test] in pyproject.toml) are left out, e.g. exclude = ["scratch/", \
                "*.draft.ipynb"], relative to that file's folder.

                One line per notebook as it finishes, then a table: notebook, result, time, \
                failing cell. --junit writes a JUnit XML report for CI.

                Exit status: 0 every notebook passed; 1 a notebook failed or could not run; \
                64 usage error; 66 a PATH does not exist.

                Examples:
                  quire test
                  quire test notebooks/ --jobs 4 --junit test-results/notebooks.xml
                """
        )

        @Argument(help: "Notebooks or folders; default: the working directory.")
        var paths: [String] = []

        @Option(name: .shortAndLong, help: "Notebooks to run at once.")
        var jobs = 1

        @Option(help: ArgumentHelp("Write a JUnit XML report here.", valueName: "file"))
        var junit: String?

        @Option(help: ArgumentHelp("Seconds a cell may run before it is interrupted and the notebook fails.", valueName: "seconds"))
        var timeout: Double?

        @Option(help: "The kernelspec to use instead of each notebook's.")
        var kernel: String?

        func validate() throws {
            if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
            if let timeout, timeout <= 0 { throw ValidationError("--timeout must be a positive number of seconds") }
        }

        func run() throws {
            KernelReaper.shared.installSignalHandlers()
            let notebooks: [String]
            let here = ConfigurationFile.currentDirectory()
            let configuration: TestConfiguration
            do {
                configuration = try TestConfiguration.load(from: here)
            } catch {
                Console.error("quire: \(error)")
                throw ExitCode(64)
            }
            do {
                notebooks = try TestNotebookList.notebooks(paths) { configuration.excludes($0, workingDirectory: here) }
            } catch {
                Console.error("quire: " + error.description)
                throw ExitCode(error.exitCode)
            }
            if notebooks.isEmpty {
                Console.error("quire: no notebooks found")
                return
            }
            let started = MonotonicClock.now
            let settings = NotebookRun.Settings(kernelName: kernel, timeout: timeout)
            let results = Mutex([TestResult?](repeating: nil, count: notebooks.count))
            let next = Mutex(0)
            let group = DispatchGroup()
            for _ in 0..<min(jobs, notebooks.count) {
                DispatchQueue.global().async(group: group) {
                    while true {
                        let index = next.withLock { value -> Int in
                            defer { value += 1 }
                            return value
                        }
                        guard index < notebooks.count else { return }
                        let result = Self.test(notebooks[index], settings: settings)
                        Console.error(Self.line(result))
                        results.withLock { $0[index] = result }
                    }
                }
            }
            group.wait()
            let finished = results.withLock { $0.compactMap { $0 } }
            Console.output(TestReport.table(finished, seconds: MonotonicClock.now - started))
            if let junit {
                do {
                    try FileIO.writeAtomically(Array(TestReport.junit(finished, seconds: MonotonicClock.now - started).utf8), to: junit)
                } catch {
                    Console.error("quire: " + error.inFile(junit).description)
                    throw ExitCode(error.exitCode)
                }
            }
            if finished.contains(where: { $0.status != .passed }) { throw ExitCode(1) }
        }

        static func test(_ path: String, settings: NotebookRun.Settings) -> TestResult {
            let started = MonotonicClock.now
            do {
                let notebook = try NotebookRun.read(path)
                let outcome = try NotebookRun(path: path, settings: settings).execute(notebook)
                return TestResult(
                    path: path, status: outcome.failure == nil ? .passed : .failed, seconds: outcome.seconds,
                    failure: outcome.failure, cellCount: outcome.notebook.cells.count)
            } catch let error as NotebookError {
                return TestResult(path: path, status: .error, seconds: MonotonicClock.now - started, message: error.message)
            } catch {
                return TestResult(path: path, status: .error, seconds: MonotonicClock.now - started, message: "\(error)")
            }
        }

        static func line(_ result: TestResult) -> String {
            let verdict = result.status == .passed ? "PASS" : result.status == .failed ? "FAIL" : "ERROR"
            let detail = result.status == .passed ? "" : " — " + result.failingCell
            return "\(verdict) \(result.path) (\(FailureReport.seconds(result.seconds)))\(detail)"
        }
    }
}
