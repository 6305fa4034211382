/// Read access to proxied artifacts for the run page. The server's artifact store conforms;
/// paths are relative to its root (`1/<run id>/artifacts/plots`) and it checks their safety.
public protocol ArtifactBrowsing: Sendable {
    /// The entries of a folder, sorted by name; nil when `path` is not a folder.
    /// - Throws: when the path is unsafe (`..`, absolute); the message says why.
    func entries(in path: String) throws -> [ArtifactEntry]?
    /// At most `limit` bytes of a file and its full size; nil when `path` is not a file.
    func contents(of path: String, limit: Int) throws -> (bytes: [UInt8], size: Int64)?
}

/// One file or folder in an artifact folder.
public struct ArtifactEntry: Sendable, Hashable {
    public var name: String
    public var isDirectory: Bool
    public var size: Int64?

    public init(name: String, isDirectory: Bool, size: Int64?) {
        self.name = name
        self.isDirectory = isDirectory
        self.size = size
    }
}
