import Foundation
import NotebookFormat
import Testing
@testable import JupyterKernel
import KernelTestSupport

/// What the kernel tests add to the shared ``TestKernel``.
extension TestKernel {
    /// Runs blocking kernel work on its own thread, so Swift Testing's few cooperative threads
    /// stay free for the rest of the suite.
    static func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(with: Result { try body() })
            }
            thread.stackSize = 4 << 20
            thread.start()
        }
    }

    /// True while a process with this pid exists.
    static func processExists(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 || errno != ESRCH
    }

    static func temporaryFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("quire-kt-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// The notebook with what legitimately differs between two runs removed: cell ids and
    /// `metadata.execution` timestamps.
    static func comparable(_ notebook: Notebook) -> Notebook {
        var notebook = notebook
        notebook.updateCells { cells in
            for i in cells.indices {
                cells[i].json["id"] = nil
                cells[i].removeMetadata("execution")
            }
        }
        return notebook
    }
}
