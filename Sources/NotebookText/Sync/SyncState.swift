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

    /// The text of the last sync of the script at `scriptPath` (absolute), if quire recorded one.
    public func base(ofScript scriptPath: String) -> String? {
        guard let path = recordPath(ofScript: scriptPath), let bytes = try? FileIO.read(path) else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }

    /// Records `text` as the last sync of `scriptPath`, unless it already is.
    public func record(_ text: String, ofScript scriptPath: String) throws(NotebookError) {
        guard let path = recordPath(ofScript: scriptPath) else { return }
        if base(ofScript: scriptPath) == text { return }
        try FileIO.createDirectories(PairingFormat.splitLast(path).0)
        let ignore = root + "/.quire/.gitignore"
        if !FileIO.exists(ignore) { try FileIO.writeAtomically(Array("# quire's local state\n*\n".utf8), to: ignore) }
        try FileIO.writeAtomically(Array(text.utf8), to: path)
    }

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
