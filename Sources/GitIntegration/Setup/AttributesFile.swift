import NotebookFormat

/// A gitattributes file held in memory as its exact bytes, so that lines can be added and
/// later removed leaving every other byte as it was.
struct AttributesFile {
    let path: String
    /// The file's bytes; nil when it does not exist.
    private(set) var bytes: [UInt8]?
    let existedOnDisk: Bool

    init(path: String) throws(GitError) {
        self.path = path
        if FileIO.exists(path) {
            do throws(NotebookError) {
                bytes = try FileIO.read(path)
            } catch {
                throw GitError(.io, "\(path): cannot read attributes file: \(error.message)")
            }
        } else {
            bytes = nil
        }
        existedOnDisk = bytes != nil
    }

    /// True when the file holds `line` (ignoring trailing blanks and a CR).
    func contains(_ line: String) -> Bool {
        lines().contains { Self.normalized($0) == line }
    }

    /// Appends lines at the end; returns true when a final newline had to be added first.
    mutating func append(_ newLines: [String]) -> Bool {
        var content = bytes ?? []
        let addedNewline = !content.isEmpty && content.last != UInt8(ascii: "\n")
        if addedNewline { content.append(UInt8(ascii: "\n")) }
        for line in newLines {
            content.append(contentsOf: line.utf8)
            content.append(UInt8(ascii: "\n"))
        }
        bytes = content
        return addedNewline
    }

    /// Removes the last occurrence of `line` and its newline; false when it is not there.
    mutating func removeLast(_ line: String) -> Bool {
        var lines = self.lines()
        guard let index = lines.lastIndex(where: { Self.normalized($0) == line }) else { return false }
        lines.remove(at: index)
        bytes = Array(lines.joined())
        return true
    }

    /// Drops a final newline (one that install added to a file that had none).
    mutating func removeFinalNewline() {
        if bytes?.last == UInt8(ascii: "\n") { bytes?.removeLast() }
    }

    var isEmpty: Bool { bytes?.isEmpty ?? true }

    /// Writes the bytes back (creating folders as needed), or deletes the file when asked.
    func save() throws(GitError) {
        guard let bytes else { return }
        try FilePaths.createParentDirectories(of: path)
        do throws(NotebookError) {
            try FileIO.writeAtomically(bytes, to: path)
        } catch {
            throw GitError(.io, "\(path): cannot write attributes file: \(error.message)")
        }
    }

    func delete() throws(GitError) {
        try FileStatus.remove(path)
    }

    /// The lines, each with its newline (the last one may have none).
    private func lines() -> [ArraySlice<UInt8>] {
        guard let bytes, !bytes.isEmpty else { return [] }
        var result: [ArraySlice<UInt8>] = []
        var start = 0
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
            result.append(bytes[start...index])
            start = index + 1
        }
        if start < bytes.count { result.append(bytes[start...]) }
        return result
    }

    private static func normalized(_ line: ArraySlice<UInt8>) -> String {
        var end = line.endIndex
        while end > line.startIndex, [9, 10, 13, 32].contains(line[end - 1]) { end -= 1 }
        return String(decoding: line[line.startIndex..<end], as: UTF8.self)
    }
}
