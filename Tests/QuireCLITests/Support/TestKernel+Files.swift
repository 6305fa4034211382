import Foundation
import KernelTestSupport
import NotebookFormat
import Testing

/// What the command-line tests add to the shared ``TestKernel``: notebooks as files, and the
/// venv's interpreter (which also has nbclient and papermill) as a command.
extension TestKernel {
    static let reason = Comment(rawValue: unavailableReason)

    static func write(_ cells: [(String, [String])], to path: String) throws {
        try Data(NotebookWriter.bytes(notebook(cells))).write(to: URL(fileURLWithPath: path))
    }

    static func read(_ path: String) throws -> Notebook {
        try NotebookReader.read(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    static func python(_ arguments: [String], in directory: String? = nil) throws -> (Int32, String) {
        try run(try #require(python), arguments, in: directory)
    }
}
