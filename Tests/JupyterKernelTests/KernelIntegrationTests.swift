import Foundation
import KernelTestSupport
import NotebookFormat
import Testing
@testable import JupyterKernel

/// Against a real ipykernel 7: start-up, heartbeat, the executor compared with nbclient,
/// timeouts, interrupts, a dying kernel, and that no kernel process is left behind.
@Suite("ipykernel integration", .serialized, .enabled(if: TestKernel.isAvailable, Comment(rawValue: TestKernel.unavailableReason)))
struct KernelIntegrationTests {
    static let showcase: [(String, [String])] = [
        ("print('hello')\nimport sys; print('warn', file=sys.stderr)", []),
        ("from IPython.display import display, HTML, clear_output\ndisplay(HTML('<b>rich</b>'))\n6 * 7", []),
        ("h = display('v1', display_id='d1')\nprint('kept')", []),
        ("print('a')\nclear_output(wait=True)\nprint('b')", []),
        ("h.update('v2')", []),
        ("try:\n    input('name? ')\nexcept Exception as e:\n    print(type(e).__name__)", []),
        ("   \n", []),
        ("print('skipped')", ["skip-execution"]),
        ("1/0", ["raises-exception"]),
        ("print('after the error')", []),
    ]

    @Test func startsAnswersHeartbeatAndLeavesNothingBehind() async throws {
        let (pid, folder, alive, ping, language) = try await TestKernel.offPool { () throws -> (pid_t, String, Bool, Bool, String?) in
            let kernel = try Kernel.start(try #require(TestKernel.spec))
            defer { kernel.shutdown() }
            let language = kernel.info["language_info"]?.objectValue?["name"]?.stringValue
            return (kernel.process.pid, kernel.folder, kernel.process.isRunning(), kernel.channels.ping(), language)
        }
        #expect(alive && ping)
        #expect(language == "python")
        #expect(!TestKernel.processExists(pid))
        #expect(!FileManager.default.fileExists(atPath: folder))
    }

    @Test func executedNotebookMatchesNbclient() async throws {
        let python = try #require(TestKernel.python)
        let folder = try TestKernel.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let input = TestKernel.notebook(Self.showcase)
        try Data(NotebookWriter.bytes(input)).write(to: URL(fileURLWithPath: folder + "/in.ipynb"))
        let ours = try await TestKernel.offPool { () throws -> Notebook in
            let kernel = try Kernel.start(try #require(TestKernel.spec), options: .init(workingDirectory: folder))
            defer { kernel.shutdown() }
            var notebook = input
            try NotebookExecutor(kernel: kernel).execute(&notebook)
            return notebook
        }
        let script = """
            import nbformat, sys
            from nbclient import NotebookClient
            nb = nbformat.read(sys.argv[1], as_version=4)
            NotebookClient(nb, kernel_name='\(TestKernel.name)', resources={'metadata': {'path': sys.argv[3]}}).execute()
            nbformat.write(nb, sys.argv[2])
            """
        let (status, log) = try TestKernel.run(python, ["-c", script, folder + "/in.ipynb", folder + "/nbclient.ipynb", folder])
        try #require(status == 0, "nbclient failed: \(log)")
        let theirs = try NotebookReader.read(Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/nbclient.ipynb"))))
        // Through the writer, as nbclient's notebook went through nbformat's.
        let a = TestKernel.comparable(try NotebookReader.read(NotebookWriter.bytes(ours))), b = TestKernel.comparable(theirs)
        for (x, y) in zip(a.cells, b.cells) { #expect(x == y) }
        #expect(a.metadata == b.metadata)
        // The cells as they should be, beyond agreeing with nbclient.
        let cells = ours.cells
        #expect(cells.map { $0.json["execution_count"]?.intValue } == [1, 2, 3, 4, 5, 6, nil, nil, 7, 8])
        #expect(cells[2].outputs.first?["data"]?.objectValue?["text/plain"] == .string("'v2'"))
        #expect(cells[3].outputs.map { $0["text"] } == [.string("b\n")])
        #expect(cells[5].outputs.first?["text"] == .string("StdinNotImplementedError\n"))
        #expect(cells[8].outputs.first?["ename"] == .string("ZeroDivisionError"))
        let timing = try #require(cells[0].metadata["execution"]?.objectValue)
        #expect(Set(timing.keys) == ["iopub.status.busy", "iopub.execute_input", "shell.execute_reply", "iopub.status.idle"])
    }

    @Test func firstErrorStopsTheRun() async throws {
        let (notebook, failure) = try await TestKernel.offPool { () throws -> (Notebook, CellFailure?) in
            let kernel = try Kernel.start(try #require(TestKernel.spec))
            defer { kernel.shutdown() }
            var notebook = TestKernel.notebook([("x = 1", []), ("def f():\n    return 1/0\nf()", []), ("print('never')", [])])
            do throws(CellFailure) {
                try NotebookExecutor(kernel: kernel).execute(&notebook)
                return (notebook, nil)
            } catch {
                return (notebook, error)
            }
        }
        let error = try #require(failure)
        #expect(error.reason == .error && error.cellIndex == 1 && error.cellID == "cell-1")
        #expect(error.ename == "ZeroDivisionError" && error.evalue == "division by zero")
        #expect(error.traceback.joined().contains("ZeroDivisionError"))
        #expect(notebook.cells[1].outputs.first?["output_type"] == JSONValue.string("error"))
        #expect(notebook.cells[2].outputs.isEmpty && notebook.cells[2].json["execution_count"] == .null)
    }

    @Test func timeoutInterruptsAndTheKernelSurvives() async throws {
        let (failure, survived, seconds) = try await TestKernel.offPool { () throws -> (CellFailure?, Bool, Double) in
            let kernel = try Kernel.start(try #require(TestKernel.spec))
            defer { kernel.shutdown() }
            var notebook = TestKernel.notebook([("import time\nprint('start', flush=True)\ntime.sleep(60)", [])])
            let started = MonotonicClock.now
            do throws(CellFailure) {
                try NotebookExecutor(kernel: kernel, options: ExecutionOptions(timeout: 1)).execute(&notebook)
                return (nil, true, 0)
            } catch {
                let seconds = MonotonicClock.now - started
                // The interrupted kernel still runs code.
                var next = TestKernel.notebook([("print(6 * 7)", [])])
                try NotebookExecutor(kernel: kernel).execute(&next)
                return (error, next.cells[0].outputs.first?["text"] == .string("42\n"), seconds)
            }
        }
        #expect(failure?.reason == .timeout(seconds: 1))
        #expect(survived)
        #expect(seconds < 5)
    }

    @Test func cellIgnoringTheInterruptIsKilled() async throws {
        let (failure, pid) = try await TestKernel.offPool { () throws -> (CellFailure?, pid_t) in
            let kernel = try Kernel.start(try #require(TestKernel.spec))
            defer { kernel.shutdown() }
            var notebook = TestKernel.notebook([("import signal, time\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\ntime.sleep(60)", [])])
            var options = ExecutionOptions(timeout: 0.5)
            options.interruptGrace = 1
            do throws(CellFailure) {
                try NotebookExecutor(kernel: kernel, options: options).execute(&notebook)
                return (nil, kernel.process.pid)
            } catch {
                return (error, kernel.process.pid)
            }
        }
        #expect(failure?.reason == .timeout(seconds: 0.5))
        #expect(failure?.detail.contains("killed") == true)
        #expect(!TestKernel.processExists(pid))
    }

    @Test func kernelDyingMidCellIsReported() async throws {
        let (failure, pid) = try await TestKernel.offPool { () throws -> (CellFailure?, pid_t) in
            let kernel = try Kernel.start(try #require(TestKernel.spec))
            defer { kernel.shutdown() }
            var notebook = TestKernel.notebook([("print('bye', flush=True)\nimport os\nos._exit(3)", []), ("print('never')", [])])
            do throws(CellFailure) {
                try NotebookExecutor(kernel: kernel).execute(&notebook)
                return (nil, kernel.process.pid)
            } catch {
                return (error, kernel.process.pid)
            }
        }
        #expect(failure?.reason == .kernelDied)
        #expect(failure?.cellIndex == 0)
        #expect(failure?.detail == "exit status 3")
        #expect(!TestKernel.processExists(pid))
    }

    @Test func messageInterruptModeUsesTheControlChannel() async throws {
        let failure = try await TestKernel.offPool { () throws -> CellFailure? in
            var spec = try #require(TestKernel.spec)
            spec.interruptMode = .message
            let kernel = try Kernel.start(spec)
            defer { kernel.shutdown() }
            var notebook = TestKernel.notebook([("import time\ntime.sleep(60)", [])])
            do throws(CellFailure) {
                try NotebookExecutor(kernel: kernel, options: ExecutionOptions(timeout: 1)).execute(&notebook)
                return nil
            } catch {
                return error
            }
        }
        #expect(failure?.reason == .timeout(seconds: 1))
        #expect(failure?.detail == "the kernel was interrupted")
    }
}
