import TrackingUI

/// The web UI reads artifacts through the store, so paths get the same safety checks as the API.
extension ArtifactStore: ArtifactBrowsing {
    func entries(in path: String) throws -> [ArtifactEntry]? {
        let folder = location(of: try ArtifactPath(decoded: path))
        guard FileSystem.kind(of: folder) == .directory else { return nil }
        return FileSystem.entries(of: folder).compactMap { name in
            guard !name.hasPrefix(Self.temporaryMarker) else { return nil }
            switch FileSystem.kind(of: folder + "/" + name) {
            case .directory: return ArtifactEntry(name: name, isDirectory: true, size: nil)
            case .file(let size): return ArtifactEntry(name: name, isDirectory: false, size: size)
            default: return nil
            }
        }
    }

    func contents(of path: String, limit: Int) throws -> (bytes: [UInt8], size: Int64)? {
        let file = location(of: try ArtifactPath(decoded: path))
        guard case .file(let size) = FileSystem.kind(of: file), let bytes = FileSystem.readPrefix(file, limit: limit) else {
            return nil
        }
        return (bytes, size)
    }
}
