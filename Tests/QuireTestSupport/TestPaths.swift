#if canImport(Glibc)
import Glibc
#endif

/// Where the tests find the repository and the shared corpus, for every test target.
public enum TestPaths {
    /// The repository root, from this file's real path (it may be reached through a link).
    public static let repositoryRoot: String = {
        var path = #filePath
        if let resolved = realpath(path, nil) {
            path = String(cString: resolved)
            free(resolved)
        }
        for _ in 0..<3 { path = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)]) }
        return path
    }()

    /// `../shared/corpus` beside the repository when it holds `subfolder`, or nil.
    public static func corpus(holding subfolder: String) -> String? {
        let path = repositoryRoot + "/../shared/corpus"
        var info = stat()
        return stat(path + "/" + subfolder, &info) == 0 ? path : nil
    }

    /// `source/file.ipynb` paths under the corpus's notebooks folder, sorted.
    public static func corpusNotebooks(_ corpus: String) -> [String] {
        entries(of: corpus + "/notebooks").flatMap { source in
            entries(of: corpus + "/notebooks/" + source).filter { $0.hasSuffix(".ipynb") }.map { source + "/" + $0 }
        }
    }

    /// The names in a folder, sorted, without `.` and `..`.
    public static func entries(of folder: String) -> [String] {
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
}

/// SplitMix64: a small deterministic generator, so a failing random case can be replayed.
public struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
