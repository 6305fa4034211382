#if canImport(Glibc)
import Glibc
#endif

@testable import NotebookFormat

/// Walks the shared corpus.
enum Corpus {
    /// `source/file.ipynb` paths under `corpus/notebooks`, sorted.
    static func notebooks(in corpus: String) -> [String] {
        var result: [String] = []
        for source in entries(of: corpus + "/notebooks") {
            for file in entries(of: corpus + "/notebooks/" + source) where file.hasSuffix(".ipynb") {
                result.append(source + "/" + file)
            }
        }
        return result.sorted()
    }

    static func entries(of folder: String) -> [String] {
        guard let dir = opendir(folder) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// The notebook with every cell id removed, for comparing files whose ids are random.
    static func withoutCellIDs(_ bytes: [UInt8]) throws -> Notebook {
        var notebook = try NotebookReader.read(bytes)
        notebook.updateCells { cells in for i in cells.indices { cells[i].id = nil } }
        return notebook
    }
}
