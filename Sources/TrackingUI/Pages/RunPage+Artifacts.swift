import HTMLTemplates
import Tracking

extension RunPage {
    static let imageExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "svg", "webp"]
    static let textExtensions: Set<String> = ["txt", "json", "yaml", "yml", "md", "py", "csv", "log"]
    static let textPreviewLimit = 64 * 1024
    static let proxyPrefix = "mlflow-artifacts:"
    static let downloadPrefix = "/api/2.0/mlflow-artifacts/artifacts/"

    /// The artifact section: a folder listing and, for `?path=FILE`, its preview.
    func artifactSection(_ run: Run) throws -> TemplateValue {
        guard let artifacts, run.info.artifactUri.hasPrefix(Self.proxyPrefix) else {
            return .object(["unavailable": .string(run.info.artifactUri)])
        }
        let root = String(run.info.artifactUri.dropFirst(Self.proxyPrefix.count).drop { $0 == "/" })
        let path = (query["path"] ?? "").split(separator: "/").joined(separator: "/")
        let pageURL = "/runs/" + URLEncoding.encode(run.info.runId)
        var fields: [String: TemplateValue] = ["path": .string(path)]
        var folder = path
        var entries: [ArtifactEntry]
        do {
            if let listed = try artifacts.entries(in: Self.join(root, path)) {
                entries = listed
            } else if let file = try artifacts.contents(of: Self.join(root, path), limit: Self.textPreviewLimit) {
                folder = path.split(separator: "/").dropLast().joined(separator: "/")
                fields["preview"] = preview(path, file: file, root: root)
                entries = try artifacts.entries(in: Self.join(root, folder)) ?? []
            } else if path.isEmpty {
                entries = []
            } else {
                fields["missing"] = .string(path)
                entries = []
            }
        } catch {
            throw UIError.badRequest("\(error)")
        }
        if !folder.isEmpty {
            let parent = folder.split(separator: "/").dropLast().joined(separator: "/")
            fields["upURL"] = .string(pageURL + (parent.isEmpty ? "" : "?path=" + URLEncoding.encode(parent)) + "#artifacts")
            fields["folder"] = .string(folder)
        }
        fields["entries"] = .list(entries.map { entry in
            let entryPath = Self.join(folder, entry.name)
            var item: [String: TemplateValue] = [
                "name": .string(entry.name),
                "url": .string(pageURL + "?path=" + URLEncoding.encode(entryPath) + "#artifacts"),
                "isDirectory": .bool(entry.isDirectory),
            ]
            if !entry.isDirectory {
                item["size"] = .string(entry.size.map(Self.byteCount) ?? "")
                item["downloadURL"] = .string(Self.downloadURL(Self.join(root, entryPath)))
                if Self.imageExtensions.contains(Self.fileExtension(entry.name)) {
                    item["imageURL"] = .string(Self.downloadURL(Self.join(root, entryPath)))
                }
            }
            return .object(item)
        })
        fields["isEmpty"] = .bool(entries.isEmpty)
        return .object(fields)
    }

    func preview(_ path: String, file: (bytes: [UInt8], size: Int64), root: String) -> TemplateValue {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let kind = Self.fileExtension(name)
        var fields: [String: TemplateValue] = [
            "name": .string(name), "downloadURL": .string(Self.downloadURL(Self.join(root, path))),
            "size": .string(Self.byteCount(file.size)),
        ]
        if Self.imageExtensions.contains(kind) {
            fields["imageURL"] = .string(Self.downloadURL(Self.join(root, path)))
        } else if Self.textExtensions.contains(kind) && file.size <= Int64(Self.textPreviewLimit) {
            fields["text"] = .string(String(decoding: file.bytes, as: UTF8.self))
        } else {
            fields["tooLarge"] = .bool(Self.textExtensions.contains(kind))
        }
        return .object(fields)
    }

    /// The proxied download URL, each path component percent-encoded.
    static func downloadURL(_ path: String) -> String {
        downloadPrefix + path.split(separator: "/").map { URLEncoding.encode(String($0)) }.joined(separator: "/")
    }

    static func join(_ base: String, _ path: String) -> String {
        base.isEmpty ? path : path.isEmpty ? base : base + "/" + path
    }

    static func fileExtension(_ name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    static func byteCount(_ bytes: Int64) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        if bytes < 1024 * 1024 { return NumberFormat.fixed(Double(bytes) / 1024, significant: 3) + " KB" }
        return NumberFormat.fixed(Double(bytes) / 1024 / 1024, significant: 3) + " MB"
    }
}
