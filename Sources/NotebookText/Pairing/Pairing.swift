/// A notebook's paired formats, jupytext's `formats` (`ipynb,py:percent`,
/// `notebooks///ipynb,scripts///py:percent`): which files hold the same notebook.
public struct Pairing: Sendable, Equatable, CustomStringConvertible {
    public var formats: [PairingFormat]

    public init(formats: [PairingFormat]) {
        self.formats = formats
    }

    /// Parses a comma-separated `formats` value.
    public init(parsing text: String) throws(PairingError) {
        var formats: [PairingFormat] = []
        for entry in text.split(separator: ",") {
            let trimmed = entry.trimmingSpaces
            guard !trimmed.isEmpty else { continue }
            formats.append(try PairingFormat(parsing: trimmed))
        }
        guard formats.contains(where: \.isNotebook) else {
            throw PairingError("formats '\(text)' has no ipynb entry, so it pairs no notebook")
        }
        self.formats = formats
    }

    public var description: String { formats.map(\.description).joined(separator: ",") }

    /// One file of a pair.
    public struct File: Sendable, Equatable {
        public var path: String
        public var format: PairingFormat
    }

    /// The notebook and its other files for `path` (a notebook or one of its paired files),
    /// or nil when `path` fits none of the formats.
    public func files(for path: String) -> [File]? {
        for format in formats {
            guard let base = format.basePath(of: path) else { continue }
            var files: [File] = []
            for other in formats {
                guard let full = other.path(forBase: base) else { return nil }
                files.append(File(path: full, format: other))
            }
            // The notebook first, then the others in the order `formats` gives.
            return files.filter(\.format.isNotebook).prefix(1) + files.filter { !$0.format.isNotebook }
        }
        return nil
    }
}

extension Substring {
    var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
