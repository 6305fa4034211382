import Hummingbird
import NotebookFormat
import Synchronization

/// Proxied artifacts (`mlflow-artifacts:/…`) kept as plain files under a root folder.
///
/// Uploads stream to a hidden temporary file beside the target and are renamed into place,
/// so a reader never sees half a file and a failed upload leaves nothing behind.
struct ArtifactStore: Sendable {
    let root: String
    let maxUploadBytes: Int64
    let fileIO = Hummingbird.FileIO()

    static let temporaryMarker = ".quire-upload-"

    func location(of path: ArtifactPath) -> String {
        path.isRoot ? root : root + "/" + path.description
    }

    func upload(_ body: RequestBody, to path: ArtifactPath, context: some RequestContext) async throws {
        guard let name = path.components.last else { throw APIError.invalidParameter("An artifact path is required.") }
        let target = location(of: path)
        let folder = String(target.dropLast(name.utf8.count + 1))
        if FileSystem.kind(of: target) == .directory {
            throw APIError.invalidParameter("Cannot upload to '\(path)': it is a directory.")
        }
        guard FileSystem.createDirectories(folder) else {
            throw APIError.invalidParameter("Cannot create the folder for '\(path)': a file is in the way.")
        }
        let temporary = folder + "/" + Self.temporaryMarker + String(UInt64.random(in: 0...UInt64.max), radix: 36)
        let limited = LimitedBody(body: body, limit: maxUploadBytes)
        do {
            try await fileIO.writeFile(contents: limited, path: temporary, context: context)
            guard FileSystem.move(temporary, to: target) else {
                throw APIError(.internalServerError, "INTERNAL_ERROR", "Cannot store '\(path)': \(FileSystem.lastErrorMessage)")
            }
        } catch {
            FileSystem.removeTree(temporary)
            // The file system layer wraps the body's error; the meter says what happened.
            if limited.meter.exceeded { throw APIError.tooLarge(limit: maxUploadBytes) }
            throw error
        }
    }

    func download(_ path: ArtifactPath, context: some RequestContext) async throws -> Response {
        let file = location(of: path)
        guard case .file(let size) = FileSystem.kind(of: file) else {
            throw APIError.notFound("No artifact at '\(path)'.")
        }
        let body = try await fileIO.loadFile(path: file, context: context)
        var headers = HTTPFields()
        headers[.contentType] = Self.contentType(of: path.components.last ?? "")
        // An SVG opened directly must not run its scripts with the server's origin.
        if headers[.contentType] == "image/svg+xml" { headers[.contentSecurityPolicy] = "sandbox" }
        headers[.contentLength] = String(size)
        return Response(status: .ok, headers: headers, body: body)
    }

    /// Images and plain text by extension, so the web UI can show them; everything else is bytes.
    static func contentType(of name: String) -> String {
        let lowered = name.lowercased()
        let types = [
            ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
            ".webp": "image/webp", ".svg": "image/svg+xml", ".txt": "text/plain; charset=utf-8",
            ".log": "text/plain; charset=utf-8", ".csv": "text/csv; charset=utf-8", ".json": "application/json",
        ]
        for (suffix, type) in types where lowered.hasSuffix(suffix) { return type }
        return "application/octet-stream"
    }

    /// `{"files": [...]}` for a folder (paths relative to it); `{}` for a file or nothing.
    func list(_ path: ArtifactPath) -> JSONValue {
        let folder = location(of: path)
        guard FileSystem.kind(of: folder) == .directory else { return Wire.empty }
        var files: [JSONValue] = []
        for name in FileSystem.entries(of: folder) where !name.hasPrefix(Self.temporaryMarker) {
            switch FileSystem.kind(of: folder + "/" + name) {
            case .directory:
                files.append(Wire.object([("path", .string(name)), ("is_dir", .bool(true))]))
            case .file(let size):
                files.append(
                    Wire.object([("path", .string(name)), ("is_dir", .bool(false)), ("file_size", Wire.int64(size))]))
            default:
                continue
            }
        }
        return Wire.object([("files", Wire.list(files))])
    }

    func delete(_ path: ArtifactPath) throws(APIError) {
        guard !path.isRoot else { throw .invalidParameter("Refusing to delete the whole artifact root.") }
        FileSystem.removeTree(location(of: path))
    }
}

/// A request body that fails with 413 once it has delivered more than `limit` bytes.
struct LimitedBody: AsyncSequence, Sendable {
    typealias Element = ByteBuffer
    let body: RequestBody
    let limit: Int64
    let meter = Meter()

    /// Whether the limit was passed, readable after the consumer wrapped the error.
    final class Meter: Sendable {
        let state = Mutex(false)
        var exceeded: Bool { state.withLock { $0 } }
    }

    struct AsyncIterator: AsyncIteratorProtocol {
        var base: RequestBody.AsyncIterator
        let limit: Int64
        let meter: Meter
        var total: Int64 = 0

        mutating func next() async throws -> ByteBuffer? {
            guard let buffer = try await base.next() else { return nil }
            total += Int64(buffer.readableBytes)
            if total > limit {
                meter.state.withLock { $0 = true }
                throw APIError.tooLarge(limit: limit)
            }
            return buffer
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: body.makeAsyncIterator(), limit: limit, meter: meter)
    }
}
