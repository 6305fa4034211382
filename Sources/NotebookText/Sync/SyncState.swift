import NotebookFormat

/// What each pair looked like at its last sync: the script text, one file per script under
/// `<root>/.quire/sync/`, mirroring the script's path below the root. It is the common
/// ancestor that tells `quire sync` which side changed and lets it merge when both did.
/// The folder ignores itself in git: it records this clone's syncs, not the team's.
public struct SyncState: Sendable {
    /// The project's root: the git work tree, or the notebook's folder outside git.
    public var root: String

    public init(root: String) {
        self.root = root
    }

    public var folder: String { root + "/.quire/sync" }

    /// A pair's last sync: the script text, and the notebook file's stamp once it was written.
    public struct Record: Sendable, Equatable {
        public var text: String
        /// The notebook's size and modification time after the sync: while they stay the same,
        /// the notebook is known to match `text` without reading it as a script again.
        public var notebookStamp: FileStamp?

        public init(text: String, notebookStamp: FileStamp?) {
            self.text = text
            self.notebookStamp = notebookStamp
        }
    }

    /// The last sync of the script at `scriptPath` (absolute), if quire recorded one.
    public func record(ofScript scriptPath: String) -> Record? {
        guard let path = recordPath(ofScript: scriptPath), let bytes = try? FileIO.read(path),
              let contents = String(validating: bytes, as: UTF8.self)
        else { return nil }
        // `quire-sync <size> <seconds> <nanoseconds>` on the first line, then the text.
        guard contents.hasPrefix(Self.magic), let newline = contents.firstIndex(of: "\n") else {
            return Record(text: contents, notebookStamp: nil)
        }
        let fields = contents[..<newline].split(separator: " ").dropFirst().compactMap { Int($0) }
        let stamp = fields.count == 3 ? FileStamp(size: fields[0], seconds: fields[1], nanoseconds: fields[2]) : nil
        return Record(text: String(contents[contents.index(after: newline)...]), notebookStamp: stamp)
    }

    /// Records the last sync of `scriptPath`, unless it is already recorded.
    public func save(_ record: Record, ofScript scriptPath: String) throws(NotebookError) {
        guard let path = recordPath(ofScript: scriptPath) else { return }
        if self.record(ofScript: scriptPath) == record { return }
        try FileIO.createDirectories(PairingFormat.splitLast(path).0)
        let ignore = root + "/.quire/.gitignore"
        if !FileIO.exists(ignore) { try FileIO.writeAtomically(Array("# quire's local state\n*\n".utf8), to: ignore) }
        let stamp = record.notebookStamp.map { "\($0.size) \($0.seconds) \($0.nanoseconds)" } ?? "- - -"
        try FileIO.writeAtomically(Array((Self.magic + stamp + "\n" + record.text).utf8), to: path)
    }

    private static let magic = "quire-sync "

    /// `<root>/.quire/sync/<script path below root>`; nil for a script outside the root.
    func recordPath(ofScript scriptPath: String) -> String? {
        guard scriptPath.hasPrefix(root + "/") else { return nil }
        return folder + "/" + scriptPath.dropFirst(root.count + 1)
    }

    /// The git work tree holding `directory` (absolute), or nil outside git.
    public static func gitRoot(above directory: String) -> String? {
        var folder = directory
        while !folder.isEmpty {
            if FileIO.exists(folder + "/.git") { return folder }
            if folder == "/" { return nil }
            folder = PairingFormat.splitLast(folder).0
            if folder.isEmpty { folder = "/" }
        }
        return nil
    }
}
