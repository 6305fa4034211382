import QuireTestSupport

@testable import NotebookFormat

/// Walks the shared corpus.
enum Corpus {
    /// `source/file.ipynb` paths under `corpus/notebooks`, sorted.
    static func notebooks(in corpus: String) -> [String] { TestPaths.corpusNotebooks(corpus) }

    /// The notebook with every cell id removed, for comparing files whose ids are random.
    static func withoutCellIDs(_ bytes: [UInt8]) throws -> Notebook {
        var notebook = try NotebookReader.read(bytes)
        notebook.updateCells { cells in for i in cells.indices { cells[i].id = nil } }
        return notebook
    }
}
